package org.fundwatch.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.LongConsumer;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Fundwatch's synthetic data generator: a population, its national-format messages across regions,
 * institution levels and care settings, and labelled anomalies. Output in {@code out}:
 * <ul>
 *   <li>{@code messages/yyyy-MM-dd.jsonl} — one envelope per line (2203, 2204, 2207, 2401, 2301,
 *       2402, 2304, 3101), time-ordered within the day;</li>
 *   <li>{@code ground-truth.jsonl} — one line per injected case;</li>
 *   <li>{@code persons.jsonl} — 1101-like person records (with {@code die_date} where relevant);</li>
 *   <li>{@code summary.json} — counts, seed and parameters.</li>
 * </ul>
 * Deterministic: one {@link SplittableRandom} seeded from the configuration drives every choice,
 * iteration is over lists only, and no wall-clock time reaches the output.
 */
public final class SyntheticDataGenerator {
    /**
     * The version of what the generator writes for a given configuration; raised whenever the same seed and options
     * give other output, so that caches of generated data (the stream benchmark's) are not reused across versions.
     * 2: fee-detail volumes of hospital billing (session 11); 3: item-frequency cases kept in one clock hour.
     */
    public static int outputVersion() {
        return OUTPUT_VERSION; // a method, not the constant: callers compiled against an older value must not keep it
    }

    private static final int OUTPUT_VERSION = 3;

    private static final JsonFactory JSON = JsonFactory.builder().build();
    /** Rendered bytes are handed to the sink in chunks of at least this size. */
    private static final int FLUSH_BYTES = 1 << 20;

    private final GeneratorConfig config;
    private final PreparedCatalog catalog;

    public SyntheticDataGenerator(GeneratorConfig config, GeneratorCatalog catalog) {
        this(config, new PreparedCatalog(catalog));
    }

    /** A generator on an already prepared catalog (prepare once, generate many times). */
    public SyntheticDataGenerator(GeneratorConfig config, PreparedCatalog catalog) {
        this.config = config;
        this.catalog = catalog;
    }

    /** One message to write: type, time, and for fee uploads the lines it carries. */
    private record Event(long time, long seq, String infno, Encounter encounter, List<FeeLine> lines) {
    }

    /**
     * Generates into {@code out}, replacing earlier {@code messages/*.jsonl} there.
     *
     * @param progress receives the number of records written as writing proceeds (may be null)
     */
    public GenerationSummary generate(Path out, LongConsumer progress) throws IOException {
        return generate(DatasetSink.directory(out), progress);
    }

