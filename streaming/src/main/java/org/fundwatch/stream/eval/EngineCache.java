package org.fundwatch.stream.eval;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fundwatch.pack.KnowledgePacks;
import org.fundwatch.rules.engine.RuleEngine;
import org.fundwatch.rules.source.RulePackSource;
import org.fundwatch.stream.model.PackVersions;

/**
 * One compiled {@link RuleEngine} per (rule pack directory, knowledge pack directory) per JVM: every operator instance
 * and the pack poller share it, so a pack compiles once per task manager, never per record or per subtask. Published
 * versions are immutable, so the directory identifies the content.
 */
public final class EngineCache {
    private static final Map<String, RuleEngine> ENGINES = new ConcurrentHashMap<>();

    private EngineCache() {
    }

    /** The engine for {@code packs}, compiled on first use (≈1–2 s for the national pack). */
    public static RuleEngine get(PackVersions packs) {
        return ENGINES.computeIfAbsent(packs.rulesDir + "|" + packs.kbDir, k -> RuleEngine.compile(
                RulePackSource.load(Path.of(packs.rulesDir)), KnowledgePacks.cached(Path.of(packs.kbDir))));
    }

    /** Whether the engine for {@code packs} is compiled already. */
    public static boolean isReady(PackVersions packs) {
        return ENGINES.containsKey(packs.rulesDir + "|" + packs.kbDir);
    }
}
