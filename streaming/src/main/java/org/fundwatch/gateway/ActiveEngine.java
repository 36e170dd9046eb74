package org.fundwatch.gateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.fundwatch.pack.KnowledgePack;
import org.fundwatch.pack.KnowledgePacks;
import org.fundwatch.pack.PackBuilder;
import org.fundwatch.rules.engine.RuleEngine;
import org.fundwatch.rules.pack.PackVersion;
import org.fundwatch.rules.pack.RulePackRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule engine the gateway evaluates with: the active published version of the rule pack in the registry compiled
 * against the newest knowledge pack, swapped atomically when either changes.
 *
 * <p>Resolution: the rule pack is {@code registry.active(name, now)}; when nothing is published the pack sources in
 * {@code fallbackPack} ({@code rulebase/packs/national}) are compiled directly and the log says so. The knowledge pack is
 * {@code kbDir} when given, else the newest {@code kb-*} under {@code kbRoot}; when there is none and {@code buildKb}
 * is set, one is built there from the shared reference ({@link PackBuilder#defaultSource()}), else startup fails with
 * what to do.
 *
 * <p>Hot swap: {@link #startPolling} checks every interval on one background thread; when the active rule-pack version
 * or the knowledge-pack directory differs from the loaded one, the new engine is compiled there — never on a request
 * thread — and published with one volatile write. A request reads {@link #current()} once and finishes on that engine,
 * so in-flight requests complete on the old version; the old engine is garbage once they are done. A compile failure
 * keeps the running engine and is logged.
 */
public final class ActiveEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ActiveEngine.class);

    private final Locations locations;
    private final Clock clock;
    private final AtomicReference<Loaded> current = new AtomicReference<>();
    private ScheduledExecutorService poller;

    /**
     * Where packs come from.
     *
     * @param registry     the rule-pack registry ({@code var/rules-registry})
     * @param packName     the pack name in the registry ({@code national})
     * @param fallbackPack pack sources compiled when nothing is published ({@code rulebase/packs/national})
     * @param kbRoot       directory of knowledge packs ({@code var/kb})
     * @param kbDir        a fixed knowledge pack, or null for the newest under {@code kbRoot}
     * @param buildKb      build a knowledge pack under {@code kbRoot} when there is none
     */
    public record Locations(Path registry, String packName, Path fallbackPack, Path kbRoot, Path kbDir, boolean buildKb) {
    }

    /** A compiled engine and where it came from. */
    public record Loaded(RuleEngine engine, String rulesLabel, String rulesKey, Path kbDir) {
        /** The knowledge pack version. */
        public String kbVersion() {
            return engine.knowledgePack().version();
        }
    }

    private ActiveEngine(Locations locations, Clock clock) {
        this.locations = locations;
        this.clock = clock;
    }

    /** Resolves and compiles the engine (≈ seconds); fails with what to do when no pack can be found. */
    public static ActiveEngine load(Locations locations, Clock clock) {
        ActiveEngine active = new ActiveEngine(locations, clock);
        Path kb = active.resolveKb();
        RuleSource rules = active.resolveRules();
        active.current.set(active.compile(rules, kb));
        return active;
    }

    /** An engine compiled elsewhere (tests, benchmarks); never swapped. */
    public static ActiveEngine fixed(RuleEngine engine, String label) {
        ActiveEngine active = new ActiveEngine(null, Clock.systemUTC());
        active.current.set(new Loaded(engine, label, label, engine.knowledgePack().dir()));
        return active;
    }

    /** The engine to use for one request. */
    public Loaded current() {
        return current.get();
    }

    /** Checks for new pack versions every {@code seconds} (no-op for a fixed engine). */
    public synchronized void startPolling(long seconds) {
        if (locations == null || poller != null || seconds <= 0) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gateway-pack-poller");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::refresh, seconds, seconds, TimeUnit.SECONDS);
    }

    /** One poll: compiles and swaps when the active versions changed. Returns whether it swapped. */
    public boolean refresh() {
        try {
            Path kb = resolveKb();
            RuleSource rules = resolveRules();
            Loaded now = current.get();
            if (now != null && now.rulesKey().equals(rules.key()) && now.kbDir().equals(kb)) {
                return false;
            }
            Loaded next = compile(rules, kb);
            current.set(next);
            LOG.info("swapped to rules {} with {} (was {} with {})", next.rulesLabel(), next.kbVersion(),
                    now == null ? "-" : now.rulesLabel(), now == null ? "-" : now.kbVersion());
            return true;
        } catch (RuntimeException e) {
            LOG.error("pack refresh failed, keeping {}: {}", current.get() == null ? "-" : current.get().rulesLabel(), e.getMessage());
            return false;
        }
    }

    private record RuleSource(Path dir, String label, String key) {
    }

    private RuleSource resolveRules() {
        RulePackRegistry registry = new RulePackRegistry(locations.registry(), clock);
        Optional<PackVersion> active = registry.active(locations.packName(), clock.instant());
        if (active.isPresent()) {
            PackVersion v = active.get();
            return new RuleSource(v.dir(), v.label() + " (registry)", "registry:" + v.label() + ":" + v.artifact().contentSha256());
        }
        Path dir = locations.fallbackPack().toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve("pack.yaml"))) {
            throw new IllegalStateException("no published pack '" + locations.packName() + "' in " + registry.root()
                    + " and no pack sources at " + dir + "; publish one with `fundwatch rules publish` or give --pack DIR");
        }
        return new RuleSource(dir, dir + " (sources, unpublished)", "dir:" + dir);
    }

    private Path resolveKb() {
        if (locations.kbDir() != null) {
            return locations.kbDir().toAbsolutePath().normalize();
        }
        Optional<Path> newest = KnowledgePacks.newest(locations.kbRoot());
        if (newest.isPresent()) {
            return newest.get().toAbsolutePath().normalize();
        }
        if (!locations.buildKb()) {
            throw new IllegalStateException("no knowledge pack under " + locations.kbRoot().toAbsolutePath()
                    + "; build one with `fundwatch kb build` or give --kb DIR");
        }
        LOG.info("no knowledge pack under {}; building one from {}", locations.kbRoot().toAbsolutePath(), PackBuilder.defaultSource());
        return new PackBuilder(PackBuilder.defaultSource()).build(locations.kbRoot()).dir().toAbsolutePath().normalize();
    }

    private Loaded compile(RuleSource rules, Path kbDir) {
        long start = System.nanoTime();
        KnowledgePack kb = KnowledgePacks.cached(kbDir);
        if (rules.key().startsWith("dir:")) {
            LOG.warn("nothing published in registry {} for pack '{}': compiling the sources {} directly",
                    locations.registry().toAbsolutePath(), locations.packName(), rules.dir());
        }
        // published versions carry their compiled model (RuleEngine.load uses it); source directories are compiled
        RuleEngine engine = RuleEngine.load(rules.dir(), kb);
        LOG.info("compiled rules {} against {} in {} ms", rules.label(), kb.version(), (System.nanoTime() - start) / 1_000_000);
        return new Loaded(engine, engine.pack().info().name() + "/" + engine.pack().info().version(), rules.key(), kbDir);
    }

    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }

    @Override
    public String toString() {
        Loaded l = Objects.requireNonNull(current.get());
        return l.rulesLabel() + " with " + l.kbVersion();
    }
}
