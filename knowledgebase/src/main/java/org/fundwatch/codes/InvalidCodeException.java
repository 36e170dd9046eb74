package org.fundwatch.codes;

/** Thrown by the {@code parse} factories of the code value types when a string is not a valid code. */
public final class InvalidCodeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidCodeException(String message) {
        super(message);
    }

    static String quote(String value) {
        return value == null ? "null" : '"' + value + '"';
    }
}
