package org.fundwatch.stream.model;

import java.time.LocalDate;
import java.util.ArrayList;
import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.fundwatch.model.FeeLine;
import org.fundwatch.model.Patient;
import org.fundwatch.rules.pack.EncounterAssembler;
import org.fundwatch.stream.state.EnvelopeSerializer;

/**
 * A national request that passed parsing and validation, routed by person: the key ({@code psn_no}), the event time
 * (the envelope's {@code inf_time}, Asia/Shanghai), where it came from, and <b>what the evaluator needs, already
 * extracted</b> — the message is parsed once, in {@code ParseFunction}, never again downstream:
 * <ul>
 *   <li>2204/2301: {@link #fees} (model fee lines with the per-detail facts the assembler reads);</li>
 *   <li>2201/2203/2401/2402: {@link #encounterId} and {@link #info};</li>
 *   <li>2207/2304: {@link #encounterId}, {@link #settlementId}, {@link #medType} and the {@link #payload} (the lake
 *       keeps the settlement message as received);</li>
 *   <li>3101/3102: the {@link #payload} (evaluated on arrival from the parsed request);</li>
 *   <li>1101 / person records: {@link #patient} and {@link #deathDate}.</li>
 * </ul>
 * Serialized by {@link EnvelopeSerializer} (binary, field by field). Treated as immutable once built.
 */
@TypeInfo(EnvelopeSerializer.TypeInfoFactory.class)
public final class Envelope {
    public String personNo;
    public String infno;
    public long eventTime;
    public String source;
    public long position;
    /** Wall-clock millis when the line was parsed (for latency measurement). */
    public long ingestedAt;
    /**
     * The original JSON (validated UTF-8 bytes) where it is still needed (3101/3102, 2207/2304), else null. Bytes, not a
     * String: it crosses the network and the state as one copy instead of a per-character encoding, and is parsed
     * from bytes again without re-encoding.
     */
    public byte[] payload;
    /** fixmedins_code of the envelope. */
    public String institutionCode;
    /** mdtrt_id of information and settlement messages ("" for a 2401 admission, which has none yet). */
    public String encounterId;
    public EncounterAssembler.Info info;
    public ArrayList<FeeItem> fees;
    public Patient patient;
    public LocalDate deathDate;
    public String settlementId;
    public String medType;

    public Envelope() {
    }

    public Envelope(String personNo, String infno, long eventTime, String source, long position, long ingestedAt) {
        this.personNo = personNo;
        this.infno = infno;
        this.eventTime = eventTime;
        this.source = source;
        this.position = position;
        this.ingestedAt = ingestedAt;
    }

    /** 3101/3102: analysed on arrival against the person's current state (not in event-time order). */
    public boolean isAnalysisRequest() {
        return "3101".equals(infno) || "3102".equals(infno);
    }

    /** Deterministic processing order among envelopes of one person with the same event time. */
    public static int compare(Envelope a, Envelope b) {
        int c = Long.compare(a.eventTime, b.eventTime);
        if (c == 0) {
            c = a.source.compareTo(b.source);
        }
        return c != 0 ? c : Long.compare(a.position, b.position);
    }

    /** One fee detail of a 2204/2301: its encounter, the model line and the detail facts the assembler keeps. */
    public static final class FeeItem {
        public String encounterId;
        public FeeLine line;
        public boolean internet;
        public String medType;
        public String doctorCode;

        public FeeItem() {
        }

        public FeeItem(String encounterId, FeeLine line, boolean internet, String medType, String doctorCode) {
            this.encounterId = encounterId;
            this.line = line;
            this.internet = internet;
            this.medType = medType;
            this.doctorCode = doctorCode;
        }

        /**
         * Adds this detail to {@code fees} exactly as {@code EncounterAssembler.Fees.add(FeeDetail)} does with the
         * detail it came from (line, internet flag, first med_type and doctor).
         */
        public void addTo(EncounterAssembler.Fees fees) {
            fees.lines.add(line);
            fees.internet |= internet;
            if (fees.medType == null) {
                fees.medType = medType;
            }
            if (fees.doctorCode == null) {
                fees.doctorCode = doctorCode;
            }
        }
    }
}
