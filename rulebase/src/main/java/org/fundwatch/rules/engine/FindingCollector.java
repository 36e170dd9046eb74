package org.fundwatch.rules.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fundwatch.model.Phase;
import org.fundwatch.rules.engine.fact.EncounterFact;
import org.fundwatch.rules.engine.fact.LineFact;
import org.fundwatch.rules.source.RuleMetadata;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;

/**
 * The DRL global {@code out}: rules report findings through it, one collector per evaluation (never shared between
 * threads). It is also the evaluation's {@link AgendaFilter}: Drools asks the filter right before firing each match,
 * so it both drops rules outside the phase / scene / effective dates / requested ids and records which rule is
 * firing (findings carry its id without the DRL naming it).
 */
public final class FindingCollector implements AgendaFilter {
    private final Map<String, RuleMetadata> rules;
    private final Phase phase;
    private final String triggerScenario;
    private final String medType;
    private final boolean internet;
    private final LocalDate date;
    private final long epochDay;
    private final List<String> requested;
    private final String patientId;
    private final EncounterFact encounter;

    final List<Raw> raw = new ArrayList<>(4);
    final List<RuleFailure> failures = new ArrayList<>(0);
    private String firing;
    private int mark;

    /** A finding as a rule reported it, before metadata is attached. */
    record Raw(String ruleId, List<String> lineIds, long amountFen, String doctorCode, Map<String, String> evidence) {}

    FindingCollector(Map<String, RuleMetadata> rules, Phase phase, String triggerScenario, List<String> requested,
                     String patientId, EncounterFact encounter, LocalDate date) {
        this.rules = rules;
        this.phase = phase;
        this.triggerScenario = triggerScenario;
        this.medType = encounter.getMedType();
        this.internet = encounter.isInternet();
        this.date = date;
        this.epochDay = date == null ? Long.MIN_VALUE : date.toEpochDay();
        this.requested = requested;
        this.patientId = patientId;
        this.encounter = encounter;
    }

    @Override
    public boolean accept(Match match) {
        String id = match.getRule().getName();
        boolean run = applies(id, rules.get(id));
        if (run) {
            firing(id);
        }
        return run;
    }

    /**
     * Whether rule {@code id} (metadata {@code meta}) runs in this evaluation: phase, scene, effective dates and
     * requested ids.
     */
    boolean applies(String id, RuleMetadata meta) {
        return meta != null && meta.phases().contains(phase)
                && meta.scenes().covers(triggerScenario, medType, internet) && meta.inForceOn(date)
                && (requested.isEmpty() || requested.contains(id) || (meta.code() != null && requested.contains(meta.code())));
    }

    /** The evaluation's trigger scenario (null for post-event checks). */
    String triggerScenario() {
        return triggerScenario;
    }

    /** The current encounter's medical category. */
    String medType() {
        return medType;
    }

    /** Whether the current encounter is internet care. */
    boolean isInternet() {
        return internet;
    }

    /** The encounter date as an epoch day, {@link Long#MIN_VALUE} when unknown (every rule is then in force). */
    long epochDay() {
        return epochDay;
    }

    /** Whether every rule is requested (no {@code rule_ids} in the request). */
    boolean requestsAll() {
        return requested.isEmpty();
    }

    /** Rule {@code id} fires one match now: what it reports is attributed to it. */
    void firing(String id) {
        firing = id;
        mark = raw.size();
    }

    /** How many findings were reported so far (see {@link #conditionFailed}). */
    int mark() {
        return raw.size();
    }

    /**
     * A direct rule's condition threw: what it reported since {@code mark} is dropped — as when Drools aborts the
     * network evaluation and the engine re-runs the encounter without the rule — and the failure is recorded.
     */
    void conditionFailed(String ruleId, int mark, Throwable e) {
        while (raw.size() > mark) {
            raw.remove(raw.size() - 1);
        }
        failures.add(new RuleFailure(ruleId, "condition", describe(e)));
    }

    /** A finding about one line: amount at risk = the line amount. {@code evidence}: key, value, key, value … */
    public void line(LineFact line, Object... evidence) {
        add(List.of(line.getLineId()), line.getAmountFen(), line.getDoctorCode(), evidence);
    }

    /** A finding about one line with an explicit amount at risk (fen). */
    public void lineAmount(LineFact line, long amountFen, Object... evidence) {
        add(List.of(line.getLineId()), amountFen, line.getDoctorCode(), evidence);
    }

    /** A finding about several lines. */
    public void lines(List<String> lineIds, long amountFen, String doctorCode, Object... evidence) {
        add(lineIds, amountFen, doctorCode, evidence);
    }

    /** A finding about the encounter as a whole. */
    public void encounter(long amountFen, Object... evidence) {
        add(List.of(), amountFen, encounter.getDoctorCode(), evidence);
    }

    private void add(List<String> lineIds, long amountFen, String doctorCode, Object[] evidence) {
        if (evidence.length % 2 != 0) {
            throw new IllegalArgumentException("evidence must be key/value pairs, got " + evidence.length + " items");
        }
        Map<String, String> map = new LinkedHashMap<>(evidence.length);
        for (int i = 0; i < evidence.length; i += 2) {
            map.put(String.valueOf(evidence[i]), evidence[i + 1] == null ? "" : String.valueOf(evidence[i + 1]));
        }
        raw.add(new Raw(firing, lineIds, Math.max(0, amountFen), doctorCode, map));
    }

    /** Called by the consequence-exception handler: drops what the failing consequence reported and records it. */
    void consequenceFailed(String ruleId, Exception e) {
        while (raw.size() > mark && ruleId.equals(raw.get(raw.size() - 1).ruleId())) {
            raw.remove(raw.size() - 1);
        }
        failures.add(new RuleFailure(ruleId, "consequence", describe(e)));
    }

    /** Findings reported so far are discarded (used before re-running without a failed condition). */
    void reset() {
        raw.clear();
        mark = 0;
        firing = null;
    }

    String patientId() {
        return patientId;
    }

    EncounterFact encounterFact() {
        return encounter;
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
