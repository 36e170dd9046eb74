package org.fundwatch.rules.engine.fact;

/**
 * A diagnosis or procedure code of the encounter checked against the 医保版 code systems of the knowledge pack.
 *
 * @param kind      {@code diagnosis} (医保版 ICD-10 v2.0) or {@code procedure} (医保版 ICD-9-CM-3 v2.0)
 * @param known     whether the code is in the code system
 * @param grey      whether it is a grey code (灰码: not to be used as principal diagnosis / for grouping)
 * @param principal whether it is the principal diagnosis or procedure
 */
public final class CodeCheckFact {
    private final String kind;
    private final String code;
    private final String name;
    private final boolean known;
    private final boolean grey;
    private final boolean principal;

    public CodeCheckFact(String kind, String code, String name, boolean known, boolean grey, boolean principal) {
        this.kind = kind;
        this.code = code;
        this.name = name;
        this.known = known;
        this.grey = grey;
        this.principal = principal;
    }

    public String getKind() {
        return kind;
    }

    public boolean isDiagnosis() {
        return "diagnosis".equals(kind);
    }

    public boolean isProcedure() {
        return "procedure".equals(kind);
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public boolean isKnown() {
        return known;
    }

    public boolean isGrey() {
        return grey;
    }

    public boolean isPrincipal() {
        return principal;
    }
}
