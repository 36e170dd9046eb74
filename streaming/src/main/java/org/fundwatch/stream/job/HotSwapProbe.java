package org.fundwatch.stream.job;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.fundwatch.pack.KnowledgePacks;
import org.fundwatch.rules.engine.RuleEngine;
import org.fundwatch.rules.pack.PackTestRunner;
import org.fundwatch.rules.pack.RulePackRegistry;
import org.fundwatch.rules.pack.TestSummary;
import org.fundwatch.rules.source.PackInfo;
import org.fundwatch.rules.source.RulePackSource;
import org.fundwatch.stream.eval.PersonEvaluator;
import org.fundwatch.stream.model.Alert;
import org.fundwatch.stream.model.PackActivation;
import org.fundwatch.stream.parse.ParseFunction;

/**
 * Hot swap under load, measured: a continuous job (watched directory, rule registry) on a local MiniCluster; message
 * files are fed while it runs; half-way, version B of the pack is published (with a notice period: effective a little
 * later, as an operator schedules it — the job compiles B as soon as it is published and switches at the effective
 * time). Collects every alert and every evaluator's switch ({@link PersonEvaluator#ACTIVATIONS}) with wall-clock
 * times, and the job's counters once all fed records are in. Used by {@code HotSwapTest} (which asserts) and by
 * {@code fundwatch bench stream --hot-swap} (which prints).
 *
 * <p>Version B is the same pack with the minor version raised: the rules, and so the findings and alert ids, are the
 * same, which lets a caller compare the alert ids with an uninterrupted run; every alert names the version that
 * produced it, so the switch is visible per alert. B's recorded test summary is A's (same rules and test cases).
 */
public final class HotSwapProbe {
    private static final Map<String, Queue<Object>> COLLECTED = new ConcurrentHashMap<>();

    private HotSwapProbe() {
    }

    /**
     * What happened.
     *
     * @param publishedAt  wall clock just before B was published
     * @param effectiveAt  B's effective time
     * @param linesFed     non-blank lines in the files fed
     * @param counters     the job's accumulators when all fed records were in
     */
    public record Result(String versionA, String versionB, long publishedAt, long effectiveAt, long linesFed,
                         List<PackActivation> activations, List<Alert> alerts, Map<String, Object> counters) {

        /** Activations of version {@code v}. */
        public List<PackActivation> activationsOf(String v) {
            return activations.stream().filter(a -> v.equals(a.rulesVersion)).toList();
        }

        /** When the last evaluator subtask switched to B (−1: never). */
        public long lastActiveB() {
            return activationsOf(versionB).stream().mapToLong(a -> a.activeAt).max().orElse(-1);
        }

        /** When the first evaluator subtask switched to B (−1: never). */
        public long firstActiveB() {
            return activationsOf(versionB).stream().mapToLong(a -> a.activeAt).min().orElse(-1);
        }

        public long counter(String name) {
            return counters.get(name) instanceof Number n ? n.longValue() : -1;
        }

        /** One line for people. */
        public String summary() {
            long compile = activationsOf(versionB).stream().mapToLong(a -> a.readyAt - a.seenAt).max().orElse(-1);
            long alertsB = alerts.stream().filter(a -> versionB.equals(a.packVersion)).count();
            return String.format("%s → %s published with %d ms notice: all evaluators on %s %d ms after the effective "
                            + "time (first %d ms), %d ms after publish; engine ready %d ms after the poller saw it "
                            + "(%s); %d alerts (%d by %s); records in %d of %d fed, "
                            + "processed %d + dead-lettered %d", versionA, versionB, effectiveAt - publishedAt,
                    versionB, lastActiveB() - effectiveAt, firstActiveB() - effectiveAt, lastActiveB() - publishedAt,
                    compile, effectiveAt <= publishedAt ? "immediate effect: loading the compiled model is part of the switch"
                            : compile < 100 ? "pre-compiled during the notice"
                            : "compilation outlasted the notice: part of it is in the switch", alerts.size(), alertsB,
                    versionB, counter(ParseFunction.RECORDS_IN), linesFed,
                    counter(ParseFunction.PROCESSED), counter(ParseFunction.DEAD_LETTERED));
        }
    }

