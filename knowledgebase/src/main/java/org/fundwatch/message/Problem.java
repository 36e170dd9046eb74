package org.fundwatch.message;

/**
 * One problem found in a message: where (a JSONPath such as
 * {@code $.input.data.patient_dtos[0].fsi_encounter_dtos[0].fsi_order_dtos[1].sumamt}), why, and how
 * bad. {@link Severity#ERROR}: the message cannot be interpreted safely and is not delivered;
 * {@link Severity#WARNING}: it is delivered, with the warning attached for the caller to log,
 * dead-letter or answer.
 */
public record Problem(String path, String reason, Severity severity) {

    /** How bad a problem is. */
    public enum Severity {
        /** The message is rejected. */
        ERROR,
        /** The message is delivered with this problem attached. */
        WARNING
    }

    /** An error at {@code path}. */
    public static Problem error(String path, String reason) {
        return new Problem(path, reason, Severity.ERROR);
    }

    /** A warning at {@code path}. */
    public static Problem warning(String path, String reason) {
        return new Problem(path, reason, Severity.WARNING);
    }

    /** Whether this is an error. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return severity + " " + path + ": " + reason;
    }
}