    /** Generates into {@code sink}; see {@link #generate(Path, LongConsumer)}. */
    public GenerationSummary generate(DatasetSink sink, LongConsumer progress) throws IOException {
        long t0 = System.nanoTime();
        World world = new World(config, catalog);
        EncounterBuilder builder = new EncounterBuilder(world);
        NormalPlanner planner = new NormalPlanner(world, builder);
        PopulationFactory factory = new PopulationFactory(world);
        List<Person> persons = new ArrayList<>(config.patients());
        for (int i = 0; i < config.patients(); i++) {
            SplittableRandom r = world.rng.split();
            Person p = factory.create(i, r);
            persons.add(p);
            planner.plan(p, r);
        }
        long t1 = System.nanoTime();
        long normal = world.encounters.stream().filter(e -> !e.removed).count();
        int total = config.anomalyRate() <= 0 ? 0
                : (int) Math.max(AnomalyKind.values().length, Math.round(config.anomalyRate() * normal));
        AnomalyInjector injector = new AnomalyInjector(world, builder, planner, persons, world.rng.split());
        injector.inject(total);

        long t2 = System.nanoTime();
        Map<String, Long> byType = new TreeMap<>();
        Map<String, Long> byKind = new TreeMap<>();
        long[] counts = new long[3]; // messages, fee uploads, fee lines
        writeMessages(world, sink, byType, byKind, counts, progress);
        long t3 = System.nanoTime();
        writePersons(persons, sink.file("persons.jsonl"));
        Map<String, Long> casesByKind = new TreeMap<>();
        for (AnomalyCase c : injector.cases()) {
            casesByKind.merge(c.kind.label(), 1L, Long::sum);
        }
        Map<String, Long> skipped = new TreeMap<>();
        injector.skipped().forEach((k, v) -> skipped.put(k.label(), (long) v));
        GroundTruthWriter.write(injector.cases(), sink.file("ground-truth.jsonl"));
        long encounters = 0;
        for (long v : byKind.values()) {
            encounters += v;
        }
        GenerationSummary summary = new GenerationSummary(persons.size(), encounters, counts[0], counts[1], counts[2],
                byType, byKind, casesByKind, skipped);
        writeSummary(summary, sink.file("summary.json"));
        if (Boolean.getBoolean("fundwatch.generate.timing")) {
            System.err.printf(java.util.Locale.ROOT, "[generate] plan %.2f s, inject %.2f s, messages %.2f s, rest %.2f s%n",
                    (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (System.nanoTime() - t3) / 1e9);
        }
        return summary;
    }

    private void writeMessages(World world, DatasetSink sink, Map<String, Long> byType, Map<String, Long> byKind,
                               long[] counts, LongConsumer progress) throws IOException {
        int horizon = config.days() + 60;
        List<List<Event>> days = new ArrayList<>(horizon);
        for (int i = 0; i < horizon; i++) {
            days.add(new ArrayList<>());
        }
        long[] seq = {0};
        for (Encounter e : world.encounters) {
            if (e.removed) {
                continue;
            }
            byKind.merge(e.kind.name(), 1L, Long::sum);
            schedule(e, days, seq);
        }
        TimeText text = new TimeText(config.start(), horizon);
        MessageWriter writer = new MessageWriter(text, config.start());
        Comparator<Event> order = (a, b) -> a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.seq, b.seq);
        // One buffer reused for every message of the run, written out in chunks of about FLUSH_BYTES:
        // no per-message allocation and few, large writes.
        JsonBytes buffer = new JsonBytes(FLUSH_BYTES + (1 << 16));
        long reported = 0;
        for (int d = 0; d < horizon; d++) {
            List<Event> events = days.get(d);
            if (events.isEmpty()) {
                continue;
            }
            events.sort(order);
            try (OutputStream os = sink.messages(config.start().plusDays(d))) {
                buffer.reset();
                for (Event ev : events) {
                    write(writer, buffer, ev);
                    buffer.newline();
                    if (buffer.size() >= FLUSH_BYTES) {
                        buffer.writeTo(os);
                    }
                    counts[0]++;
                    byType.merge(ev.infno, 1L, Long::sum);
                    if (ev.lines != null) {
                        counts[1]++;
                        counts[2] += ev.lines.size();
                    }
                }
                buffer.writeTo(os);
            }
            events.clear();
            long records = counts[0] - counts[1] + counts[2];
            if (progress != null) {
                progress.accept(records - reported);
                reported = records;
            }
        }
    }

    private static void add(List<List<Event>> days, Event ev) {
        int d = (int) Math.min(days.size() - 1, Math.max(0, ev.time / World.DAY));
        days.get(d).add(ev);
    }

