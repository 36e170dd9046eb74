package org.fundwatch.stream.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.accumulators.Histogram;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.accumulators.LongMaximum;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.fundwatch.message.MessageParser;
import org.fundwatch.message.ParseResult;
import org.fundwatch.message.adapter.AnalysisAdapter;
import org.fundwatch.message.analysis.AnalysisInput;
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
import org.fundwatch.stream.model.PackActivation;
import org.fundwatch.stream.model.PackVersions;
import org.fundwatch.stream.state.PersonHistorySerializer;
import org.fundwatch.stream.state.StateCodec;
import org.fundwatch.stream.model.SettledEncounter;

/**
 * Rule evaluation per person ({@code keyBy(psn_no)}), with keyed history and the broadcast packs.
 *
 * <p><b>Two paths.</b>
 * <ul>
 *   <li><b>On arrival</b> — 3101/3102 (pre-/mid-event analysis, a doctor waits for the answer) are evaluated as soon as
 *       they arrive, against the person's state at that instant (the request plus the history processed so far). Their
 *       alert ids are deterministic (rule, subject, evidence), but what the history holds at that instant depends on
 *       how far event time has progressed, so a replay may evaluate them against a different history.</li>
 *   <li><b>In event-time order</b> — everything else (1101, 2201/2203/2401/2402, 2204/2301, settlements 2207/2304 and
 *       the post-event evaluations) waits in state until the watermark passes it and is processed in (event time,
 *       source, position) order. Evaluation on this path never depends on how parallel readers interleaved, so a run
 *       restored from a checkpoint produces exactly the alerts of an uninterrupted run. Its latency is the watermark
 *       delay (bounded out-of-orderness, {@code StreamConfig}).</li>
 * </ul>
 * The paths keep separate "already raised" sets so that the ordered path stays deterministic: it never looks at what
 * the arrival path raised. An id raised by both (the same violation seen in a 3101 and again at settlement) is written
 * twice with the same id; the ClickHouse tables collapse it.
 *
 * <p><b>Timers.</b> One event-time timer per person at a time (the earliest pending message, post-event evaluation or
 * clean-up); when it fires, everything of that person up to the current watermark is processed in order — not one
 * timer per message. History is pruned to the window at every step; a person with nothing left is dropped from state
 * (a clean-up timer fires once the window has passed after the last activity), so no TTL is needed.
 *
 * <p><b>Phases.</b> 3101 → pre, 3102 → mid; 2207/2304 → the assembled encounter (fee lines of 2204/2301, information
 * of 2201/2203/2401/2402) mid-event, and again post-event {@code postDelay} later in event time with what happened
 * after it (visits during a stay, later duplicate prescriptions, readmissions).
 *
 * <p><b>Packs.</b> The broadcast element is the switch point: everything evaluated after it uses the new engine.
 * Engines come from {@link EngineCache} (compiled once per JVM, normally by the pack poller before it broadcasts).
 * Each switch is reported on {@link #ACTIVATIONS}.
 */
