package org.fundwatch.stream.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.accumulators.LongMinimum;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.fundwatch.message.MessageParser;
import org.fundwatch.message.NationalRequest;
import org.fundwatch.message.NationalValues;
import org.fundwatch.message.ParseResult;
import org.fundwatch.message.Problem;
import org.fundwatch.message.Transaction;
import org.fundwatch.message.adapter.FeeDetailAdapter;
import org.fundwatch.message.admission.OutpatientVisitInput;
import org.fundwatch.message.fee.FeeDetail;
import org.fundwatch.message.fee.FeeDetailInput;
import org.fundwatch.message.settlement.SettlementInput;
import org.fundwatch.rules.pack.EncounterAssembler;
import org.fundwatch.stream.model.DeadLetter;
import org.fundwatch.stream.model.Envelope;
import org.fundwatch.stream.model.SourceLine;

/**
 * Parse and validate: every source line becomes either an {@link Envelope} keyed by person or a {@link DeadLetter}
 * (side output {@link #DEAD_LETTERS}) with the original payload, the reason and the source position; nothing throws.
 *
 * <p>Accepted: national request envelopes ({@link MessageParser}: UTF-8, JSON syntax, known infno, schema) that name a
 * person, and person records ({@code persons.jsonl} lines / 1101 outputs with {@code baseinfo.psn_no}). Counts are
 * Flink accumulators ({@link #RECORDS_IN} = {@link #PROCESSED} + {@link #DEAD_LETTERED}; {@link #FEE_LINES}) and
 * metrics. An optional rate limit (lines/s per subtask) paces the stream for latency measurements.
 */
public final class ParseFunction extends ProcessFunction<SourceLine, Envelope> {
    private static final long serialVersionUID = 1L;

    /** Accumulator names. */
    public static final String RECORDS_IN = "records_in";
    public static final String PROCESSED = "processed";
    public static final String DEAD_LETTERED = "dead_lettered";
    public static final String FEE_LINES = "fee_lines";
    /** Wall-clock millis when the first record was parsed (min over subtasks): the start of steady-state timing. */
    public static final String FIRST_INGESTED_AT = "first_ingested_at";
    /**
     * Fee lines parsed per wall-clock second ({@link CountsBySecond}: epoch second → fee lines), for throughput over a
     * part of a run (the benchmark's second half, after the JIT settled).
     */
    public static final String FEE_LINES_BY_SECOND = "fee_lines_by_second";

