package org.fundwatch.stream.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.fundwatch.pack.KnowledgePacks;
import org.fundwatch.pack.Manifest;
import org.fundwatch.rules.pack.PackVersion;
import org.fundwatch.rules.pack.RulePackRegistry;
import org.fundwatch.rules.source.RulePackSource;
import org.fundwatch.stream.eval.EngineCache;
import org.fundwatch.stream.model.PackVersions;

/**
 * Emits the packs in force: the rule pack version active now in the registry ({@link RulePackRegistry#active}) — or a
 * fixed rule pack source directory — and the newest knowledge pack under the kb root (or a fixed pack directory). It
 * polls every {@code pollMillis} and emits when the combination changes, after compiling the engine into
 * {@link EngineCache} so that the operators switch without a pause when they share the JVM. Bounded mode emits once and
 * ends. Run with parallelism 1; it has no splits (there is nothing to distribute) and no state (after a restore it
 * emits what is in force then; operators ignore an unchanged combination).
 */
public final class PackVersionSource implements Source<PackVersions, PackVersionSource.NoSplit, Integer> {
    private static final long serialVersionUID = 1L;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PackVersionSource.class);

    private final String registry;
    private final String packName;
    private final String rulesSourceDir;
    private final String kb;
    private final long pollMillis;
    private final boolean bounded;

    /**
     * @param registry       the rule-pack registry (used unless {@code rulesSourceDir} is given)
     * @param packName       the pack name in the registry
     * @param rulesSourceDir a rule pack directory used as is (null: the registry)
     * @param kb             a knowledge pack directory, or a root holding {@code kb-*} packs (the newest is used)
     */
    public PackVersionSource(String registry, String packName, String rulesSourceDir, String kb, long pollMillis,
                             boolean bounded) {
        this.registry = registry;
        this.packName = packName;
        this.rulesSourceDir = rulesSourceDir;
        this.kb = kb;
        this.pollMillis = pollMillis;
        this.bounded = bounded;
    }

    /** What is in force now (empty when no rule pack is published or no knowledge pack exists). */
    public Optional<PackVersions> current() {
        Optional<Path> kbDir = kbDir();
        if (kbDir.isEmpty()) {
            return Optional.empty();
        }
        String kbVersion = kbDir.get().getFileName().toString();
        long now = System.currentTimeMillis();
        if (rulesSourceDir != null) {
            RulePackSource source = RulePackSource.load(Path.of(rulesSourceDir));
            return Optional.of(new PackVersions(source.info().name(), source.info().version(),
                    Path.of(rulesSourceDir).toAbsolutePath().normalize().toString(),
                    kbVersion, kbDir.get().toAbsolutePath().normalize().toString(), now));
        }
        Optional<PackVersion> active = new RulePackRegistry(Path.of(registry)).active(packName, Instant.now());
        return active.map(v -> new PackVersions(v.name(), v.version(), v.dir().toAbsolutePath().normalize().toString(),
                kbVersion, kbDir.get().toAbsolutePath().normalize().toString(), now));
    }

    private Optional<Path> kbDir() {
        Path kbPath = Path.of(kb);
        return Files.isRegularFile(kbPath.resolve(Manifest.FILE_NAME)) ? Optional.of(kbPath)
                : KnowledgePacks.newest(kbPath);
    }

    /**
     * Versions published in the registry that come into force later (with the newest knowledge pack): compiled ahead,
     * so that the switch at their effective time costs no compilation.
     */
    public List<PackVersions> upcoming() {
        Optional<Path> kbDir = kbDir();
        if (rulesSourceDir != null || kbDir.isEmpty()) {
            return List.of();
        }
        Instant now = Instant.now();
        String kbVersion = kbDir.get().getFileName().toString();
        return new RulePackRegistry(Path.of(registry)).list().stream()
                .filter(v -> v.name().equals(packName))
                .filter(v -> v.effectiveFrom().map(now::isBefore).orElse(false))
                .filter(v -> v.retiredAt().isEmpty())
                .map(v -> new PackVersions(v.name(), v.version(), v.dir().toAbsolutePath().normalize().toString(),
                        kbVersion, kbDir.get().toAbsolutePath().normalize().toString(), System.currentTimeMillis()))
                .toList();
    }

    @Override
    public Boundedness getBoundedness() {
        return bounded ? Boundedness.BOUNDED : Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SourceReader<PackVersions, NoSplit> createReader(SourceReaderContext context) {
        return new Reader();
    }

    @Override
    public SplitEnumerator<NoSplit, Integer> createEnumerator(SplitEnumeratorContext<NoSplit> context) {
        return new Enumerator(context);
    }

    @Override
    public SplitEnumerator<NoSplit, Integer> restoreEnumerator(SplitEnumeratorContext<NoSplit> context, Integer state) {
        return new Enumerator(context);
    }

    @Override
    public SimpleVersionedSerializer<NoSplit> getSplitSerializer() {
        return new IntSerializer<>(NoSplit::new, s -> 0);
    }

    @Override
    public SimpleVersionedSerializer<Integer> getEnumeratorCheckpointSerializer() {
        return new IntSerializer<>(i -> i, i -> i);
    }

    private final class Reader implements SourceReader<PackVersions, NoSplit> {
        /** Compiles upcoming versions off the source thread (one at a time; the engines are shared per JVM). */
        private final java.util.concurrent.ExecutorService precompiler =
                java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "fundwatch-pack-precompile");
                    t.setDaemon(true);
                    return t;
                });
        private final java.util.Set<String> precompiling = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private PackVersions last;
        private long nextPoll;
        private boolean done;
        private CompletableFuture<Void> available = CompletableFuture.completedFuture(null);

        @Override
        public void start() {
        }

        @Override
        public InputStatus pollNext(ReaderOutput<PackVersions> output) {
            if (done) {
                return InputStatus.END_OF_INPUT;
            }
            long now = System.currentTimeMillis();
            if (now < nextPoll) {
                return InputStatus.NOTHING_AVAILABLE;
            }
            nextPoll = now + pollMillis;
            Optional<PackVersions> packs;
            try {
                packs = current();
            } catch (RuntimeException e) {
                if (bounded) {
                    throw e;
                }
                // A registry being written (publish in progress) or an unloadable pack: keep the packs in force.
                LOG.warn("pack poll failed, keeping {}: {}", last, e.getMessage());
                packs = Optional.empty();
            }
            if (packs.isEmpty() && last == null && bounded) {
                throw new IllegalStateException("no rule pack in force in " + registry + " (publish one with "
                        + "`fundwatch rules build` + `fundwatch rules publish VERSION`) or no knowledge pack under "
                        + kb + " (`fundwatch kb build`)");
            }
            if (packs.isPresent() && !packs.get().samePacks(last)) {
                EngineCache.get(packs.get());
                last = packs.get();
                last.readyAt = System.currentTimeMillis();
                LOG.info("rule pack {} in force (engine ready {} ms after the poll saw it)", last,
                        last.readyAt - last.seenAt);
                output.collect(last, now);
            }
            if (!bounded) {
                precompileUpcoming();
            }
            if (bounded && last != null) {
                done = true;
                return InputStatus.END_OF_INPUT;
            }
            available = new CompletableFuture<>();
            CompletableFuture.delayedExecutor(Math.max(1, nextPoll - System.currentTimeMillis()), TimeUnit.MILLISECONDS)
                    .execute(() -> available.complete(null));
            return InputStatus.NOTHING_AVAILABLE;
        }

        private void precompileUpcoming() {
            List<PackVersions> next;
            try {
                next = upcoming();
            } catch (RuntimeException e) {
                return; // a registry being written: next poll
            }
            for (PackVersions v : next) {
                if (!EngineCache.isReady(v) && precompiling.add(v.rulesDir + "|" + v.kbDir)) {
                    precompiler.execute(() -> {
                        long start = System.currentTimeMillis();
                        try {
                            EngineCache.get(v);
                            LOG.info("rule pack {} compiled ahead of its effective time in {} ms", v,
                                    System.currentTimeMillis() - start);
                        } catch (RuntimeException e) {
                            LOG.warn("rule pack {} does not compile: {}", v, e.getMessage());
                        }
                    });
                }
            }
        }

        @Override
        public List<NoSplit> snapshotState(long checkpointId) {
            return List.of();
        }

        @Override
        public CompletableFuture<Void> isAvailable() {
            return available;
        }

        @Override
        public void addSplits(List<NoSplit> splits) {
        }

        @Override
        public void notifyNoMoreSplits() {
        }

        @Override
        public void close() {
            precompiler.shutdownNow();
        }
    }

    private static final class Enumerator implements SplitEnumerator<NoSplit, Integer> {
        private final SplitEnumeratorContext<NoSplit> context;

        Enumerator(SplitEnumeratorContext<NoSplit> context) {
            this.context = context;
        }

        @Override
        public void start() {
        }

        @Override
        public void handleSplitRequest(int subtaskId, String requesterHostname) {
        }

        @Override
        public void addSplitsBack(List<NoSplit> splits, int subtaskId) {
        }

        @Override
        public void addReader(int subtaskId) {
        }

        @Override
        public Integer snapshotState(long checkpointId) {
            return 0;
        }

        @Override
        public void close() {
        }
    }

    /** The source has no splits; the type exists because the API needs one. */
    public static final class NoSplit implements SourceSplit {
        NoSplit(int ignored) {
        }

        @Override
        public String splitId() {
            return "packs";
        }
    }

    private record IntSerializer<T>(java.util.function.IntFunction<T> read,
                                    java.util.function.ToIntFunction<T> write)
            implements SimpleVersionedSerializer<T>, java.io.Serializable {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(T obj) {
            int v = write.applyAsInt(obj);
            return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
        }

        @Override
        public T deserialize(int version, byte[] b) throws IOException {
            return read.apply(((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff));
        }
    }
}