public final class PersonEvaluator extends KeyedBroadcastProcessFunction<String, Envelope, PackVersions, Alert>
        implements CheckpointListener {
    private static final long serialVersionUID = 1L;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PersonEvaluator.class);

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
    /** Pack switches, one per evaluator subtask and version. */
    public static final OutputTag<PackActivation> ACTIVATIONS = new OutputTag<>("pack-activations") {
        private static final long serialVersionUID = 1L;
    };
    /** Accumulators: messages evaluated (both paths) and the wall-clock time of the last evaluation (max). */
    public static final String EVALUATED = "evaluated";
    public static final String LAST_EVALUATED_AT = "last_evaluated_at";
    /** Accumulator: post-event evaluations skipped because nothing had changed since the settlement evaluation. */
    public static final String POST_SKIPPED = "post_evaluations_skipped";
    /** Histogram accumulator: ms from parsing a 3101/3102 to the end of its evaluation (alert or not). */
    public static final String ARRIVAL_LATENCY = "arrival_evaluation_latency_ms";

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final String personsFile;
    private final long historyMillis;
    private final long postDelayMillis;
    private final long failAfterSteps;
    private final boolean skipUnchangedPost;

    private transient ValueState<PersonHistory> state;
    private transient MessageParser parser;
    private transient Map<String, byte[]> persons;
    private transient LongCounter evaluated;
    private transient LongMaximum lastEvaluated;
    private transient LongCounter postSkipped;
    private transient Histogram arrivalLatency;
    private transient boolean checkpointed;
    private transient long steps;

    /**
     * @param personsFile    a persons.jsonl registry read at start (null: none)
     * @param history        how long settled encounters stay in the history
     * @param postDelay      event-time delay of the post-event evaluation
     * @param failAfterSteps test hook: fail once this many ordered processing steps (distinct event times of a person)
     *                       ran after a completed checkpoint (≤ 0: never)
     * @param skipUnchangedPost skip post-event evaluations of persons with no message since the settlement
     *                       evaluation (see {@code postEvaluate}); false only to test that this changes no alert
     */
    public PersonEvaluator(String personsFile, Duration history, Duration postDelay, long failAfterSteps,
                           boolean skipUnchangedPost) {
        this.personsFile = personsFile;
        this.historyMillis = history.toMillis();
        this.postDelayMillis = postDelay.toMillis();
        this.failAfterSteps = failAfterSteps;
        this.skipUnchangedPost = skipUnchangedPost;
    }

    @Override
    public void open(OpenContext context) {
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("history", new PersonHistorySerializer()));
        parser = new MessageParser();
        evaluated = new LongCounter();
        lastEvaluated = new LongMaximum();
        getRuntimeContext().addAccumulator(EVALUATED, evaluated);
        getRuntimeContext().addAccumulator(LAST_EVALUATED_AT, lastEvaluated);
        postSkipped = new LongCounter();
        getRuntimeContext().addAccumulator(POST_SKIPPED, postSkipped);
        arrivalLatency = new Histogram();
        getRuntimeContext().addAccumulator(ARRIVAL_LATENCY, arrivalLatency);
        var task = getRuntimeContext().getTaskInfo();
        persons = PersonRecords.read(personsFile, key -> KeyGroupRangeAssignment.assignKeyToParallelOperator(key,
                task.getMaxNumberOfParallelSubtasks(), task.getNumberOfParallelSubtasks())
                == task.getIndexOfThisSubtask());
    }

    @Override
    public void processElement(Envelope e, ReadOnlyContext ctx, Collector<Alert> out) throws Exception {
        PersonHistory h = historyOf(ctx.getCurrentKey());
        if (e.isAnalysisRequest()) {
            PackVersions current = ctx.getBroadcastState(PACKS).get("current");
            if (current != null) {
                analyse(e, h, EngineCache.get(current), out);
                evaluated.add(1);
                long now = System.currentTimeMillis();
                lastEvaluated.add(now);
                arrivalLatency.add((int) Math.min(Integer.MAX_VALUE, now - e.ingestedAt));
                state.update(h);
                return;
            }
            // no pack yet (start-up): wait with the others; event time cannot pass before the first pack
        }
        h.pending.add(e);
        schedule(h, ctx.timerService());
        state.update(h);
    }

    @Override
    public void processBroadcastElement(PackVersions packs, Context ctx, Collector<Alert> out) throws Exception {
        BroadcastState<String, PackVersions> current = ctx.getBroadcastState(PACKS);
        if (!packs.samePacks(current.get("current"))) {
            EngineCache.get(packs); // compiled by the poller already when it shares this JVM; else compile now
            current.put("current", packs);
            PackActivation a = new PackActivation(packs, "person", getRuntimeContext().getTaskInfo()
                    .getIndexOfThisSubtask(), System.currentTimeMillis());
            LOG.info("rule pack {} in use (seen in the registry {} ms ago)", a, a.activeAt - a.seenAt);
            ctx.output(ACTIVATIONS, a);
        }
    }

    @Override
    public void onTimer(long ts, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        PersonHistory h = state.value();
        if (h == null) {
            return;
        }
        PackVersions current = ctx.getBroadcastState(PACKS).get("current");
        if (current == null) {
            throw new IllegalStateException("no rule pack yet: the pack input holds the watermark until it has one");
        }
        RuleEngine engine = EngineCache.get(current);
        long watermark = ctx.timerService().currentWatermark();
        h.timer = PersonHistory.NO_TIMER;

        List<Envelope> due = new ArrayList<>();
        if (!h.pending.isEmpty()) {
            ArrayList<Envelope> later = new ArrayList<>();
            for (Envelope e : h.pending) {
                (e.eventTime <= watermark ? due : later).add(e);
            }
            h.pending = later;
            due.sort(Envelope::compare);
        }
        int i = 0;
        while (true) {
            long next = i < due.size() ? due.get(i).eventTime : Long.MAX_VALUE;
            if (!h.postDue.isEmpty() && h.postDue.firstKey() <= watermark) {
                next = Math.min(next, h.postDue.firstKey());
            }
            if (next == Long.MAX_VALUE) {
                break;
            }
            while (i < due.size() && due.get(i).eventTime == next) {
                process(due.get(i++), h, engine, current.key(), ctx, out);
                evaluated.add(1);
            }
            ArrayList<String> posts = h.postDue.remove(next);
            if (posts != null) {
                for (String id : posts) {
                    postEvaluate(id, next, h, engine, current.key(), ctx.getCurrentKey(), out);
                }
            }
            prune(h, next);
            h.lastEventTime = Math.max(h.lastEventTime, next);
            if (failAfterSteps > 0 && checkpointed && ++steps >= failAfterSteps) {
                throw new InjectedFailure("test failure injected after " + steps + " steps");
            }
        }
        if (!due.isEmpty()) {
            lastEvaluated.add(System.currentTimeMillis());
        }
        if (h.pending.isEmpty() && h.postDue.isEmpty() && h.lastEventTime != Long.MIN_VALUE
                && ts >= cleanupTime(h)) {
            state.clear(); // the window has passed since the last activity: nothing left that a rule could read
            return;
        }
        if (h.isEmpty()) {
            state.clear();
            return;
        }
        schedule(h, ctx.timerService());
        state.update(h);
    }

    /** The person's state, or a new one with the registry's person record. */
    private PersonHistory historyOf(String personNo) throws IOException {
        PersonHistory h = state.value();
        if (h == null) {
            h = new PersonHistory();
            byte[] line = persons.get(personNo);
            if (line != null) {
                JsonNode registered = PersonRecords.parse(line); // parsed when the person is first seen
                h.patient = EncounterAssembler.patientOf(registered);
                h.deathDate = EncounterAssembler.deathDateOf(registered);
            }
        }
        return h;
    }

    /** Keeps exactly one timer: the earliest pending message or post-event evaluation, else the clean-up time. */
    private void schedule(PersonHistory h, TimerService timers) {
        long next = Long.MAX_VALUE;
        for (Envelope e : h.pending) {
            next = Math.min(next, e.eventTime);
        }
        if (!h.postDue.isEmpty()) {
            next = Math.min(next, h.postDue.firstKey());
        }
        if (next == Long.MAX_VALUE && h.lastEventTime != Long.MIN_VALUE) {
            next = cleanupTime(h);
        }
        if (next == Long.MAX_VALUE) {
            next = PersonHistory.NO_TIMER;
        }
        if (next != h.timer) {
            if (h.timer != PersonHistory.NO_TIMER) {
                timers.deleteEventTimeTimer(h.timer);
            }
            if (next != PersonHistory.NO_TIMER) {
                timers.registerEventTimeTimer(next);
            }
            h.timer = next;
        }
    }

    /** When everything of the person has left the window (settled encounters, alert ids). */
    private long cleanupTime(PersonHistory h) {
        return h.lastEventTime + historyMillis + postDelayMillis + 1;
    }

    private void process(Envelope e, PersonHistory h, RuleEngine engine, String packs, OnTimerContext ctx,
                         Collector<Alert> out) throws IOException {
        h.revision++;
        switch (e.infno) {
            case "1101" -> {
                h.patient = e.patient;
                h.deathDate = e.deathDate;
                h.personFromStream = true;
            }
            case "2201", "2203", "2401", "2402" -> {
                if (e.encounterId != null && !e.encounterId.isEmpty()) {
                    EncounterAssembler.Info known = h.infos.get(e.encounterId);
                    if (known == null) {
                        h.infos.put(e.encounterId, StateCodec.copyInfo(e.info));
                    } else {
                        mergeInto(known, e.info);
                    }
                } else if ("2401".equals(e.infno)) {
                    // no mdtrt_id yet (the platform assigns it): matched to the stay at settlement
                    h.admissions.add(StateCodec.copyInfo(e.info));
                }
            }
            case "2204", "2301" -> {
                for (Envelope.FeeItem d : e.fees) {
                    d.addTo(h.open.computeIfAbsent(d.encounterId, id -> new EncounterAssembler.Fees(id,
                            e.personNo, e.institutionCode, "2301".equals(e.infno))));
                }
            }
            case "2207", "2304" -> settle(e, h, engine, packs, ctx, out);
            case "3101", "3102" -> analyse(e, h, engine, out); // only when they arrived before the first pack
            default -> {
                // other transactions (3103 feedback …) carry nothing the rules read
            }
        }
    }

    /**
     * Merges a message's information into what is known of the encounter, as {@code EncounterAssembler.Info.merge}
     * merges a message node: later non-blank values win, the internet flag sticks, the first diagnosis of a code stays.
     */
    static void mergeInto(EncounterAssembler.Info known, EncounterAssembler.Info later) {
        known.personNo = later.personNo != null ? later.personNo : known.personNo;
        known.institutionCode = later.institutionCode != null ? later.institutionCode : known.institutionCode;
        known.medType = later.medType != null ? later.medType : known.medType;
        known.internet |= later.internet;
        known.begin = later.begin != null ? later.begin : known.begin;
        known.end = later.end != null ? later.end : known.end;
        if (later.mainDiagnosisCode != null) {
            known.mainDiagnosisCode = later.mainDiagnosisCode;
            known.mainDiagnosisName = later.mainDiagnosisName != null ? later.mainDiagnosisName
                    : known.mainDiagnosisName;
        }
        later.diagnoses.forEach(known.diagnoses::putIfAbsent);
    }

    private void settle(Envelope e, PersonHistory h, RuleEngine engine, String packs, OnTimerContext ctx,
                        Collector<Alert> out) {
        String id = e.encounterId;
        if (id == null || id.isEmpty()) {
            return;
        }
        String settlementId = e.settlementId;
        EncounterAssembler.Fees fees = h.open.remove(id);
        if (fees == null) {
            fees = new EncounterAssembler.Fees(id, e.personNo, e.institutionCode, "2304".equals(e.infno));
            fees.medType = e.medType;
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
        boolean clean = evaluate(new EncounterContext(patient(h, e.personNo), all, id, Phase.MID, null, null, List.of()),
                engine, h, settlementId, e.eventTime, e.ingestedAt, "settlement", out);
        byte[] packed = StateCodec.pack(encounter); // once: for the state and the lake
        h.settled.add(new PersonHistory.Settled(encounter, packed, settlementId, e.eventTime,
                clean ? h.revision : PersonHistory.Settled.NOT_EVALUATED, packs));
        long post = e.eventTime + postDelayMillis;
        h.postDue.computeIfAbsent(post, k -> new ArrayList<>()).add(id); // the loop in onTimer or the next timer
        ctx.output(SETTLED, settledRecord(encounter, packed, settlementId, e));
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
                    c.taskId(), c.ruleIds()), engine, h, null, e.eventTime, e.ingestedAt, "arrival", out);
        }
    }

    /**
     * The post-event evaluation of a settled encounter, {@code postDelay} after its settlement, with everything the
     * person has had since. Skipped when nothing has: no message for the person since the settlement evaluation, same
     * packs, that evaluation had no rule failure, and every post rule of the pack also runs mid-event — it would see the same encounter, history and patient and raise
     * only alert ids already raised (the history window may have moved on, which can only drop earlier visits a rule
     * had counted on, e.g. the first-line drug of 限二线: an artefact, not a finding). Most persons have no new
     * activity within a day of a settlement, so this halves the stream's rule evaluations.
     */
    private void postEvaluate(String id, long ts, PersonHistory h, RuleEngine engine, String packs, String personNo,
                              Collector<Alert> out) {
        PersonHistory.Settled target = null;
        for (PersonHistory.Settled s : h.settled) {
            if (s.encounterId.equals(id)) {
                target = s;
            }
        }
        if (target == null) {
            return; // pruned meanwhile
        }
        if (skipUnchangedPost && target.evaluatedRevision == h.revision && packs.equals(target.evaluatedPacks)
                && engine.phaseRulesAlsoIn(Phase.POST, Phase.MID)) {
            postSkipped.add(1);
            return;
        }
        List<Encounter> all = history(h, id, Long.MAX_VALUE);
        all.add(target.encounter());
        evaluate(new EncounterContext(patient(h, personNo), all, id, Phase.POST, null, null, List.of()), engine, h,
                target.settlementId, ts, System.currentTimeMillis(), "post", out);
    }

    /**
     * Evaluates and emits the findings not raised before on the same path: the ordered path looks only at its own ids
     * (so it stays deterministic), the arrival path at both.
     */
    /** @return whether every rule ran (no rule failure) */
    private boolean evaluate(EncounterContext c, RuleEngine engine, PersonHistory h, String settlementId, long eventTime,
                             long ingestedAt, String trigger, Collector<Alert> out) {
        Evaluation result = engine.evaluate(c, c.phase());
        boolean onArrival = "arrival".equals(trigger);
        for (Finding f : result.findings()) {
            boolean fresh = onArrival ? !h.alerted.containsKey(f.id())
                    && h.alertedOnArrival.putIfAbsent(f.id(), eventTime) == null
                    : h.alerted.putIfAbsent(f.id(), eventTime) == null;
            if (fresh) {
                Alert a = AlertFactory.of(f, engine, c.encounters(), settlementId, eventTime, ingestedAt);
                a.trigger = trigger;
                out.collect(a);
            }
        }
        return result.failures().isEmpty();
    }

    /** Settled encounters of the window plus encounters still open (their lines so far), except {@code exclude}. */
    private List<Encounter> history(PersonHistory h, String exclude, long upTo) {
        List<Encounter> out = new ArrayList<>(h.settled.size() + h.open.size());
        for (PersonHistory.Settled s : h.settled) {
            if (!s.encounterId.equals(exclude) && s.settledAt <= upTo) {
                out.add(s.encounter());
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
        h.alertedOnArrival.values().removeIf(t -> t < cut - postDelayMillis);
        // local times compared with the cut as a local time: Asia/Shanghai has one offset, so this is the instant
        // comparison without converting every held time
        java.time.LocalDateTime cutTime = java.time.LocalDateTime.ofInstant(java.time.Instant.ofEpochMilli(cut), ZONE);
        for (Iterator<EncounterAssembler.Fees> it = h.open.values().iterator(); it.hasNext(); ) {
            EncounterAssembler.Fees f = it.next();
            var first = f.firstTime();
            if (!first.equals(java.time.LocalDateTime.MIN) && first.isBefore(cutTime)) {
                it.remove();
                h.infos.remove(f.id);
            }
        }
        h.infos.values().removeIf(i -> i.begin != null && i.begin.isBefore(cutTime));
        h.admissions.removeIf(i -> i.begin == null || i.begin.isBefore(cutTime));
    }

    private static SettledEncounter settledRecord(Encounter encounter, byte[] packed, String settlementId, Envelope e) {
        SettledEncounter s = new SettledEncounter();
        s.encounter = packed;
        s.personNo = e.personNo;
        s.encounterId = encounter.id();
        s.settlementId = settlementId;
        s.institutionCode = encounter.institution() == null ? null : encounter.institution().code();
        s.medType = encounter.medType();
        s.settlementTime = java.time.Instant.ofEpochMilli(e.eventTime).atZone(ZONE).toLocalDateTime().toString();
        s.settlementPayload = e.payload;
        s.eventTime = e.eventTime;
        return s;
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
