package org.fundwatch.generate;

/** A doctor's code, name and department pre-encoded as JSON string values (one per doctor, shared by all lines). */
final class DoctorText {
    static final DoctorText NONE = new DoctorText(null);

    final byte[] code;
    final byte[] name;
    final byte[] deptCode;
    final byte[] deptName;

    DoctorText(CatalogRecords.Doctor d) {
        this.code = JsonBytes.encodedString(d == null ? "" : d.code());
        this.name = JsonBytes.encodedString(d == null ? "" : d.name());
        this.deptCode = JsonBytes.encodedString(d == null || d.deptCode() == null ? "" : d.deptCode());
        this.deptName = JsonBytes.encodedString(d == null || d.deptName() == null ? "" : d.deptName());
    }
}
