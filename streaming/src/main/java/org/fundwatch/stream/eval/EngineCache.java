package org.fundwatch.stream.eval;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fundwatch.pack.KnowledgePacks;
import org.fundwatch.rules.engine.RuleEngine;
import org.fundwatch.stream.model.PackVersions;

/**
 * One compiled {@link RuleEngine} per (rule pack directory, knowledge pack directory) per JVM: every operator instance
 * and the pack poller share it, so a pack compiles once per task manager, never per record or per subtask. Published
 * versions are immutable, so the directory identifies the content.
 */
public final class EngineCache {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EngineCache.class);
    private static final Map<String, RuleEngine> ENGINES = new ConcurrentHashMap<>();
    /** Compilations in progress, so that a compile never holds a lock that readers of other engines need. */
    private static final Map<String, java.util.concurrent.CompletableFuture<RuleEngine>> COMPILING =
            new ConcurrentHashMap<>();

    private EngineCache() {
    }

    /**
     * The engine for {@code packs}, made on first use: loaded from the compiled model a published version stores
     * (≈0.2 s), compiled from sources otherwise (≈1–4 s for the national pack).
     */
    public static RuleEngine get(PackVersions packs) {
        String key = packs.key();
        RuleEngine engine = ENGINES.get(key); // the per-record path: a plain lock-free read
        if (engine != null) {
            return engine;
        }
        var mine = new java.util.concurrent.CompletableFuture<RuleEngine>();
        var running = COMPILING.putIfAbsent(key, mine);
        if (running != null) {
            return running.join(); // another thread compiles it: wait for that one
        }
        try {
            engine = ENGINES.get(key); // finished between the first look and the reservation
            if (engine != null) {
                mine.complete(engine);
                return engine;
            }
            // a published registry version carries its compiled model: loading it takes a fraction of a second
            long started = System.nanoTime();
            engine = RuleEngine.load(Path.of(packs.rulesDir), KnowledgePacks.cached(Path.of(packs.kbDir)));
            ENGINES.put(key, engine);
            LOG.info("engine for {} made in {} ms", key, (System.nanoTime() - started) / 1_000_000);
            mine.complete(engine);
            return engine;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            COMPILING.remove(key);
        }
    }

    /** Whether the engine for {@code packs} is compiled already. */
    public static boolean isReady(PackVersions packs) {
        return ENGINES.containsKey(packs.key());
    }
}
