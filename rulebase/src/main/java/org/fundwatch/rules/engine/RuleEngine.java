package org.fundwatch.rules.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.model.codegen.ExecutableModelProject;
import org.fundwatch.model.EncounterContext;
import org.fundwatch.model.Money;
import org.fundwatch.model.Phase;
import org.fundwatch.pack.KnowledgePack;
import org.fundwatch.rules.source.DrlFile;
import org.fundwatch.rules.source.RuleMetadata;
import org.fundwatch.rules.source.RulePackException;
import org.fundwatch.rules.source.RulePackSource;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.internal.conf.ConsequenceExceptionHandlerOption;

/**
 * A rule pack compiled against a knowledge pack, ready to evaluate encounters. Compile once per pack (≈1–2 s, Drools
 * executable model — the MVEL path is broken in Drools 10.2.0, design notes §6) and share the engine: {@link #evaluate}
 * is thread-safe.
 *
 * <p>Per evaluation the engine (1) builds facts in Java (enrichment, {@code FactBuilder}), (2) borrows a session from a
 * {@link KieSessionsPool} (pooled stateful sessions are reset on {@code dispose()}, so there is no per-call session
 * construction; borrow + dispose measured at 1–2 µs; a comparison with fresh stateless sessions is not done yet),
 * inserts the facts and fires with an agenda filter that keeps
 * only rules of the phase / scene / effective dates ({@link FindingCollector}), (3) attaches the metadata to what the
 * rules reported.
 *
 * <p>Failure isolation: a throwing consequence is recorded by {@link IsolatingConsequenceHandler} and firing
 * continues. A throwing condition aborts the network evaluation; the engine names the rule from the constraint error
 * and re-runs the encounter on a variant KieBase without that rule (created from the already compiled module, cached
 * per excluded set), so the other rules still produce their findings.
 */
public final class RuleEngine {
    private static final Pattern RULE_IN_MESSAGE = Pattern.compile("Rule \"([^\"]+)\"|rule \"([^\"]+)\"|Rule: ([^\\s,\\]]+)");
    private static final AtomicLong COMPILATIONS = new AtomicLong();
    private static final String RESOURCE_ROOT = "src/main/resources/";

    private final RulePackSource pack;
    private final KnowledgePack kb;
    private final Map<String, RuleMetadata> rules;
    private final FactBuilder facts;
    private final KnowledgeIndex index;
    private final KieContainer container;
    private final KieBaseConfiguration baseConfiguration;
    private final Variant primary;
    private final Map<Set<String>, Variant> variants = new ConcurrentHashMap<>();
    private final int poolSize;
    private final org.fundwatch.rules.engine.fact.RuleParams params;

    private record Variant(KieBase base, KieSessionsPool pool) {}

    private RuleEngine(RulePackSource pack, KnowledgePack kb, KieContainer container, KieBaseConfiguration conf,
                       int poolSize) {
        this.pack = pack;
        this.kb = kb;
        Map<String, RuleMetadata> byId = new HashMap<>();
        pack.rules().forEach(r -> byId.put(r.id(), r));
        this.rules = Map.copyOf(byId);
        this.params = new org.fundwatch.rules.engine.fact.RuleParams(pack.rules());
        this.index = KnowledgeIndex.of(kb);
        this.facts = new FactBuilder(kb, index);
        this.container = container;
        this.baseConfiguration = conf;
        this.poolSize = poolSize;
        KieBase base = container.newKieBase(conf);
        this.primary = new Variant(base, base.newKieSessionsPool(poolSize));
        variants.put(Set.of(), primary);
    }

    /**
     * Compiles {@code pack}'s DRL with the executable model for use with {@code kb}. Fails with a
     * {@link RulePackException} whose problems are {@code file:line: message} when the DRL does not compile, or when
     * the pack is not compatible with {@code kb}'s version.
     */
    public static RuleEngine compile(RulePackSource pack, KnowledgePack kb) {
        if (!pack.info().isCompatibleWith(kb.version())) {
            throw new RulePackException("pack.yaml:1: kb_compatible " + pack.info().kbCompatible() + " does not include "
                    + kb.version() + "; add it (or a glob) or use a compatible knowledge pack");
        }
        KieServices ks = KieServices.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId releaseId = ks.newReleaseId("org.fundwatch.rules", pack.info().name(),
                pack.info().version() + "-" + pack.rulesSha256().substring(0, 12) + "-" + COMPILATIONS.incrementAndGet());
        kfs.generateAndWritePomXML(releaseId);
        for (DrlFile drl : pack.drlFiles()) {
            kfs.write(RESOURCE_ROOT + drl.path(), drl.text());
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            List<String> problems = new ArrayList<>();
            for (Message m : errors) {
                String path = m.getPath() == null ? "rules/?" : m.getPath().replace(RESOURCE_ROOT, "");
                problems.add(path + ":" + Math.max(1, m.getLine()) + ": " + m.getText().strip());
            }
            throw new RulePackException(problems);
        }
        KieContainer container = ks.newKieContainer(releaseId);
        KieBaseConfiguration conf = ks.newKieBaseConfiguration();
        conf.setOption(ConsequenceExceptionHandlerOption.get(IsolatingConsequenceHandler.class));
        int pool = Math.max(4, Runtime.getRuntime().availableProcessors() * 2);
        return new RuleEngine(pack, kb, container, conf, pool);
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
        Set<String> excluded = Set.of();
        while (true) {
            Variant variant = variant(excluded);
            KieSession session = variant.pool().newKieSession();
            try {
                session.setGlobal("out", out);
                List<Object> all = built.all();
                for (int i = 0, n = all.size(); i < n; i++) {
                    session.insert(all.get(i));
                }
                session.insert(params);
                session.fireAllRules(out);
                break;
            } catch (RuntimeException e) {
                Set<String> failed = failedRules(e, excluded);
                out.reset();
                if (failed.isEmpty()) {
                    out.failures.add(new RuleFailure(null, "condition", FindingCollector.describe(e)));
                    return new Evaluation(List.of(), out.failures);
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
        return new Evaluation(findings(out, phase), out.failures);
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

    private Variant variant(Set<String> excluded) {
        return variants.computeIfAbsent(excluded, ex -> {
            KieBase base = container.newKieBase(baseConfiguration);
            for (KiePackage p : base.getKiePackages()) {
                for (Rule r : List.copyOf(p.getRules())) {
                    if (ex.contains(r.getName())) {
                        base.removeRule(p.getName(), r.getName());
                    }
                }
            }
            return new Variant(base, base.newKieSessionsPool(poolSize));
        });
    }

    /** The pack rules named in {@code e}'s message chain that are not excluded yet. */
    private Set<String> failedRules(Throwable e, Set<String> excluded) {
        Set<String> names = new LinkedHashSet<>();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() == null) {
                continue;
            }
            Matcher m = RULE_IN_MESSAGE.matcher(t.getMessage());
            while (m.find()) {
                String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                if (rules.containsKey(name) && !excluded.contains(name)) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
