package org.fundwatch.codes;

import java.util.Optional;

/**
 * Looks up the name of a national code in one code system (ICD-10, ICD-9-CM-3, drugs, items…).
 * Implementations are immutable, hash-based and safe to share between threads.
 */
public interface CodeCatalog {

    /** The code system this catalog covers, e.g. {@code "医保版ICD-10 v2.0"}. */
    String system();

    /** The name of {@code code}, or empty when the code is not in the catalog. */
    Optional<String> name(String code);

    /** Whether {@code code} is in the catalog. */
    default boolean contains(String code) {
        return name(code).isPresent();
    }

    /** Whether {@code code} is a grey code (not valid as principal diagnosis / for grouping). */
    default boolean isGrey(String code) {
        return false;
    }

    /** Number of codes. */
    int size();
}
