package org.fundwatch.rules.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fundwatch.model.EncounterContext;
import org.fundwatch.model.Money;
import org.fundwatch.model.Phase;
import org.fundwatch.pack.KnowledgePack;
import org.fundwatch.rules.source.RuleMetadata;
import org.fundwatch.rules.source.RulePackException;
import org.fundwatch.rules.source.RulePackSource;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.internal.conf.ConsequenceExceptionHandlerOption;

/**
 * A rule pack compiled against a knowledge pack, ready to evaluate encounters. Make it once per pack and share it:
 * {@link #evaluate} is thread-safe. {@link #compile} compiles the DRL to the Drools executable model (1–5 s, the MVEL
 * path is broken in Drools 10.2.0, design notes §6); {@link #load} reuses a compiled model stored with a built
 * registry version ({@value #COMPILED_MODEL}, about 0.2 s) and compiles only when there is none that fits.
 *
 * <p>Per evaluation the engine (1) builds facts in Java (enrichment, {@code FactBuilder}: one knowledge lookup per
 * line, usage windows aggregated in Java), (2) borrows a pooled session of the phase's own KieBase — one KieBase per
 * phase, built from the compiled model with only that phase's rules, so rules of other phases are never matched —
 * inserts the facts and fires with an agenda filter for scene / effective dates / requested ids
 * ({@link FindingCollector}) — only facts of classes the network reads ({@link NetworkTypes}) —, (3) fires the
 * phase's rules that need no accumulate or eval (patterns, {@code not}, {@code exists}: 61 of the national pack's 65)
 * outside Drools with the compiled model's own lambdas ({@link DirectRules}; they are not in the KieBases), (4)
 * attaches the metadata to what the rules reported (finding ids hashed with a per-thread digest).
 *
 * <p>Failure isolation: a throwing consequence is recorded by {@link IsolatingConsequenceHandler} and firing
 * continues. A throwing condition aborts the network evaluation; the engine names the rule from the constraint error
 * and re-runs the encounter on a variant KieBase of the phase without that rule (built from the same compiled model,
 * cached per excluded set), so the other rules still produce their findings.
 */
public final class RuleEngine {
    /**
     * Rule names in Drools' error messages: {@code [Rule "a", "b" in rules/x.drl]} (a constraint shared by several
     * rules names them all), {@code rule "a"}, {@code Rule: a}.
     */
    private static final Pattern RULE_IN_MESSAGE = Pattern.compile("[Rr]ule ((?:\"[^\"]+\"(?:, )?)+)|Rule: ([^\\s,\\]]+)");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

    /** The compiled executable model inside a built pack version directory. */
    public static final String COMPILED_MODEL = "compiled/executable-model.jar";

    private final RulePackSource pack;
    private final KnowledgePack kb;
    private final Map<String, RuleMetadata> rules;
    private final FactBuilder facts;
    private final KnowledgeIndex index;
    private final CompiledRules compiled;
    private final KieBaseConfiguration baseConfiguration;
    private final Map<VariantKey, Variant> variants = new ConcurrentHashMap<>();
    private final int poolSize;
    private final org.fundwatch.rules.engine.fact.RuleParams params;
    private final DirectRules direct;
    private final boolean[][] alsoIn;

    /**
     * A phase's KieBase; {@code empty} (and no KieBase) when every rule of the phase is a direct rule (no session
     * needed); {@code reads} tells which fact classes its network can match at all.
     */
    private record Variant(KieBase base, KieSessionsPool pool, boolean empty, NetworkTypes reads) {}

    /** A KieBase holds only the rules of one phase, minus the rules excluded after a failing condition. */
    private record VariantKey(Phase phase, Set<String> excluded) {}

    private RuleEngine(RulePackSource pack, KnowledgePack kb, CompiledRules compiled, int poolSize, boolean directRules) {
        this.pack = pack;
        this.kb = kb;
        Map<String, RuleMetadata> byId = new HashMap<>();
        pack.rules().forEach(r -> byId.put(r.id(), r));
        this.rules = Map.copyOf(byId);
        this.params = new org.fundwatch.rules.engine.fact.RuleParams(pack.rules());
        this.index = KnowledgeIndex.of(kb);
        this.facts = new FactBuilder(kb, index);
        this.compiled = compiled;
        KieBaseConfiguration conf = KieServices.get().newKieBaseConfiguration();
        conf.setOption(ConsequenceExceptionHandlerOption.get(IsolatingConsequenceHandler.class));
        this.baseConfiguration = conf;
        this.poolSize = poolSize;
        this.direct = DirectRules.of(compiled.rules(), rules, params, directRules);
        this.alsoIn = alsoIn(this.rules.values());
    }

    /**
     * Compiles {@code pack}'s DRL with the executable model for use with {@code kb}. Fails with a
     * {@link RulePackException} whose problems are {@code file:line: message} when the DRL does not compile, or when
     * the pack is not compatible with {@code kb}'s version.
     */
    public static RuleEngine compile(RulePackSource pack, KnowledgePack kb) {
        checkCompatible(pack, kb);
        return create(pack, kb, CompiledRules.compile(pack));
    }

