package org.fundwatch.stream.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.ListTypeInfo;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.fundwatch.message.MessageParser;
import org.fundwatch.message.ParseResult;
import org.fundwatch.message.adapter.AnalysisAdapter;
import org.fundwatch.message.analysis.AnalysisInput;
import org.fundwatch.message.fee.FeeDetail;
import org.fundwatch.message.fee.FeeDetailInput;
import org.fundwatch.model.Encounter;
import org.fundwatch.model.EncounterContext;
import org.fundwatch.model.FeeLine;
import org.fundwatch.model.Patient;
import org.fundwatch.model.Phase;
import org.fundwatch.rules.engine.Evaluation;
import org.fundwatch.rules.engine.Finding;
import org.fundwatch.rules.engine.RuleEngine;
import org.fundwatch.rules.pack.EncounterAssembler;
import org.fundwatch.stream.model.Alert;
import org.fundwatch.stream.model.DoctorVisit;
import org.fundwatch.stream.model.Envelope;
import org.fundwatch.stream.model.PackVersions;
import org.fundwatch.stream.model.SettledEncounter;

/**
 * Rule evaluation per person ({@code keyBy(psn_no)}), with keyed history and the broadcast packs.
 *
 * <p><b>Order.</b> Messages are buffered in keyed state and processed when the watermark passes their event time, in
 * (event time, source, position) order. Evaluation therefore never depends on how parallel readers interleaved, and a
 * run restored from a checkpoint produces exactly the alerts of an uninterrupted run. The price is latency: an alert
 * waits for the watermark (bounded out-of-orderness, see {@code StreamConfig}).
 *
 * <p><b>Phases.</b> 3101 requests are evaluated pre-event, 3102 mid-event, as they come, with the person's history
 * added to the request; 2207/2304 settlements evaluate the assembled encounter mid-event (fee lines of 2204/2301,
 * information of 2201/2203/2401/2402); each settled encounter is evaluated again post-event {@code postDelay} later in
 * event time, when its history contains what happened after it (visits during a stay, later duplicate prescriptions,
 * readmissions). An alert id raised once for a person is not raised again (state keeps the ids for the window).
 *
 * <p><b>Packs.</b> The broadcast element is the switch point: everything processed after it uses the new engine.
 * Engines come from {@link EngineCache} (compiled once per JVM).
 */