    private static void schedule(Encounter e, List<List<Event>> days, long[] seq) {
        if (!e.kind.inpatient()) {
            if (e.preCheck) {
                add(days, new Event(e.start + 240, seq[0]++, "3101", e, null));
            }
            if (e.kind != EncounterKind.PHARMACY) {
                add(days, new Event(e.start, seq[0]++, "2203", e, null));
            }
            if (!e.lines.isEmpty()) {
                long last = e.start;
                for (FeeLine l : e.lines) {
                    last = Math.max(last, l.time);
                }
                add(days, new Event(Math.min(last + 30, e.end - 1), seq[0]++, e.kind == EncounterKind.PHARMACY ? "2204" : "2204",
                        e, e.lines));
            }
            add(days, new Event(e.end, seq[0]++, "2207", e, null));
            return;
        }
        add(days, new Event(e.start, seq[0]++, "2401", e, null));
        if (e.preCheck) {
            add(days, new Event(e.start + 1800, seq[0]++, "3101", e, null));
        }
        // one 2301 upload per calendar day of the stay, after that day's last line
        List<FeeLine> sorted = new ArrayList<>(e.lines);
        sorted.sort((a, b) -> a.time != b.time ? Long.compare(a.time, b.time) : a.serial.compareTo(b.serial));
        int i = 0;
        while (i < sorted.size()) {
            long day = sorted.get(i).time / World.DAY;
            int j = i;
            long last = 0;
            while (j < sorted.size() && sorted.get(j).time / World.DAY == day) {
                last = Math.max(last, sorted.get(j).time);
                j++;
            }
            long uploadAt = Math.min(Math.max(last + 300, day * World.DAY + 21 * World.HOUR), e.end - 60);
            uploadAt = Math.max(uploadAt, last + 1);
            add(days, new Event(uploadAt, seq[0]++, "2301", e, List.copyOf(sorted.subList(i, j))));
            i = j;
        }
        add(days, new Event(e.end, seq[0]++, "2402", e, null));
        add(days, new Event(e.end + 600, seq[0]++, "2304", e, null));
    }

    private static void write(MessageWriter w, JsonBytes g, Event ev) {
        switch (ev.infno) {
            case "2203" -> w.write2203(g, ev.encounter, ev.time);
            case "2204", "2301" -> w.writeFeeUpload(g, ev.encounter, ev.lines, ev.time);
            case "2207", "2304" -> w.writeSettlement(g, ev.encounter, ev.time);
            case "2401" -> w.write2401(g, ev.encounter, ev.time);
            case "2402" -> w.write2402(g, ev.encounter, ev.time);
            case "3101" -> w.write3101(g, ev.encounter, ev.time);
            default -> throw new IllegalStateException("unknown message " + ev.infno);
        }
    }

    private static final byte[] N_BASEINFO = JsonBytes.name("baseinfo");
    private static final byte[] N_PSN_NO = JsonBytes.name("psn_no");
    private static final byte[] PSN_CERT_TYPE_01 = JsonBytes.fragment(g -> {
        g.field(JsonBytes.name("psn_cert_type"));
        g.string("01");
    });
    private static final byte[] N_CERTNO = JsonBytes.name("certno");
    private static final byte[] N_PSN_NAME = JsonBytes.name("psn_name");
    private static final byte[] N_GEND = JsonBytes.name("gend");
    private static final byte[] NATY_01 = JsonBytes.fragment(g -> {
        g.field(JsonBytes.name("naty"));
        g.string("01");
    });
    private static final byte[] N_BRDY = JsonBytes.name("brdy");
    private static final byte[] N_AGE = JsonBytes.name("age");
    private static final byte[] N_DIE_DATE = JsonBytes.name("die_date");
    private static final byte[] N_INSUINFO = JsonBytes.name("insuinfo");
    private static final byte[] N_BALC = JsonBytes.name("balc");
    private static final byte[] N_INSUTYPE = JsonBytes.name("insutype");
    private static final byte[] N_PSN_TYPE = JsonBytes.name("psn_type");
    private static final byte[] N_PSN_INSU_STAS = JsonBytes.name("psn_insu_stas");
    private static final byte[] N_PSN_INSU_DATE = JsonBytes.name("psn_insu_date");
    private static final byte[] PAUS_CVLSERV = JsonBytes.fragment(g -> {
        g.field(JsonBytes.name("paus_insu_date"));
        g.nullValue();
        g.field(JsonBytes.name("cvlserv_flag"));
        g.string("0");
    });
    private static final byte[] N_INSUPLC_ADMDVS = JsonBytes.name("insuplc_admdvs");
    private static final byte[] N_EMP_NAME = JsonBytes.name("emp_name");
    private static final byte[] IDETINFO_EMPTY = JsonBytes.fragment(g -> {
        g.field(JsonBytes.name("idetinfo"));
        g.startArray();
        g.endArray();
    });
    private static final byte[] N_OPSP_DISE = JsonBytes.name("opsp_dise");
    private static final byte[] N_OPSP_DISE_CODE = JsonBytes.name("opsp_dise_code");
    private static final byte[] N_OPSP_DISE_NAME = JsonBytes.name("opsp_dise_name");
    private static final byte[] N_DIAG_CODE = JsonBytes.name("diag_code");

