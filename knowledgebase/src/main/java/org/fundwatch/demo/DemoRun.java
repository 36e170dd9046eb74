package org.fundwatch.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fundwatch.cli.Progress;
import org.fundwatch.clickhouse.ClickHouseConfig;
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

/**
 * The steps of {@code fundwatch demo} against a given ClickHouse: migrate, build the knowledge pack, generate,
 * load (validate, dead-letter, group) and summarise. Steps run in that order; each prints what it did.
 */
public final class DemoRun {
    private final ClickHouseConfig clickhouse;
    private final Path kbOut;
    private final Path work;
    private final Path source;
    private final PrintWriter out;
    private Path packDir;
    private KnowledgePack kb;
    private GenerationSummary generated;

    public DemoRun(ClickHouseConfig clickhouse, Path kbOut, Path work, Path source, PrintWriter out) {
        this.clickhouse = clickhouse;
        this.kbOut = kbOut;
        this.work = work;
        this.source = source;
        this.out = out;
    }

    /** The generator's output directory ({@code messages/}, {@code persons.jsonl}, {@code ground-truth.jsonl}). */
    public Path data() {
        return work.resolve("data");
    }

    /** Applies the bundled schema migrations (idempotent). */
    public void migrate() {
        try (ClickHouseStore store = ClickHouseStore.open(clickhouse)) {
            Migrations.Result migrated = Migrations.bundled(store).migrate();
            out.printf("    ClickHouse %s, database %s, %d migration(s) applied now%n", store.version(), store.database(),
                    migrated.appliedNow().size());
        }
    }

    /** Builds (or rebuilds identically) the knowledge pack from the reference data. */
    public KnowledgePack buildPack() {
        packDir = new PackBuilder(source).progress(System.err).build(kbOut).dir();
        kb = KnowledgePacks.cached(packDir);
        out.printf("    %s (%s)%n", kb.version(), packDir);
        return kb;
    }

    /** Generates the population and its messages into {@link #data()}. */
    public GenerationSummary generate(GeneratorConfig config) throws IOException {
        try (Progress progress = new Progress("generate", -1)) {
            generated = new SyntheticDataGenerator(config, CsvGeneratorCatalog.load(packDir))
                    .generate(data(), progress::advance);
        }
        out.printf("    %,d persons, %,d encounters, %,d messages (%,d fee lines), %,d labelled anomalies -> %s%n",
                generated.persons(), generated.encounters(), generated.messages(), generated.feeLines(),
                generated.cases(), data());
        return generated;
    }

    /** The tables the demo loads; it owns their content and empties them before loading. */
    static final List<String> LOADED_TABLES = List.of("fee_lines", "settlements", "drg_groups", "dead_letters", "alerts",
            "alert_details", "stream_dead_letters");

    /**
     * Empties the tables the demo loads, so that the summary's counts are this run's. On an external server
     * (FUNDWATCH_CLICKHOUSE_URL) this only happens when asked ({@code reset}); with data present and no reset the
     * demo stops rather than mix its rows into someone's tables.
     */
    public void clearLoadedTables(boolean reset) {
        try (ClickHouseStore store = ClickHouseStore.open(clickhouse)) {
            if (clickhouse.external() && !reset) {
                Map<String, Long> counts = tableCounts(store);
                if (counts.values().stream().anyMatch(n -> n > 0)) {
                    throw new IllegalStateException("database " + store.database() + " at " + clickhouse.url()
                            + " already holds data " + counts + "; run the demo with --reset to empty these tables, "
                            + "or set FUNDWATCH_CLICKHOUSE_DATABASE to a database of its own");
                }
                return;
            }
            for (String table : LOADED_TABLES) {
                store.execute("TRUNCATE TABLE " + store.table(table));
            }
            out.printf("    emptied %s in database %s (the demo reloads them)%n", LOADED_TABLES, store.database());
        }
    }

    /** Loads every {@code data/messages/*.jsonl} file into ClickHouse; bad lines become dead letters. */
    public LoadCounts load() throws IOException {
        List<Path> files = MessageFiles.list(data().resolve("messages"));
        MessageParser parser = new MessageParser(Map.of(CodeFormat.DIAGNOSIS, kb.icd10(), CodeFormat.PROCEDURE, kb.icd9()));
        DrgGrouper grouper = new DrgGrouper(DrgTables.load(kb.drgTablesDir(), packDir.resolve("icd")));
        InpatientCases cases = new InpatientCases(readPersons(data().resolve("persons.jsonl")));
        Path deadLetters = work.resolve("dead-letters.jsonl");
        long start = System.nanoTime();
        try (ClickHouseStore store = ClickHouseStore.open(clickhouse);
             BufferedWriter dlq = Files.newBufferedWriter(deadLetters, StandardCharsets.UTF_8);
             ClickHouseRowSink sink = new ClickHouseRowSink(store);
             Progress progress = new Progress("load", generated == null ? -1 : generated.messages())) {
            LoadCounts counts = new MessageLoader(parser, grouper, cases, sink, dlq, kb.version(),
                    System.currentTimeMillis()).load(files, progress);
            printLoad(counts, sink.inserted(), deadLetters, (System.nanoTime() - start) / 1e9);
            return counts;
        }
    }

    /** Rows per table as ClickHouse sees them after collapsing replays. */
    public static Map<String, Long> tableCounts(ClickHouseStore store) {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : LOADED_TABLES) {
            String fin = table.equals("dead_letters") ? "" : " FINAL";
            Object n = store.queryJsonEachRow("SELECT count() AS n FROM " + store.table(table) + fin
                    + " FORMAT JSONEachRow").get(0).get("n");
            counts.put(table, Long.parseLong(String.valueOf(n)));
        }
        return counts;
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

    private void printLoad(LoadCounts counts, Map<String, Long> inserted, Path deadLetters, double seconds) {
        out.printf("    messages in %,d = processed %,d + dead-lettered %,d (%s) in %.1f s (%,.0f messages/s)%n",
                counts.in(), counts.processed(), counts.deadLettered(),
                counts.reconciles() ? "reconciled" : "NOT RECONCILED", seconds, counts.in() / Math.max(seconds, 1e-9));
        counts.byInfno().forEach((infno, c) ->
                out.printf("      %-5s processed %,9d  dead-lettered %,6d%n", infno, c[0], c[1]));
        out.printf("    rows inserted: %s%n", inserted);
        out.printf("    DRG: %,d grouped, %,d ungroupable; by MDC %s%n", counts.grouped(), counts.ungroupable(),
                counts.drgByMdc());
        if (counts.deadLettered() > 0) {
            out.printf("    dead letters with reasons: %s%n", deadLetters);
        }
    }
}