public final class PersonEvaluator extends KeyedBroadcastProcessFunction<String, Envelope, PackVersions, Alert>
        implements CheckpointListener {
    private static final long serialVersionUID = 1L;

    /** Broadcast state: key {@code current} → the packs in force. */
    public static final MapStateDescriptor<String, PackVersions> PACKS =
            new MapStateDescriptor<>("packs", Types.STRING, Types.POJO(PackVersions.class));
    /** Settled encounters (the lake's seam). */
    public static final OutputTag<SettledEncounter> SETTLED = new OutputTag<>("settled") {
        private static final long serialVersionUID = 1L;
    };
    /** Visits for the per-doctor path. */
    public static final OutputTag<DoctorVisit> DOCTOR_VISITS = new OutputTag<>("doctor-visits") {
        private static final long serialVersionUID = 1L;
    };

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final String personsFile;
    private final long historyMillis;
    private final long postDelayMillis;
    private final long failAfterTimers;

    private transient MapState<Long, List<Envelope>> buffer;
    private transient ValueState<PersonHistory> state;
    private transient MessageParser parser;
    private transient ObjectMapper json;
    private transient Map<String, JsonNode> persons;
    private transient boolean checkpointed;
    private transient long timers;

    /**
     * @param personsFile     a persons.jsonl registry read at start (null: none)
     * @param history         how long settled encounters stay in the history
     * @param postDelay       event-time delay of the post-event evaluation
     * @param failAfterTimers test hook: fail once this many timers fired after a completed checkpoint (≤ 0: never)
     */
    public PersonEvaluator(String personsFile, Duration history, Duration postDelay, long failAfterTimers) {
        this.personsFile = personsFile;
        this.historyMillis = history.toMillis();
        this.postDelayMillis = postDelay.toMillis();
        this.failAfterTimers = failAfterTimers;
    }

    @Override
    public void open(OpenContext context) {
        buffer = getRuntimeContext().getMapState(new MapStateDescriptor<>("buffer", Types.LONG,
                new ListTypeInfo<>(Envelope.class)));
        ValueStateDescriptor<PersonHistory> history = new ValueStateDescriptor<>("history",
                new JacksonStateSerializer<>(PersonHistory.class));
        // Backstop only: event-time pruning keeps the window; TTL (processing time) drops persons not seen for long.
        history.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMillis(historyMillis + postDelayMillis)
                .multipliedBy(4)).build());
        state = getRuntimeContext().getState(history);
        parser = new MessageParser();
        json = new ObjectMapper();
        var task = getRuntimeContext().getTaskInfo();
        persons = readPersons(personsFile, key -> KeyGroupRangeAssignment.assignKeyToParallelOperator(key,
                task.getMaxNumberOfParallelSubtasks(), task.getNumberOfParallelSubtasks())
                == task.getIndexOfThisSubtask());
    }

    @Override
    public void processElement(Envelope e, ReadOnlyContext ctx, Collector<Alert> out) throws Exception {
        List<Envelope> due = buffer.get(e.eventTime);
        if (due == null) {
            due = new ArrayList<>(2);
        }
        due.add(e);
        buffer.put(e.eventTime, due);
        ctx.timerService().registerEventTimeTimer(e.eventTime);
    }

    @Override
    public void processBroadcastElement(PackVersions packs, Context ctx, Collector<Alert> out) throws Exception {
        BroadcastState<String, PackVersions> current = ctx.getBroadcastState(PACKS);
        if (!packs.samePacks(current.get("current"))) {
            EngineCache.get(packs); // compile (or find) before switching, so the switch itself is instant
            current.put("current", packs);
        }
    }

    @Override
    public void onTimer(long ts, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        ReadOnlyBroadcastState<String, PackVersions> packs = ctx.getBroadcastState(PACKS);
        PackVersions current = packs.get("current");
        if (current == null) {
            throw new IllegalStateException("no rule pack yet: the pack input holds the watermark until it has one");
        }
        RuleEngine engine = EngineCache.get(current);
        PersonHistory h = state.value();
        if (h == null) {
            h = new PersonHistory();
            JsonNode registered = persons.get(ctx.getCurrentKey());
            if (registered != null) {
                h.patient = EncounterAssembler.patientOf(registered);
                h.deathDate = EncounterAssembler.deathDateOf(registered);
            }
        }
        List<Envelope> due = buffer.get(ts);
        if (due != null) {
            due.sort(Envelope::compare);
            for (Envelope e : due) {
                process(e, h, engine, ctx, out);
            }
            buffer.remove(ts);
        }
        ArrayList<String> posts = h.postDue.remove(ts);
        if (posts != null) {
            for (String id : posts) {
                postEvaluate(id, ts, h, engine, ctx.getCurrentKey(), out);
            }
        }
        prune(h, ts);
        state.update(h);
        if (failAfterTimers > 0 && checkpointed && ++timers >= failAfterTimers) {
            throw new InjectedFailure("test failure injected after " + timers + " timers");
        }
    }

    private void process(Envelope e, PersonHistory h, RuleEngine engine, OnTimerContext ctx, Collector<Alert> out)
            throws IOException {
        switch (e.infno) {
            case "1101" -> {
                JsonNode root = json.readTree(e.payload);
                JsonNode person = root.has("baseinfo") ? root : root.path("output");
                h.patient = EncounterAssembler.patientOf(person);
                h.deathDate = EncounterAssembler.deathDateOf(person);
            }
            case "2201", "2203", "2401", "2402" -> {
                JsonNode root = json.readTree(e.payload);
                JsonNode input = root.path("input");
                JsonNode info = EncounterAssembler.encounterInfoNode(input);
                String id = info.path("mdtrt_id").asText("");
                String institution = root.path("fixmedins_code").asText(null);
                if (!id.isEmpty()) {
                    h.infos.computeIfAbsent(id, k -> new EncounterAssembler.Info())
                            .merge(info, input.path("diseinfo"), institution);
                } else if ("2401".equals(e.infno)) {
                    // no mdtrt_id yet (the platform assigns it): matched to the stay at settlement
                    EncounterAssembler.Info admission = new EncounterAssembler.Info();
                    admission.merge(info, input.path("diseinfo"), institution);
                    h.admissions.add(admission);
                }
            }
            case "2204", "2301" -> {
                ParseResult parsed = parser.parse(e.payload);
                var request = parsed.request(FeeDetailInput.class);
                for (FeeDetail d : request.input().lines()) {
                    h.open.computeIfAbsent(d.encounterId(), id -> new EncounterAssembler.Fees(id, d.personNo(),
                            request.institutionCode(), "2301".equals(e.infno))).add(d);
                }
            }
            case "2207", "2304" -> settle(e, h, engine, ctx, out);
            case "3101", "3102" -> analyse(e, h, engine, out);
            default -> {
                // other transactions (3103 feedback …) carry nothing the rules read
            }
        }
    }

    private void settle(Envelope e, PersonHistory h, RuleEngine engine, OnTimerContext ctx, Collector<Alert> out)
            throws IOException {
        JsonNode root = json.readTree(e.payload);
        JsonNode data = root.path("input").path("data");
        String id = data.path("mdtrt_id").asText("");
        if (id.isEmpty()) {
            return;
        }
        String settlementId = root.path("output").path("setlinfo").path("setl_id").asText(null);
        EncounterAssembler.Fees fees = h.open.remove(id);
        if (fees == null) {
            fees = new EncounterAssembler.Fees(id, e.personNo, root.path("fixmedins_code").asText(null),
                    "2304".equals(e.infno));
            fees.medType = data.path("med_type").asText(null);
        }
        EncounterAssembler.Info info = h.infos.remove(id);
        if (fees.inpatient && (info == null || info.begin == null)) {
            EncounterAssembler.Info admission = EncounterAssembler.admissionOf(h.admissions, fees);
            if (admission != null) {
                h.admissions.remove(admission);
                info = info == null ? admission : info.withAdmission(admission);
            }
        }
        Encounter encounter = fees.toEncounter(info,
                EncounterAssembler.institution(engine.knowledgePack(), fees.institutionCode));
        List<Encounter> all = history(h, id, e.eventTime);
        all.add(encounter);
        evaluate(new EncounterContext(patient(h, e.personNo), all, id, Phase.MID, null, null, List.of()), engine, h,
                settlementId, e.eventTime, e.ingestedAt, out);
        h.settled.add(new PersonHistory.Settled(encounter, settlementId, e.eventTime));
        long post = e.eventTime + postDelayMillis;
        h.postDue.computeIfAbsent(post, k -> new ArrayList<>()).add(id);
        ctx.timerService().registerEventTimeTimer(post);
        ctx.output(SETTLED, settledRecord(encounter, settlementId, e));
        if (encounter.doctorCode() != null && encounter.admissionTime() != null) {
            DoctorVisit v = new DoctorVisit();
            v.doctorCode = encounter.doctorCode();
            v.personNo = e.personNo;
            v.encounterId = id;
            v.institutionCode = fees.institutionCode;
            v.medType = encounter.medType();
            v.start = encounter.admissionTime().toString();
            v.startMillis = encounter.admissionTime().atZone(ZONE).toInstant().toEpochMilli();
            v.ingestedAt = e.ingestedAt;
            ctx.output(DOCTOR_VISITS, v);
        }
    }

    private void analyse(Envelope e, PersonHistory h, RuleEngine engine, Collector<Alert> out) {
        ParseResult parsed = parser.parse(e.payload);
        AnalysisInput input = parsed.request(AnalysisInput.class).input();
        for (EncounterContext c : AnalysisAdapter.toContexts(parsed.transaction().orElseThrow(), input.data())) {
            Set<String> sent = new HashSet<>();
            c.encounters().forEach(x -> sent.add(x.id()));
            List<Encounter> all = new ArrayList<>(c.encounters());
            for (Encounter known : history(h, c.currentEncounterId(), e.eventTime)) {
                if (sent.add(known.id())) {
                    all.add(known);
                }
            }
            evaluate(new EncounterContext(c.patient(), all, c.currentEncounterId(), c.phase(), c.triggerScenario(),
                    c.taskId(), c.ruleIds()), engine, h, null, e.eventTime, e.ingestedAt, out);
        }
    }

    private void postEvaluate(String id, long ts, PersonHistory h, RuleEngine engine, String personNo,
                              Collector<Alert> out) {
        PersonHistory.Settled target = null;
        for (PersonHistory.Settled s : h.settled) {
            if (s.encounter.id().equals(id)) {
                target = s;
            }
        }
        if (target == null) {
            return; // pruned meanwhile
        }
        List<Encounter> all = history(h, id, Long.MAX_VALUE);
        all.add(target.encounter);
        evaluate(new EncounterContext(patient(h, personNo), all, id, Phase.POST, null, null, List.of()), engine, h,
                target.settlementId, ts, System.currentTimeMillis(), out);
    }

    private void evaluate(EncounterContext c, RuleEngine engine, PersonHistory h, String settlementId, long eventTime,
                          long ingestedAt, Collector<Alert> out) {
        Evaluation result = engine.evaluate(c, c.phase());
        for (Finding f : result.findings()) {
            if (h.alerted.putIfAbsent(f.id(), eventTime) == null) {
                out.collect(AlertFactory.of(f, engine, c.encounters(), settlementId, eventTime, ingestedAt));
            }
        }
    }

    /** Settled encounters of the window plus encounters still open (their lines so far), except {@code exclude}. */
    private List<Encounter> history(PersonHistory h, String exclude, long upTo) {
        List<Encounter> out = new ArrayList<>(h.settled.size() + h.open.size());
        for (PersonHistory.Settled s : h.settled) {
            if (!s.encounter.id().equals(exclude) && s.settledAt <= upTo) {
                out.add(s.encounter);
            }
        }
        for (EncounterAssembler.Fees f : h.open.values()) {
            if (!f.id.equals(exclude)) {
                out.add(f.toEncounter(h.infos.get(f.id), null));
            }
        }
        return out;
    }

    private static Patient patient(PersonHistory h, String personNo) {
        return h.patient != null ? h.patient : EncounterAssembler.unknownPatient(personNo);
    }

    private void prune(PersonHistory h, long now) {
        long cut = now - historyMillis;
        h.settled.removeIf(s -> s.settledAt < cut);
        h.alerted.values().removeIf(t -> t < cut - postDelayMillis);
        for (Iterator<EncounterAssembler.Fees> it = h.open.values().iterator(); it.hasNext(); ) {
            EncounterAssembler.Fees f = it.next();
            var first = f.firstTime();
            if (!first.equals(java.time.LocalDateTime.MIN) && first.atZone(ZONE).toInstant().toEpochMilli() < cut) {
                it.remove();
                h.infos.remove(f.id);
            }
        }
        h.infos.values().removeIf(i -> i.begin != null && i.begin.atZone(ZONE).toInstant().toEpochMilli() < cut);
        h.admissions.removeIf(i -> i.begin == null || i.begin.atZone(ZONE).toInstant().toEpochMilli() < cut);
    }

    private static SettledEncounter settledRecord(Encounter encounter, String settlementId, Envelope e) {
        SettledEncounter s = new SettledEncounter();
        s.personNo = e.personNo;
        s.encounterId = encounter.id();
        s.settlementId = settlementId;
        s.institutionCode = encounter.institution() == null ? null : encounter.institution().code();
        s.medType = encounter.medType();
        s.settlementTime = java.time.Instant.ofEpochMilli(e.eventTime).atZone(ZONE).toLocalDateTime().toString();
        s.settlementPayload = e.payload;
        s.eventTime = e.eventTime;
        long total = 0;
        for (FeeLine l : encounter.feeLines()) {
            SettledEncounter.SettledLine line = new SettledEncounter.SettledLine();
            line.lineId = l.lineId();
            line.itemCode = l.itemCode();
            line.name = l.name();
            line.listType = l.listType().name();
            line.quantity = l.quantity() == null ? null : l.quantity().toPlainString();
            line.unitPrice = l.unitPrice() == null ? null : l.unitPrice().toPlainString();
            line.amountFen = l.amount() == null ? 0 : l.amount().fen();
            line.time = l.time() == null ? null : l.time().toString();
            line.doctorCode = l.doctorCode();
            line.departmentCode = l.departmentCode();
            total += line.amountFen;
            s.lines.add(line);
        }
        s.totalFen = total;
        return s;
    }

    /** persons.jsonl records of the persons this subtask owns. */
    static Map<String, JsonNode> readPersons(String file, Predicate<String> owned) {
        Map<String, JsonNode> out = new HashMap<>();
        if (file == null || !Files.isRegularFile(Path.of(file))) {
            return out;
        }
        ObjectMapper mapper = new ObjectMapper();
        try (BufferedReader in = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode p = mapper.readTree(line);
                String id = p.path("baseinfo").path("psn_no").asText("");
                if (!id.isEmpty() && owned.test(id)) {
                    out.put(id, p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": unreadable person record (" + e.getMessage() + ")", e);
        }
        return out;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        checkpointed = true;
    }

    /** Thrown by the failure injection of the restore test. */
    static final class InjectedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InjectedFailure(String message) {
            super(message);
        }
    }

}