    /**
     * An engine from an already compiled model of {@code pack} (e.g. stored with a built registry version, see
     * {@link #compiledModel()}): no DRL compilation, so a published pack becomes usable in well under a second. Falls
     * back to {@link #compile} when {@code compiled} is null or was not compiled from exactly these rules by the
     * running Drools version.
     */
    public static RuleEngine load(RulePackSource pack, KnowledgePack kb, CompiledRules compiled) {
        checkCompatible(pack, kb);
        if (compiled == null || !compiled.matches(pack.rulesSha256())) {
            return compile(pack, kb);
        }
        return create(pack, kb, compiled);
    }

    /**
     * An engine for the pack in {@code dir} — a built registry version or a source directory: uses the compiled model
     * stored as {@value #COMPILED_MODEL} when it was compiled from exactly these rules by the running Drools version
     * (no DRL compilation: a published version is usable in a fraction of a second), else compiles.
     */
    public static RuleEngine load(java.nio.file.Path dir, KnowledgePack kb) {
        RulePackSource pack = RulePackSource.load(dir);
        java.nio.file.Path model = dir.resolve(COMPILED_MODEL);
        CompiledRules compiled = null;
        if (java.nio.file.Files.isRegularFile(model)) {
            try {
                compiled = CompiledRules.read(java.nio.file.Files.readAllBytes(model));
            } catch (java.io.IOException | RuntimeException unreadable) {
                // a damaged or foreign file: compile from the sources instead
                compiled = null;
            }
        }
        return load(pack, kb, compiled);
    }

    private static void checkCompatible(RulePackSource pack, KnowledgePack kb) {
        if (!pack.info().isCompatibleWith(kb.version())) {
            throw new RulePackException("pack.yaml:1: kb_compatible " + pack.info().kbCompatible() + " does not include "
                    + kb.version() + "; add it (or a glob) or use a compatible knowledge pack");
        }
    }

    /**
     * This engine's pack and compiled model with plain rules evaluated outside Drools ({@link DirectRules}) or not —
     * the default follows {@value DirectRules#PROPERTY}. For tests and comparisons; no DRL is compiled.
     */
    RuleEngine withDirectRules(boolean directRules) {
        return create(pack, kb, compiled, directRules);
    }

    private static RuleEngine create(RulePackSource pack, KnowledgePack kb, CompiledRules compiled) {
        return create(pack, kb, compiled, DirectRules.enabledByDefault());
    }

    private static RuleEngine create(RulePackSource pack, KnowledgePack kb, CompiledRules compiled, boolean directRules) {
        int pool = Math.max(4, Runtime.getRuntime().availableProcessors() * 2);
        RuleEngine engine = new RuleEngine(pack, kb, compiled, pool, directRules);
        // Build every phase's KieBase now, not on the first request.
        for (Phase phase : Phase.values()) {
            engine.variant(phase, Set.of());
        }
        return engine;
    }

    /**
     * Whether every rule that runs in {@code phase} also runs in {@code other}. Facts differ between phases only by the
     * phase's rules (the DRG group is built for mid and post alike), so then an evaluation in {@code phase} can find
     * nothing an evaluation of the same context in {@code other} did not (the stream skips such post evaluations).
     */
    public boolean phaseRulesAlsoIn(Phase phase, Phase other) {
        return alsoIn[phase.ordinal()][other.ordinal()];
    }

    /** {@link #phaseRulesAlsoIn} for every pair of phases, computed once (the stream asks per post-event check). */
    private static boolean[][] alsoIn(java.util.Collection<RuleMetadata> rules) {
        Phase[] phases = Phase.values();
        boolean[][] out = new boolean[phases.length][phases.length];
        for (Phase phase : phases) {
            for (Phase other : phases) {
                out[phase.ordinal()][other.ordinal()] = rules.stream()
                        .noneMatch(meta -> meta.phases().contains(phase) && !meta.phases().contains(other));
            }
        }
        return out;
    }

    /** The rules evaluated outside Drools ({@link DirectRules}); empty when that path is off. */
    Set<String> directRuleNames() {
        return direct.names();
    }

    /** Whether the Drools network of {@code phase} can match facts of class {@code c} (others are not inserted). */
    boolean networkReads(Phase phase, Class<?> c) {
        return variant(phase, Set.of()).reads().matches(c);
    }

    /** The compiled executable model (to store with a built pack version and {@link #load} later). */
    public CompiledRules compiledModel() {
        return compiled;
    }

    /** The rule pack. */
    public RulePackSource pack() {
        return pack;
    }

    /** The knowledge pack. */
    public KnowledgePack knowledgePack() {
        return kb;
    }

    /** How many codes carry a restriction in the knowledge index (diagnostics). */
    public int knowledgeCodes() {
        return index.size();
    }

    /** Every code with a restriction or a price (e.g. to generate realistic benchmark encounters). */
    public Set<String> knowledgeCodeSet() {
        return index.codes();
    }

