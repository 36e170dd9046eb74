package org.fundwatch.codes;

import java.util.Optional;

/**
 * What a national catalogue code ({@code hilist_code}, {@code med_list_codg}) names, recognised
 * from its shape: a drug ({@code X…}/{@code Z…}), a service item (15 digits) or a consumable
 * ({@code C…}, 27 characters).
 */
public enum ListCodeKind {
    /** 西药/中成药, see {@link DrugCode}. */
    DRUG,
    /** 医疗服务项目, see {@link ServiceItemCode}. */
    SERVICE_ITEM,
    /** 医用耗材, see {@link ConsumableCode}. */
    CONSUMABLE;

    /** The kind of {@code code} when it is a valid code of one of the three systems, else empty. */
    public static Optional<ListCodeKind> of(String code) {
        if (DrugCode.isValid(code)) {
            return Optional.of(DRUG);
        }
        if (ServiceItemCode.isValid(code)) {
            return Optional.of(SERVICE_ITEM);
        }
        if (ConsumableCode.isValid(code)) {
            return Optional.of(CONSUMABLE);
        }
        return Optional.empty();
    }

    /** Why {@code code} is not a valid code of this kind, or empty when it is valid. */
    public Optional<String> problem(String code) {
        try {
            switch (this) {
                case DRUG -> DrugCode.parse(code);
                case SERVICE_ITEM -> ServiceItemCode.parse(code);
                case CONSUMABLE -> ConsumableCode.parse(code);
                default -> throw new IllegalStateException();
            }
            return Optional.empty();
        } catch (InvalidCodeException e) {
            return Optional.of(e.getMessage());
        }
    }
}
