package org.fundwatch.pack;

/**
 * A knowledge pack cannot be built, loaded or verified. The message names the file concerned and
 * says what to do; it is meant to be shown to the operator as is.
 */
public class PackException extends RuntimeException {
    public PackException(String message) {
        super(message);
    }

    public PackException(String message, Throwable cause) {
        super(message, cause);
    }
}
