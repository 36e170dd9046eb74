package org.fundwatch.message;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.fundwatch.codes.CodeFormat;

/**
 * Marks a string field that carries a national code of the given format. A value with another
 * shape is a {@link Problem.Severity#WARNING} (HIS systems send local codes, e.g. {@code XYZD018987}
 * for a diagnosis, and the message must still be analysed); when the parser has a
 * {@link org.fundwatch.codes.CodeCatalog} for the format, a well-formed code missing from it is a
 * warning too.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Format {
    /** The code format. */
    CodeFormat value();
}
