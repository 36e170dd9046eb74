package org.fundwatch.stream.model;

/** A settled encounter as seen by its doctor: the input of the per-doctor volume path. A Flink POJO. */
public final class DoctorVisit {
    public String doctorCode;
    public String personNo;
    public String encounterId;
    public String institutionCode;
    public String medType;
    /** The encounter's start, ISO local date-time (Asia/Shanghai). */
    public String start;
    /** Event time (millis) of the start. */
    public long startMillis;
    public long ingestedAt;

    public DoctorVisit() {
    }
}
