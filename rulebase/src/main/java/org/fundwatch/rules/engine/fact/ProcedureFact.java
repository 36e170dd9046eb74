package org.fundwatch.rules.engine.fact;

/** An operation or procedure of the encounter (ICD-9-CM-3) with the sex its chapter is limited to, if any. */
public final class ProcedureFact {
    private final String code;
    private final String name;
    private final String sexOnly;

    public ProcedureFact(String code, String name, String sexOnly) {
        this.code = code;
        this.name = name;
        this.sexOnly = sexOnly;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    /** 1 (male genital organs, ICD-9-CM-3 60–64), 2 (female genital / obstetric, 65–75), else null. */
    public String getSexOnly() {
        return sexOnly;
    }
}
