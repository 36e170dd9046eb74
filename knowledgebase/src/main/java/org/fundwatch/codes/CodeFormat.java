package org.fundwatch.codes;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * The national code formats that message fields carry, each with a format check. Used by the
 * message validator (a field annotated with a format is checked against it) and available to any
 * caller that wants a reason rather than a boolean.
 */
public enum CodeFormat {
    /** 医保版 ICD-10 diagnosis, see {@link DiagnosisCode}. */
    DIAGNOSIS(DiagnosisCode::parse),
    /** 医保版 ICD-9-CM-3 procedure, see {@link ProcedureCode}. */
    PROCEDURE(ProcedureCode::parse),
    /** A national catalogue code of any kind: drug, service item or consumable. */
    LIST_CODE(CodeFormat::parseListCode),
    /** National drug code, see {@link DrugCode}. */
    DRUG(DrugCode::parse),
    /** 15-digit service item, see {@link ServiceItemCode}. */
    SERVICE_ITEM(ServiceItemCode::parse),
    /** 27-character consumable, see {@link ConsumableCode}. */
    CONSUMABLE(ConsumableCode::parse),
    /** 6-digit admdvs, see {@link AdminDivision}. */
    ADMIN_DIVISION(AdminDivision::parse),
    /** Designated-institution code, see {@link InstitutionCode}. */
    INSTITUTION(InstitutionCode::parse),
    /** National doctor code, see {@link DoctorCode}. */
    DOCTOR(DoctorCode::parse);

    private final Consumer<String> parser;

    CodeFormat(Consumer<String> parser) {
        this.parser = parser;
    }

    /** Why {@code code} does not have this format, or empty when it does. */
    public Optional<String> problem(String code) {
        try {
            parser.accept(code);
            return Optional.empty();
        } catch (InvalidCodeException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Whether {@code code} has this format. */
    public boolean isValid(String code) {
        return problem(code).isEmpty();
    }

    private static void parseListCode(String code) {
        if (ListCodeKind.of(code).isPresent()) {
            return;
        }
        String t = code == null ? "" : code.trim();
        if (t.startsWith("X") || t.startsWith("Z")) {
            DrugCode.parse(t);
        } else if (t.startsWith("C")) {
            ConsumableCode.parse(t);
        } else if (!t.isEmpty() && Character.isDigit(t.charAt(0))) {
            ServiceItemCode.parse(t);
        }
        throw new InvalidCodeException("not a national catalogue code (drug X…/Z…, 15-digit service item or 27-character consumable C…): "
                + InvalidCodeException.quote(code));
    }
}
