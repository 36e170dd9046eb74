package org.fundwatch.rules.engine.harness;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.fundwatch.model.EncounterContext;
import org.fundwatch.model.Phase;
import org.fundwatch.pack.KnowledgePack;
import org.fundwatch.rules.engine.RuleEngine;
import org.fundwatch.rules.engine.bench.EngineBenchmark;
import org.fundwatch.rules.source.RulePackSource;

/**
 * What the engine harnesses share: the national pack compiled against a knowledge pack, and the rule bench's 512
 * generated encounters of 20 lines (same seed as {@code bench rules}) for one phase.
 *
 * @param engine    the compiled engine
 * @param phase     the phase evaluated
 * @param encounters the 512 encounters (index them with {@code i & 511})
 */
record BenchSetup(RuleEngine engine, Phase phase, List<EncounterContext> encounters) {
    /** The rule pack source the harnesses evaluate unless told otherwise (run from the repository's root). */
    static final String DEFAULT_PACK = "rulebase/packs/national";

    /**
     * From a harness's arguments: knowledge-pack directory ({@code args[0]}), phase ({@code args[1]}) and, when given,
     * the pack source directory at {@code args[packIndex]} (else {@link #DEFAULT_PACK}).
     */
    static BenchSetup of(String[] args, int packIndex) {
        return of(args[0], args[1], args.length > packIndex ? args[packIndex] : DEFAULT_PACK);
    }

    /** From a harness's first arguments: knowledge-pack directory, phase, and the pack source directory. */
    static BenchSetup of(String kbDir, String phase, String packDir) {
        KnowledgePack kb = KnowledgePack.load(Path.of(kbDir));
        Phase p = Phase.valueOf(phase);
        RuleEngine engine = RuleEngine.compile(RulePackSource.load(Path.of(packDir)), kb);
        return new BenchSetup(engine, p, EngineBenchmark.generate(kb, 512, 20, 1, new Random(20250614), p));
    }

    /** The findings count of encounter {@code i} (a {@code CpuTimeRun.perCpuSecond} operation). */
    long evaluate(int i) {
        return engine.evaluate(encounters.get(i), phase).findings().size();
    }
}
