package org.fundwatch.stream.model;

import java.util.ArrayList;

/**
 * A finding made durable (design notes §4): the deterministic {@code id} of the engine's {@code Finding}, the rule and
 * the pack versions that produced it, the subject, evidence (JSON object text) and the lines it is about. This is the
 * stream that every alert sink consumes (ClickHouse, JSONL, and webhooks downstream). A Flink POJO.
 */
public final class Alert {
    public String id;
    public String ruleId;
    public String ruleName;
    public String ruleClass;
    public String officialCode;
    public String packName;
    public String packVersion;
    public String kbVersion;
    /** {@code pre}, {@code mid} or {@code post}. */
    public String phase;
    public String severity;
    public String personNo;
    public String encounterId;
    public String settlementId;
    public String institutionCode;
    public String admdvs;
    public String doctorCode;
    public long amountAtRiskFen;
    public String basis;
    public String evidenceJson;
    public ArrayList<AlertLine> lines = new ArrayList<>();
    /** Event time (millis) of the message whose evaluation raised the alert. */
    public long eventTime;
    /** Wall-clock millis when the alert was raised. */
    public long detectedAt;
    /** Wall-clock millis when the triggering message was parsed (latency = detectedAt − ingestedAt). */
    public long ingestedAt;
    /**
     * What raised it: {@code arrival} (3101/3102 evaluated as they come), {@code settlement} (2207/2304, in event-time
     * order), {@code post} (post-event evaluation) or {@code doctor} (per-doctor volume).
     */
    public String trigger;

    public Alert() {
    }

    /** {@code national-1.1.0+kb-…}. */
    public String packLabel() {
        return packName + "-" + packVersion + "+" + kbVersion;
    }
}
