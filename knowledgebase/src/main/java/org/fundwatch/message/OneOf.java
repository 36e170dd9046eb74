package org.fundwatch.message;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a dictionary field whose value must be one of the listed codes; any other non-blank value
 * is an error. Used only where the dictionary is confirmed and the value changes what the engine
 * does (sex, trigger scenario, feedback type and disposition, violation-detail type).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface OneOf {
    /** The allowed codes. */
    String[] value();
}
