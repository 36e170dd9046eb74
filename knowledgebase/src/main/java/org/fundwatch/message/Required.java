package org.fundwatch.message;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a message field the engine cannot do without: absent, {@code null} or blank is an error.
 * This is narrower than the spec's 必填 column, which real HIS systems do not honour (e.g.
 * {@code dscg_date} is sent as {@code null} for outpatients); it covers identifiers, the facts the
 * rules key on (sex, birth date, codes, quantities, amounts, order times) and the node structure.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Required {
}