    /**
     * Evaluates the current encounter of {@code ctx} in {@code phase} with every rule of the pack that applies to the
     * phase, the context's trigger scenario and medical category, internet care and the encounter date (and, when
     * {@code ctx.ruleIds()} is not empty, only those rules — by id or official code). A context without its current
     * encounter gives no findings.
     */
    public Evaluation evaluate(EncounterContext ctx, Phase phase) {
        FactBuilder.Facts built = facts.build(ctx);
        if (built == null) {
            return Evaluation.EMPTY;
        }
        FindingCollector out = new FindingCollector(rules, phase, ctx.triggerScenario(), ctx.ruleIds(), ctx.patient().id(),
                built.encounter(), built.date());
        List<Object> all = built.all();
        fireDrools(phase, all, out);
        direct.evaluate(phase, all, params, out);
        return new Evaluation(findings(out, phase), out.failures);
    }

    /** The rules of {@code phase} that are not direct rules, in a pooled session of the phase's KieBase. */
    private void fireDrools(Phase phase, List<Object> all, FindingCollector out) {
        Set<String> excluded = Set.of();
        while (true) {
            Variant variant = variant(phase, excluded);
            if (variant.empty()) {
                return;
            }
            KieSession session = variant.pool().newKieSession();
            try {
                session.setGlobal("out", out);
                NetworkTypes reads = variant.reads();
                for (int i = 0, n = all.size(); i < n; i++) {
                    Object fact = all.get(i);
                    if (reads.matches(fact.getClass())) {
                        session.insert(fact);
                    }
                }
                if (reads.matches(params.getClass())) {
                    session.insert(params);
                }
                session.fireAllRules(out);
                return;
            } catch (RuntimeException e) {
                Set<String> failed = failedRules(e, excluded);
                out.reset();
                if (failed.isEmpty()) {
                    out.failures.add(new RuleFailure(null, "condition", FindingCollector.describe(e)));
                    return;
                }
                for (String id : failed) {
                    out.failures.add(new RuleFailure(id, "condition", FindingCollector.describe(e)));
                }
                Set<String> next = new LinkedHashSet<>(excluded);
                next.addAll(failed);
                excluded = Set.copyOf(next);
            } finally {
                session.dispose();
            }
        }
    }

    private List<Finding> findings(FindingCollector out, Phase phase) {
        if (out.raw.isEmpty()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>(out.raw.size());
        var encounter = out.encounterFact();
        for (FindingCollector.Raw r : out.raw) {
            RuleMetadata meta = rules.get(r.ruleId());
            Subject subject = new Subject(out.patientId(), encounter.getId(), r.lineIds(), r.doctorCode(),
                    encounter.getInstitutionCode());
            findings.add(new Finding(Finding.idOf(r.ruleId(), subject, r.evidence()), r.ruleId(), meta.name(), meta.code(),
                    pack.info().name(), pack.info().version(), kb.version(), phase, meta.severity(), subject,
                    java.util.Collections.unmodifiableMap(r.evidence()), Money.ofFen(r.amountFen()), meta.basis()));
        }
        return findings;
    }

    /**
     * The KieBase of {@code phase} without {@code excluded}. Rules of other phases are removed from the network rather
     * than filtered at firing time, so their conditions are never evaluated: each phase pays only for its own rules.
     */
    private Variant variant(Phase phase, Set<String> excluded) {
        Variant v = variants.get(new VariantKey(phase, excluded));
        if (v != null) {
            return v;
        }
        return variants.computeIfAbsent(new VariantKey(phase, excluded), key -> {
            java.util.function.Predicate<String> keep = name -> {
                RuleMetadata meta = rules.get(name);
                return meta != null && meta.phases().contains(key.phase()) && !key.excluded().contains(name)
                        && !direct.contains(name);
            };
            if (compiled.ruleNames().stream().noneMatch(keep)) {
                // every rule of the phase is direct (the national pack): no KieBase to build, no session to borrow
                return new Variant(null, null, true, NetworkTypes.NONE);
            }
            KieBase base = compiled.kieBase(keep, baseConfiguration);
            return new Variant(base, base.newKieSessionsPool(poolSize), false, NetworkTypes.of(base));
        });
    }

    /** The pack rules of the Drools network named in {@code e}'s message chain that are not excluded yet. */
    private Set<String> failedRules(Throwable e, Set<String> excluded) {
        Set<String> names = new LinkedHashSet<>();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() == null) {
                continue;
            }
            Matcher m = RULE_IN_MESSAGE.matcher(t.getMessage());
            while (m.find()) {
                List<String> found = new ArrayList<>();
                if (m.group(1) != null) {
                    Matcher q = QUOTED.matcher(m.group(1));
                    while (q.find()) {
                        found.add(q.group(1));
                    }
                } else {
                    found.add(m.group(2));
                }
                for (String name : found) {
                    // a direct rule named with a network rule that shares the constraint reports for itself
                    if (rules.containsKey(name) && !excluded.contains(name) && !direct.contains(name)) {
                        names.add(name);
                    }
                }
            }
        }
        return names;
    }
}
