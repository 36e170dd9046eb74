package org.fundwatch.message.analysis;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.fundwatch.message.NationalResponse;

/**
 * Builds 【3101】/【3102】 response envelopes. Times use the envelope's {@code yyyyMMddHHmmssSSS};
 * {@code inf_refmsgid} is the receiver's admdvs (6) + time (14) + serial (10), §0.2.
 */
public final class AnalysisResponses {
    private static final DateTimeFormatter ENVELOPE_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");
    private static final DateTimeFormatter REF_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private AnalysisResponses() {
    }

    /** A success response listing {@code results} (possibly none). */
    public static NationalResponse<AnalysisOutput> success(String receiverAdmdvs, long serial, LocalDateTime received,
            LocalDateTime responded, List<ViolationResult> results) {
        return NationalResponse.success(refMessageId(receiverAdmdvs, received, serial), ENVELOPE_TIME.format(received),
                ENVELOPE_TIME.format(responded), new AnalysisOutput(results));
    }

    /** A failure response, e.g. for a message the parser rejected ({@code ParseResult.summary()}). */
    public static NationalResponse<AnalysisOutput> failure(String receiverAdmdvs, long serial, LocalDateTime responded,
            String errorMessage) {
        return NationalResponse.failure(refMessageId(receiverAdmdvs, responded, serial), ENVELOPE_TIME.format(responded), errorMessage);
    }

    /** {@code inf_refmsgid}: admdvs + {@code yyyyMMddHHmmss} + 10-digit serial (30 characters). */
    public static String refMessageId(String receiverAdmdvs, LocalDateTime time, long serial) {
        return receiverAdmdvs + REF_TIME.format(time) + String.format("%010d", serial % 10_000_000_000L);
    }
}
