package org.fundwatch.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.fundwatch.cli.Progress;
import org.fundwatch.clickhouse.ClickHouseEnvironment;
import org.fundwatch.clickhouse.ClickHouseStore;
import org.fundwatch.clickhouse.Migrations;
import org.fundwatch.codes.CodeFormat;
import org.fundwatch.drg.DrgGrouper;
import org.fundwatch.drg.DrgTables;
import org.fundwatch.generate.CsvGeneratorCatalog;
import org.fundwatch.generate.GenerationSummary;
import org.fundwatch.generate.GeneratorConfig;
import org.fundwatch.generate.SyntheticDataGenerator;
import org.fundwatch.message.MessageParser;
import org.fundwatch.message.NationalJson;
import org.fundwatch.message.person.PersonInfoOutput;
import org.fundwatch.pack.KnowledgePack;
import org.fundwatch.pack.KnowledgePacks;
import org.fundwatch.pack.PackBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code fundwatch demo}: the end-to-end run of what exists — start ClickHouse (installing it when missing)
 * and migrate the schema, build the knowledge pack, generate a population and its national messages with
 * labelled anomalies, load every message (validated; bad ones dead-lettered with the reason) and group every
 * discharge with CHS-DRG 1.1 into ClickHouse, then print a summary whose counts reconcile.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "End to end: ClickHouse up, knowledge pack, a month of generated data, DRG grouping, summary.")
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--seed", defaultValue = "42", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--days", defaultValue = "30", description = "Simulated days (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--patients", defaultValue = "20000", description = "Insured persons (default: ${DEFAULT-VALUE}).")
    int patients;

    @Option(names = "--start", defaultValue = "2025-06-01", description = "First day (default: ${DEFAULT-VALUE}).")
    LocalDate start;

    @Option(names = "--work", defaultValue = "var/demo", description = "Working directory (default: ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--source", description = "Reference data for the knowledge pack (default: ../shared/reference).")
    Path source;

    @Option(names = "--timeout", defaultValue = "120", description = "Seconds to wait for ClickHouse (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        long t0 = System.nanoTime();

        out.println("1/5 ClickHouse");
        ClickHouseEnvironment env = ClickHouseEnvironment.fromSystem();
        ClickHouseEnvironment.Started started = env.start(Duration.ofSeconds(timeoutSeconds));
        try (ClickHouseStore store = ClickHouseStore.open(started.config())) {
            Migrations.Result migrated = Migrations.bundled(store).migrate();
            out.printf("    %s (%s), version %s, %d migration(s) applied now%n", started.config().url(),
                    env.external() ? "external" : "local", store.version(), migrated.appliedNow().size());

            out.println("2/5 knowledge pack");
            PackBuilder builder = new PackBuilder(source != null ? source : PackBuilder.defaultSource())
                    .progress(System.err);
            Path packDir = builder.build(Path.of("var", "kb")).dir();
            KnowledgePack kb = KnowledgePacks.cached(packDir);
            out.printf("    %s (%s)%n", kb.version(), packDir);

            out.println("3/5 generate");
            Path data = work.resolve("data");
            GenerationSummary generated;
            try (Progress progress = new Progress("generate", -1)) {
                generated = new SyntheticDataGenerator(GeneratorConfig.of(seed, days, patients, start, 0.03),
                        CsvGeneratorCatalog.load(packDir)).generate(data, progress::advance);
            }
            out.printf("    %,d persons, %,d encounters, %,d messages (%,d fee lines), %,d labelled anomalies -> %s%n",
                    generated.persons(), generated.encounters(), generated.messages(), generated.feeLines(),
                    generated.cases(), data);

            out.println("4/5 load, validate, group (CHS-DRG 1.1) into ClickHouse");
            List<Path> files = MessageFiles.list(data.resolve("messages"));
            MessageParser parser = new MessageParser(Map.of(CodeFormat.DIAGNOSIS, kb.icd10(),
                    CodeFormat.PROCEDURE, kb.icd9()));
            DrgGrouper grouper = new DrgGrouper(DrgTables.load(kb.drgTablesDir(), packDir.resolve("icd")));
            InpatientCases cases = new InpatientCases(readPersons(data.resolve("persons.jsonl")));
            Path deadLetters = work.resolve("dead-letters.jsonl");
            LoadCounts counts;
            long loadStart = System.nanoTime();
            try (BufferedWriter dlq = Files.newBufferedWriter(deadLetters, StandardCharsets.UTF_8);
                 ClickHouseRowSink sink = new ClickHouseRowSink(store);
                 Progress progress = new Progress("load", generated.messages())) {
                counts = new MessageLoader(parser, grouper, cases, sink, dlq, kb.version(), System.currentTimeMillis())
                        .load(files, progress);
                sink.flush();
                printLoad(out, counts, sink.inserted(), deadLetters, (System.nanoTime() - loadStart) / 1e9);
            }

            out.println("5/5 summary");
            printAnomalies(out, data.resolve("ground-truth.jsonl"));
            out.printf("    in ClickHouse: %s%n", tableCounts(store));
            out.printf("    done in %.1f s. Dashboards and notebooks read database '%s' at %s%n",
                    (System.nanoTime() - t0) / 1e9, store.database(), started.config().url());
            if (!counts.reconciles()) {
                spec.commandLine().getErr().println("fundwatch demo: counts do not reconcile — this is a bug");
                return 1;
            }
        }
        return 0;
    }

    private static Map<String, InpatientCases.Person> readPersons(Path file) throws IOException {
        ObjectMapper json = NationalJson.mapper();
        Map<String, InpatientCases.Person> persons = new HashMap<>();
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            for (String line : (Iterable<String>) lines::iterator) {
                PersonInfoOutput.Base base = json.readValue(line, PersonInfoOutput.class).base();
                int gender = "1".equals(base.gender()) ? 1 : "2".equals(base.gender()) ? 2 : 0;
                persons.put(base.personNo(), new InpatientCases.Person(gender, base.birthDate()));
            }
        }
        return persons;
    }

    private static void printLoad(PrintWriter out, LoadCounts counts, Map<String, Long> inserted, Path deadLetters,
                                  double seconds) {
        out.printf("    records in %,d = processed %,d + dead-lettered %,d (%s) in %.1f s (%,.0f records/s)%n",
                counts.in(), counts.processed(), counts.deadLettered(), counts.reconciles() ? "reconciled" : "NOT RECONCILED",
                seconds, counts.in() / Math.max(seconds, 1e-9));
        counts.byInfno().forEach((infno, c) ->
                out.printf("      %-5s processed %,9d  dead-lettered %,6d%n", infno, c[0], c[1]));
        out.printf("    rows inserted: %s%n", inserted);
        out.printf("    DRG: %,d grouped, %,d ungroupable; by MDC %s%n", counts.grouped(), counts.ungroupable(),
                counts.drgByMdc());
        if (counts.deadLettered() > 0) {
            out.printf("    dead letters with reasons: %s%n", deadLetters);
        }
    }

    private static void printAnomalies(PrintWriter out, Path groundTruth) throws IOException {
        ObjectMapper json = NationalJson.mapper();
        Map<String, Long> byKind = new TreeMap<>();
        java.math.BigDecimal amount = java.math.BigDecimal.ZERO;
        try (var lines = Files.lines(groundTruth, StandardCharsets.UTF_8)) {
            for (String line : (Iterable<String>) lines::iterator) {
                JsonNode c = json.readTree(line);
                byKind.merge(c.path("kind").asText(), 1L, Long::sum);
                if (c.hasNonNull("amount_yuan")) {
                    amount = amount.add(c.get("amount_yuan").decimalValue());
                }
            }
        }
        out.printf("    labelled anomalies (ground truth for the rule engine): %,d cases, %s yuan at risk%n",
                byKind.values().stream().mapToLong(Long::longValue).sum(), amount.toPlainString());
        byKind.forEach((kind, n) -> out.printf("      %-28s %,6d%n", kind, n));
    }

    private static Map<String, Long> tableCounts(ClickHouseStore store) {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : List.of("fee_lines", "settlements", "drg_groups", "dead_letters")) {
            String fin = table.equals("dead_letters") ? "" : " FINAL";
            Object n = store.queryJsonEachRow("SELECT count() AS n FROM " + store.table(table) + fin
                    + " FORMAT JSONEachRow").get(0).get("n");
            counts.put(table, Long.parseLong(String.valueOf(n)));
        }
        return counts;
    }
}
