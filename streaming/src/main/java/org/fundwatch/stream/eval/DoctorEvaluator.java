package org.fundwatch.stream.eval;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.ListTypeInfo;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.fundwatch.model.CareSetting;
import org.fundwatch.model.Encounter;
import org.fundwatch.model.EncounterContext;
import org.fundwatch.model.Phase;
import org.fundwatch.rules.engine.Finding;
import org.fundwatch.rules.engine.RuleEngine;
import org.fundwatch.rules.pack.EncounterAssembler;
import org.fundwatch.rules.source.RuleMetadata;
import org.fundwatch.stream.model.Alert;
import org.fundwatch.stream.model.DoctorVisit;
import org.fundwatch.stream.model.PackVersions;

/**
 * Impossible doctor volume ({@code doctor-hour-volume}, 医师单位时间接诊量异常), keyed by doctor: the national rule
 * counts the encounters "in the request", so here the request is every settled encounter the doctor started in one
 * clock hour. Visits are collected per hour and evaluated once, when the watermark passes the end of the hour plus a
 * grace period (settlement comes after the start), each visit as the current encounter of a context holding all of
 * them. Only hours above the rule's {@code max_per_hour} are sent to the engine (the engine decides; this only avoids
 * evaluating hours that cannot fire). Deterministic: the count is final when evaluated.
 */
public final class DoctorEvaluator extends KeyedBroadcastProcessFunction<String, DoctorVisit, PackVersions, Alert> {
    private static final long serialVersionUID = 1L;
    /** The rule this path evaluates. */
    public static final String RULE = "doctor-hour-volume";
    private static final long HOUR = 3_600_000L;

    private final long graceMillis;
    private transient MapState<Long, List<DoctorVisit>> hours;

    public DoctorEvaluator(Duration grace) {
        this.graceMillis = grace.toMillis();
    }

    @Override
    public void open(OpenContext context) {
        hours = getRuntimeContext().getMapState(new MapStateDescriptor<>("doctor-hours", Types.LONG,
                new ListTypeInfo<>(DoctorVisit.class)));
    }

    @Override
    public void processElement(DoctorVisit v, ReadOnlyContext ctx, Collector<Alert> out) throws Exception {
        long hour = Math.floorDiv(v.startMillis + 8 * HOUR, HOUR) * HOUR - 8 * HOUR; // Asia/Shanghai clock hour
        List<DoctorVisit> visits = hours.get(hour);
        if (visits == null) {
            visits = new ArrayList<>();
        }
        visits.add(v);
        hours.put(hour, visits);
        ctx.timerService().registerEventTimeTimer(hour + HOUR + graceMillis);
    }

    @Override
    public void processBroadcastElement(PackVersions packs, Context ctx, Collector<Alert> out) throws Exception {
        BroadcastState<String, PackVersions> current = ctx.getBroadcastState(PersonEvaluator.PACKS);
        if (!packs.samePacks(current.get("current"))) {
            EngineCache.get(packs);
            current.put("current", packs);
            ctx.output(PersonEvaluator.ACTIVATIONS, new org.fundwatch.stream.model.PackActivation(packs, "doctor",
                    getRuntimeContext().getTaskInfo().getIndexOfThisSubtask(), System.currentTimeMillis()));
        }
    }

    @Override
    public void onTimer(long ts, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        long hour = ts - graceMillis - HOUR;
        List<DoctorVisit> visits = hours.get(hour);
        hours.remove(hour);
        PackVersions current = ctx.getBroadcastState(PersonEvaluator.PACKS).get("current");
        if (visits == null || current == null) {
            return;
        }
        RuleEngine engine = EngineCache.get(current);
        RuleMetadata rule = engine.pack().rules().stream().filter(r -> r.id().equals(RULE)).findFirst().orElse(null);
        if (rule == null) {
            return;
        }
        Map<String, DoctorVisit> distinct = new LinkedHashMap<>();
        visits.stream().sorted(java.util.Comparator.comparing((DoctorVisit v) -> v.encounterId))
                .forEach(v -> distinct.putIfAbsent(v.encounterId, v));
        int threshold = Integer.parseInt(rule.params().getOrDefault("max_per_hour", "0").strip());
        if (distinct.size() <= threshold) {
            return;
        }
        List<Encounter> encounters = new ArrayList<>();
        for (DoctorVisit v : distinct.values()) {
            LocalDateTime start = LocalDateTime.parse(v.start);
            encounters.add(new Encounter(v.encounterId, v.personNo,
                    EncounterAssembler.institution(engine.knowledgePack(), v.institutionCode),
                    CareSetting.ofMedType(v.medType == null ? "11" : v.medType), v.medType, null, start, start, null,
                    null, null, null, v.doctorCode, null, null, List.of(), List.of(), List.of(), null));
        }
        for (DoctorVisit v : distinct.values()) {
            EncounterContext c = new EncounterContext(EncounterAssembler.unknownPatient(v.personNo), encounters,
                    v.encounterId, Phase.POST, null, null, List.of(RULE));
            for (Finding f : engine.evaluate(c, Phase.POST).findings()) {
                Alert a = AlertFactory.of(f, engine, encounters, null, ts, v.ingestedAt);
                a.trigger = "doctor";
                out.collect(a);
            }
        }
    }
}