    /**
     * Runs the probe.
     *
     * @param work        an empty working directory (registry, input, checkpoints)
     * @param messages    message files to feed ({@code *.jsonl}, in name order); a {@code persons.jsonl} beside or
     *                    above them is copied as the person registry
     * @param packSource  the rule pack source (version A as is)
     * @param kbDir       the knowledge pack
     * @param notice      effective time of B after its publication
     * @param fileSpacing milliseconds between two fed files
     */
    public static Result run(Path work, Path messages, Path packSource, Path kbDir, int parallelism, Duration notice,
                             long fileSpacing) throws Exception {
        Path registryDir = work.resolve("registry");
        RulePackRegistry registry = new RulePackRegistry(registryDir);
        RulePackSource a = RulePackSource.load(packSource);
        RuleEngine compiledA = RuleEngine.compile(a, KnowledgePacks.cached(kbDir));
        TestSummary tests = PackTestRunner.run(a, compiledA, KnowledgePacks.cached(kbDir).version()).summary();
        // built as `fundwatch rules build` does: with the compiled model, so that activation loads rather than compiles
        byte[] model = compiledA.compiledModel().write();
        if (!tests.green()) {
            throw new IllegalStateException(packSource + ": pack tests fail (" + tests + "); fix them first");
        }
        PackInfo infoA = a.info();
        registry.build(packSource, infoA, tests, model);
        registry.publish(infoA.name(), infoA.version(), Instant.now(), "hot-swap probe: version A");
        Path sourceB = work.resolve("pack-b");
        PackInfo infoB = copyWithNextMinor(packSource, sourceB, infoA);
        byte[] modelB = RuleEngine.compile(RulePackSource.load(sourceB), KnowledgePacks.cached(kbDir)).compiledModel()
                .write();
        registry.build(sourceB, infoB, tests, modelB);

        Path in = Files.createDirectories(work.resolve("in"));
        for (Path persons : new Path[] {messages.resolve("persons.jsonl"), messages.resolveSibling("persons.jsonl")}) {
            if (Files.isRegularFile(persons)) {
                Files.copy(persons, in.resolve("persons.jsonl"));
                break;
            }
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(messages)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".jsonl"))
                    .filter(p -> !p.getFileName().toString().equals("persons.jsonl"))
                    .filter(p -> !p.getFileName().toString().equals("ground-truth.jsonl"))
                    .sorted(Comparator.comparing(Path::toString)).toList();
        }

        String id = UUID.randomUUID().toString();
        Queue<Object> alerts = new ConcurrentLinkedQueue<>();
        Queue<Object> activations = new ConcurrentLinkedQueue<>();
        COLLECTED.put(id + "/alerts", alerts);
        COLLECTED.put(id + "/activations", activations);
        StreamConfig config = StreamConfig.of(in.toString()).withParallelism(parallelism)
                .withPacks(registryDir.toString(), infoA.name(), null, kbDir.toString())
                .withCheckpoints(work.resolve("chk").toString(), Duration.ofSeconds(1), null);
        StreamExecutionEnvironment env = FundwatchJob.environment(config);
        FundwatchJob.Pipeline pipeline = FundwatchJob.build(env, config);
        pipeline.alerts().sinkTo(new Collect<>(id + "/alerts")).name("collect alerts");
        pipeline.activations().sinkTo(new Collect<>(id + "/activations")).name("collect activations");
        JobClient job = env.executeAsync("fundwatch hot-swap probe");
        try {
            waitFor(() -> activations.size() >= parallelism, Duration.ofSeconds(120), "version A in use");
            long lines = 0;
            long publishedAt = 0;
            Instant effective = null;
            for (int i = 0; i < files.size(); i++) {
                if (i == files.size() / 2) {
                    publishedAt = System.currentTimeMillis();
                    effective = Instant.ofEpochMilli(publishedAt).plus(notice);
                    registry.publish(infoB.name(), infoB.version(), effective, "hot-swap probe: version B");
                }
                lines += feed(files.get(i), in);
                Thread.sleep(fileSpacing);
            }
            long fed = lines;
            waitFor(() -> records(job) >= fed, Duration.ofSeconds(300), "all fed records read");
            long last = -1;
            // until evaluation is quiet: nothing more evaluated for longer than the sources' idleness timeout (5 s),
            // after which an idle reader no longer holds back the watermark
            while (true) {
                Thread.sleep(7_000);
                long now = counter(job, PersonEvaluator.EVALUATED);
                if (now == last) {
                    break;
                }
                last = now;
            }
            Map<String, Object> counters = job.getAccumulators().get();
            List<Alert> seenAlerts = new ArrayList<>();
            alerts.forEach(o -> seenAlerts.add((Alert) o));
            List<PackActivation> seenActivations = new ArrayList<>();
            activations.forEach(o -> seenActivations.add((PackActivation) o));
            return new Result(infoA.version(), infoB.version(), publishedAt, effective.toEpochMilli(), fed,
                    seenActivations, seenAlerts, counters);
        } finally {
            job.cancel().get();
            COLLECTED.remove(id + "/alerts");
            COLLECTED.remove(id + "/activations");
        }
    }

    /** Runs a bounded job ({@code config} with {@code once}) and returns every alert it raised (collected in memory). */
    public static List<Alert> alertsOfBoundedRun(StreamConfig config) throws Exception {
        String key = UUID.randomUUID() + "/alerts";
        Queue<Object> alerts = new ConcurrentLinkedQueue<>();
        COLLECTED.put(key, alerts);
        try {
            StreamExecutionEnvironment env = FundwatchJob.environment(config);
            FundwatchJob.build(env, config).alerts().sinkTo(new Collect<>(key)).name("collect alerts");
            env.execute("fundwatch reference run");
            List<Alert> out = new ArrayList<>();
            alerts.forEach(o -> out.add((Alert) o));
            return out;
        } finally {
            COLLECTED.remove(key);
        }
    }

    /** Copies the pack source with {@code version: X.(Y+1).0} in pack.yaml. */
    static PackInfo copyWithNextMinor(Path from, Path to, PackInfo info) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        String[] parts = info.version().split("[.-]");
        String next = parts[0] + "." + (Integer.parseInt(parts[1]) + 1) + ".0";
        Path yaml = to.resolve("pack.yaml");
        String text = Files.readString(yaml, StandardCharsets.UTF_8)
                .replaceFirst("(?m)^version:.*$", "version: " + next);
        Files.writeString(yaml, text, StandardCharsets.UTF_8);
        return RulePackSource.load(to).info();
    }

    /**
     * Copies a file into the watched directory atomically; returns its line count. It is written beside the directory,
     * not in it as a hidden file: Flink's file enumerator lists the directory and then reads each entry's status, and a
     * hidden file renamed in between made it log "Failed to enumerate files" with a stack trace (harmless: the next
     * scan finds the file). A hospital's drop process should do the same: write elsewhere on the file system, then move.
     */
    private static long feed(Path file, Path dir) throws IOException {
        Path incoming = dir.resolveSibling(dir.getFileName() + ".incoming");
        Files.createDirectories(incoming);
        Path tmp = incoming.resolve(file.getFileName());
        Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, dir.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        try (Stream<String> s = Files.lines(file, StandardCharsets.UTF_8)) {
            return s.filter(l -> !l.isBlank()).count();
        }
    }

    private static long records(JobClient job) {
        return counter(job, ParseFunction.RECORDS_IN);
    }

    private static long counter(JobClient job, String name) {
        try {
            return job.getAccumulators().get().get(name) instanceof Number n ? n.longValue() : 0;
        } catch (Exception e) {
            return 0;
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, Duration timeout, String what)
            throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("hot-swap probe: timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    /** Collects elements into an in-JVM queue (the local MiniCluster runs in this JVM). */
    private record Collect<T>(String key) implements Sink<T>, Serializable {
        @Override
        public SinkWriter<T> createWriter(WriterInitContext context) {
            Queue<Object> queue = COLLECTED.get(key);
            return new SinkWriter<>() {
                @Override
                public void write(T element, Context ctx) {
                    queue.add(element);
                }

                @Override
                public void flush(boolean endOfInput) {
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
