package org.fundwatch.stream.model;

/**
 * A national request that passed parsing and validation, routed by person: the key ({@code psn_no}), the event time
 * (the envelope's {@code inf_time}, Asia/Shanghai), where it came from, and the original JSON (re-read by the keyed
 * operator; the parsed objects are not shipped between operators because Flink would have to serialize them with
 * Kryo, which cannot rebuild the model's immutable lists). A Flink POJO.
 */
public final class Envelope {
    public String personNo;
    public String infno;
    public long eventTime;
    public String source;
    public long position;
    public String payload;
    /** Wall-clock millis when the line was parsed (for latency measurement). */
    public long ingestedAt;

    public Envelope() {
    }

    public Envelope(String personNo, String infno, long eventTime, String source, long position, String payload,
                    long ingestedAt) {
        this.personNo = personNo;
        this.infno = infno;
        this.eventTime = eventTime;
        this.source = source;
        this.position = position;
        this.payload = payload;
        this.ingestedAt = ingestedAt;
    }

    /** Deterministic processing order among envelopes of one person with the same event time. */
    public static int compare(Envelope a, Envelope b) {
        int c = Long.compare(a.eventTime, b.eventTime);
        if (c == 0) {
            c = a.source.compareTo(b.source);
        }
        return c != 0 ? c : Long.compare(a.position, b.position);
    }
}
