package org.fundwatch.stream.model;

/**
 * A record that could not be used: the original payload (UTF-8 text, or {@code base64:…} when the bytes are not
 * UTF-8), why, and where it came from. A Flink POJO.
 */
public final class DeadLetter {
    public String source;
    public long position;
    public String reason;
    public String payload;
    public long receivedAt;

    public DeadLetter() {
    }

    public DeadLetter(String source, long position, String reason, String payload, long receivedAt) {
        this.source = source;
        this.position = position;
        this.reason = reason;
        this.payload = payload;
        this.receivedAt = receivedAt;
    }
}
