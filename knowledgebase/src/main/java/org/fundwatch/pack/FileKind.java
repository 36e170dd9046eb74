package org.fundwatch.pack;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a file of a knowledge pack comes from. */
public enum FileKind {
    /** A verbatim copy of a published source (or a region's own file given with {@code --override}). */
    OFFICIAL,
    /** A typed table derived from published sources by parsing and joining them. */
    DERIVED,
    /** Generated deterministically because no public source exists; to be replaced by a region's real file. */
    SYNTHETIC;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static FileKind fromJson(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