    /** Where rejected lines go. */
    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") {
        private static final long serialVersionUID = 1L;
    };

    private static final int MAX_REASON = 500;

    private final double linesPerSecondPerSubtask;

    private transient MessageParser parser;
    private transient ObjectMapper json;
    private transient LongCounter in;
    private transient LongCounter processed;
    private transient LongCounter dead;
    private transient LongCounter feeLines;
    private transient LongMinimum firstIngested;
    private transient CountsBySecond linesBySecond;
    private transient Counter inMetric;
    private transient Counter deadMetric;
    private transient long started;
    private transient long emitted;

    /** @param linesPerSecondPerSubtask pacing, or ≤ 0 for none */
    public ParseFunction(double linesPerSecondPerSubtask) {
        this.linesPerSecondPerSubtask = linesPerSecondPerSubtask;
    }

    @Override
    public void open(OpenContext context) {
        parser = new MessageParser();
        json = new ObjectMapper();
        in = new LongCounter();
        processed = new LongCounter();
        dead = new LongCounter();
        feeLines = new LongCounter();
        getRuntimeContext().addAccumulator(RECORDS_IN, in);
        getRuntimeContext().addAccumulator(PROCESSED, processed);
        getRuntimeContext().addAccumulator(DEAD_LETTERED, dead);
        getRuntimeContext().addAccumulator(FEE_LINES, feeLines);
        firstIngested = new LongMinimum();
        getRuntimeContext().addAccumulator(FIRST_INGESTED_AT, firstIngested);
        linesBySecond = new CountsBySecond();
        getRuntimeContext().addAccumulator(FEE_LINES_BY_SECOND, linesBySecond);
        inMetric = getRuntimeContext().getMetricGroup().counter("fundwatchRecordsIn");
        deadMetric = getRuntimeContext().getMetricGroup().counter("fundwatchDeadLettered");
    }

    @Override
    public void processElement(SourceLine line, Context ctx, Collector<Envelope> out) throws InterruptedException {
        pace();
        in.add(1);
        inMetric.inc();
        long now = System.currentTimeMillis();
        if (in.getLocalValue() == 1) {
            firstIngested.add(now);
        }
        Envelope e;
        try {
            e = read(line, now);
        } catch (Rejected r) {
            dead.add(1);
            deadMetric.inc();
            ctx.output(DEAD_LETTERS, new DeadLetter(line.source, line.position, truncate(r.getMessage()),
                    payloadText(line.bytes), now));
            return;
        }
        processed.add(1);
        out.collect(e);
    }

    private Envelope read(SourceLine line, long now) throws Rejected {
        if (looksLikePerson(line.bytes)) {
            return person(line, now);
        }
        // validated in full; bound to the typed model for fee details, 2203 and settlements (the rest: from the tree)
        ParseResult parsed = parser.parse(line.bytes, ParseFunction::bindsTyped);
        if (!parsed.isOk()) {
            throw new Rejected(reason(parsed));
        }
        String infno = parsed.transaction().orElseThrow().code();
        if (parsed.isBound()) {
            return switch (parsed.transaction().get()) {
                case OUTPATIENT_VISIT -> outpatientVisit(parsed.request(OutpatientVisitInput.class), infno, line, now);
                case OUTPATIENT_SETTLEMENT, INPATIENT_SETTLEMENT ->
                        settlement(parsed.request(SettlementInput.class), infno, line, now);
                default -> feeDetails(parsed.request(FeeDetailInput.class), infno, line, now);
            };
        }
        JsonNode root = parsed.tree().orElseThrow();
        JsonNode infTime = root.path("inf_time");
        long eventTime = eventTime(infTime.isTextual() ? NationalValues.parseDateTime(infTime.asText()).orElse(null) : null);
        String personNo = personOf(root.path("input"));
        if (personNo == null || personNo.isBlank()) {
            throw new Rejected(infno + ": no psn_no to route the message by");
        }
        Envelope e = new Envelope(personNo, infno, eventTime, line.source, line.position, now);
        e.institutionCode = root.path("fixmedins_code").asText(null);
        switch (infno) {
            case "2201", "2203", "2401", "2402" -> {
                JsonNode in = root.path("input");
                JsonNode info = EncounterAssembler.encounterInfoNode(in);
                e.encounterId = info.path("mdtrt_id").asText("");
                e.info = new EncounterAssembler.Info();
                e.info.merge(info, in.path("diseinfo"), e.institutionCode);
            }
            case "3101", "3102" -> e.payload = line.bytes;
            default -> {
                // other transactions (3103 feedback …) carry nothing the rules read: routed and counted only
            }
        }
        return e;
    }

    /** 2204/2301: the fee lines, counted. */
    private Envelope feeDetails(NationalRequest<FeeDetailInput> request, String infno, SourceLine line, long now)
            throws Rejected {
        long eventTime = eventTime(request.transactionTime());
        List<FeeDetail> details = request.input().lines();
        if (details.isEmpty()) {
            throw new Rejected("input.feedetail: empty");
        }
        String personNo = details.get(0).personNo();
        if (personNo == null || personNo.isBlank()) {
            throw new Rejected(infno + ": no psn_no to route the message by");
        }
        feeLines.add(details.size());
        linesBySecond.add((int) (now / 1000), details.size());
        Envelope e = new Envelope(personNo, infno, eventTime, line.source, line.position, now);
        e.institutionCode = request.institutionCode();
        e.fees = new ArrayList<>(details.size());
        for (FeeDetail d : details) {
            e.fees.add(new Envelope.FeeItem(d.encounterId(), FeeDetailAdapter.toFeeLine(d),
                    EncounterAssembler.internetFlag(d.extension()), d.medType(), d.doctorCode()));
        }
        return e;
    }

    /**
     * 2207/2304: the settlement of an encounter, with the platform's settlement id from the message's {@code output}
     * (not part of the request schema, so read from the payload: {@link SettlementIds}); the payload is kept for the
     * lake.
     */
    private static Envelope settlement(NationalRequest<SettlementInput> request, String infno, SourceLine line, long now)
            throws Rejected {
        SettlementInput.Data data = request.input().data();
        Envelope e = new Envelope(data.personNo(), infno, eventTime(request.transactionTime()), line.source,
                line.position, now);
        e.institutionCode = request.institutionCode();
        e.encounterId = data.encounterId();
        e.medType = data.medType();
        e.settlementId = SettlementIds.of(line.bytes);
        e.payload = line.bytes; // validated UTF-8 by the parser
        return e;
    }

    /** 2203: the visit's diagnoses, merged from the bound message as {@link EncounterAssembler.Info} merges a tree. */
    private static Envelope outpatientVisit(NationalRequest<OutpatientVisitInput> request, String infno, SourceLine line,
                                            long now) throws Rejected {
        String personNo = request.input().visit().personNo();
        if (personNo == null) {
            throw new Rejected(infno + ": no psn_no to route the message by");
        }
        Envelope e = new Envelope(personNo, infno, eventTime(request.transactionTime()), line.source, line.position, now);
        e.institutionCode = request.institutionCode();
        e.encounterId = request.input().visit().encounterId();
        e.info = new EncounterAssembler.Info();
        e.info.merge(request.input(), e.institutionCode);
        return e;
    }

    /** The message's {@code inf_time} in epoch millis: its event time, which every message must have. */
    private static long eventTime(LocalDateTime time) throws Rejected {
        if (time == null) {
            throw new Rejected("inf_time: missing (the event time of the message)");
        }
        return InfTime.millis(time);
    }

    /**
     * The transactions whose typed form the job reads: fee details (2204/2301), most of the volume, 2203 visits and
     * 2207/2304 settlements; a clean one is bound in one streaming pass without a JSON tree ({@link MessageParser}).
     * The rest (2401/2402, 3101/3102: a few per cent of the messages) are read from the validated tree.
     */
    private static boolean bindsTyped(Transaction tx) {
        return tx.inputType() == FeeDetailInput.class || tx.inputType() == SettlementInput.class
                || tx == Transaction.OUTPATIENT_VISIT;
    }

    private Envelope person(SourceLine line, long now) throws Rejected {
        try {
            JsonNode root = json.readTree(line.bytes);
            JsonNode person = root.has("baseinfo") ? root : root.path("output");
            String id = person.path("baseinfo").path("psn_no").asText("");
            if (id.isBlank()) {
                throw new Rejected("person record without baseinfo.psn_no");
            }
            Envelope e = new Envelope(id, "1101", 0L, line.source, line.position, now);
            e.patient = EncounterAssembler.patientOf(person);
            e.deathDate = EncounterAssembler.deathDateOf(person);
            return e;
        } catch (IOException | RuntimeException e) {
            throw new Rejected("person record: unreadable (" + String.valueOf(e.getMessage()).lines().findFirst()
                    .orElse("") + ")");
        }
    }

    /** A person record (persons.jsonl / 1101 output) starts with {@code {"baseinfo"} or is a 1101 envelope. */
    private static boolean looksLikePerson(byte[] b) {
        String head = new String(b, 0, Math.min(b.length, 40), StandardCharsets.ISO_8859_1);
        return head.startsWith("{\"baseinfo\"") || head.startsWith("{\"infno\":\"1101\"");
    }

    /** psn_no of a non-fee message: input.data / mdtrtinfo / adminfo / dscginfo, or the 3101/3102 patient. */
    private static String personOf(JsonNode input) {
        for (String node : new String[] {"data", "mdtrtinfo", "adminfo", "dscginfo"}) {
            JsonNode n = input.path(node);
            if (n.has("psn_no")) {
                return n.get("psn_no").asText();
            }
            JsonNode patient = n.path("patient_dtos").path(0);
            if (!patient.isMissingNode()) {
                return patient.path("psn_no").asText(patient.path("patn_id").asText(""));
            }
        }
        return null;
    }

    private void pace() throws InterruptedException {
        if (linesPerSecondPerSubtask <= 0) {
            return;
        }
        if (emitted == 0) {
            started = System.nanoTime();
        }
        emitted++;
        long due = started + (long) (emitted * 1e9 / linesPerSecondPerSubtask);
        long wait = due - System.nanoTime();
        if (wait > 200_000) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    private static String reason(ParseResult parsed) {
        StringBuilder text = new StringBuilder();
        for (Problem p : parsed.errors()) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(p.path()).append(": ").append(p.reason());
        }
        return text.isEmpty() ? parsed.summary() : text.toString();
    }

    private static String truncate(String reason) {
        return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "…" : reason;
    }

    /** The payload as text; bytes that are not UTF-8 are kept exactly as {@code base64:…}. */
    public static String payloadText(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return "base64:" + Base64.getEncoder().encodeToString(bytes);
        }
    }

    private static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;

        Rejected(String reason) {
            super(reason, null, false, false);
        }
    }
}