    private void writePersons(List<Person> persons, OutputStream target) throws IOException {
        JsonBytes g = new JsonBytes(FLUSH_BYTES + (1 << 16));
        try (OutputStream os = target) {
            for (Person p : persons) {
                int age = p.ageYears(config.start());
                g.startObject();
                g.field(N_BASEINFO);
                g.startObject();
                g.field(N_PSN_NO);
                g.string(p.psnNo);
                g.members(PSN_CERT_TYPE_01);
                g.field(N_CERTNO);
                g.string(p.certno);
                g.field(N_PSN_NAME);
                g.string(p.name);
                g.field(N_GEND);
                g.string(p.gender);
                g.members(NATY_01);
                g.field(N_BRDY);
                g.string(p.birthText);
                g.field(N_AGE);
                g.decimal(age, 0, 1);
                g.field(N_DIE_DATE);
                g.string(p.deathDate != null ? p.deathDate.toString() : null);
                g.endObject();
                g.field(N_INSUINFO);
                g.startArray();
                g.startObject();
                g.field(N_BALC);
                g.money(p.accountBalanceFen);
                g.field(N_INSUTYPE);
                g.string(p.insuranceType);
                g.field(N_PSN_TYPE);
                g.string(p.personType);
                g.field(N_PSN_INSU_STAS);
                g.string(p.deathDate != null ? "2" : "1");
                g.field(N_PSN_INSU_DATE);
                g.string(p.birthDate.plusYears(Math.min(18, age)).toString());
                g.members(PAUS_CVLSERV);
                g.field(N_INSUPLC_ADMDVS);
                g.string(p.insuredAdmdvs);
                g.field(N_EMP_NAME);
                g.string(p.employer);
                g.endObject();
                g.endArray();
                g.members(IDETINFO_EMPTY);
                if (p.chronicDisease != null) {
                    g.field(N_OPSP_DISE);
                    g.startArray();
                    g.startObject();
                    g.field(N_OPSP_DISE_CODE);
                    g.string(p.chronicDisease.mCode());
                    g.field(N_OPSP_DISE_NAME);
                    g.string(p.chronicDisease.name());
                    g.field(N_DIAG_CODE);
                    g.string(p.chronicDiagnosis.code());
                    g.endObject();
                    g.endArray();
                }
                g.endObject();
                g.newline();
                if (g.size() >= FLUSH_BYTES) {
                    g.writeTo(os);
                }
            }
            g.writeTo(os);
        }
    }

    private void writeSummary(GenerationSummary s, OutputStream target) throws IOException {
        try (OutputStream os = target;
             JsonGenerator g = JSON.createGenerator(os, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("seed", config.seed());
            g.writeObjectFieldStart("parameters");
            g.writeNumberField("days", config.days());
            g.writeNumberField("patients", config.patients());
            g.writeStringField("start", config.start().toString());
            g.writeFieldName("anomaly_rate");
            g.writeNumber(new java.math.BigDecimal(Double.toString(config.anomalyRate())).toPlainString());
            g.writeFieldName("pre_check_rate");
            g.writeNumber(new java.math.BigDecimal(Double.toString(config.preCheckRate())).toPlainString());
            g.writeEndObject();
            g.writeNumberField("persons", s.persons());
            g.writeNumberField("encounters", s.encounters());
            g.writeNumberField("messages", s.messages());
            g.writeNumberField("fee_lines", s.feeLines());
            g.writeNumberField("records", s.records());
            g.writeStringField("record_definition",
                    "one message line, except that a 2204/2301 fee upload counts as its fee lines");
            map(g, "messages_by_type", s.messagesByType());
            map(g, "encounters_by_kind", s.encountersByKind());
            g.writeNumberField("anomaly_cases", s.cases());
            map(g, "anomalies_by_kind", s.casesByKind());
            map(g, "anomalies_skipped", s.skippedByKind());
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void map(JsonGenerator g, String name, Map<String, Long> m) throws IOException {
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, Long> e : m.entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }
}
