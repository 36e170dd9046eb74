package org.fundwatch.pack;

/** A drug payable only by one insurance type (药品限工伤保险 / 药品限生育保险): 工伤 (insutype 410) or 生育 (510). */
public record DrugInsuranceType(String drugCode, String genericName, String insuranceType, String constraintText,
                                String source) {

    /** The national insutype code for {@link #insuranceType()}: 410 for 工伤, 510 for 生育. */
    public String insutype() {
        return switch (insuranceType) {
            case "工伤" -> "410";
            case "生育" -> "510";
            default -> throw new IllegalStateException("unknown insurance type " + insuranceType);
        };
    }
}
