package org.fundwatch.stream.model;


/**
 * An encounter at settlement (2207/2304): the seam for the lake (settled records, Parquet by date) and the patient
 * history the gateway reads; its fee lines travel in the packed {@link #encounter}. Times as ISO local date-times
 * (Asia/Shanghai). A Flink POJO.
 */
public final class SettledEncounter {
    public String personNo;
    public String encounterId;
    public String settlementId;
    public String institutionCode;
    public String medType;
    public String settlementTime;
    /** The settlement message as received, UTF-8 (all national fields, for the lake). */
    public byte[] settlementPayload;
    /**
     * The assembled encounter, packed ({@code org.fundwatch.stream.state.StateCodec#pack}): for the gateway's history
     * and the lake. Binary rather than JSON: the evaluator builds one per settlement whether or not a sink reads it, and
     * JSON writing had been 10 % of the evaluator's CPU; the history sink writes the JSON it stores.
     */
    public byte[] encounter;
    public long eventTime;

    public SettledEncounter() {
    }
}
