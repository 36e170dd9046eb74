package org.fundwatch.rules.engine.bench;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.fundwatch.model.CareSetting;
import org.fundwatch.model.Diagnosis;
import org.fundwatch.model.Encounter;
import org.fundwatch.model.EncounterContext;
import org.fundwatch.model.FeeLine;
import org.fundwatch.model.Gender;
import org.fundwatch.model.Institution;
import org.fundwatch.model.ListType;
import org.fundwatch.model.Money;
import org.fundwatch.model.Patient;
import org.fundwatch.model.Phase;
import org.fundwatch.pack.KnowledgePack;
import org.fundwatch.pack.PackBuilder;
import org.fundwatch.pack.PackTable;
import org.fundwatch.pack.Price;
import org.fundwatch.rules.engine.Evaluation;
import org.fundwatch.rules.engine.RuleEngine;
import org.fundwatch.rules.source.RulePackSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Encounters per second per thread with the full national pack in one phase. Each encounter has 20 lines drawn from
 * the knowledge pack's priced codes (a realistic mix: ~90 % priced codes without restriction, ~10 % codes with a
 * restriction — gender, age, care setting, level, indication, duplicate-charge pairs, frequency — about half of them
 * violating for the generated patient), a few diagnoses and a short history. Run with
 * {@code -prof gc} for the allocation per evaluation ({@code gc.alloc.rate.norm}).
 *
 * <p>Parameters: {@code kb} (a knowledge pack directory; empty = build one from the shared reference into a temporary
 * directory), {@code pack} (the rule pack source, default {@code rulebase/packs/national}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EngineBenchmark {
    @Param("")
    public String kb;

    @Param("rulebase/packs/national")
    public String pack;

    @Param("PRE")
    public String phase;

    /** Lines of each of the two earlier visits (1: a refill only; 20: a full earlier visit, as in the gateway bench). */
    @Param("1")
    public int historyLines;

    private RuleEngine engine;
    private List<EncounterContext> contexts;
    private Phase evaluationPhase;

    /** Per-thread cursor over the generated encounters. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        KnowledgePack knowledge = KnowledgePack.load(kb.isEmpty() ? buildKb() : Path.of(kb));
        engine = RuleEngine.compile(RulePackSource.load(Path.of(pack)), knowledge);
        evaluationPhase = Phase.valueOf(phase);
        contexts = generate(knowledge, 512, 20, historyLines, new Random(20250614), evaluationPhase);
    }

    @Benchmark
    public Evaluation evaluate(Cursor cursor) {
        EncounterContext ctx = contexts.get(cursor.next++ & 511);
        return engine.evaluate(ctx, evaluationPhase);
    }

    private static Path buildKb() throws Exception {
        String shared = System.getProperty("fundwatch.shared", "/work/shared");
        Path out = Files.createTempDirectory("fundwatch-bench-kb-");
        return new PackBuilder(Path.of(shared, "reference")).build(out).dir();
    }

    /** {@code count} inpatient/outpatient encounters with {@code lines} lines each, as pre-event requests. */
    public static List<EncounterContext> generate(KnowledgePack kb, int count, int lines, Random random) {
        return generate(kb, count, lines, random, Phase.PRE);
    }

    /** {@code count} inpatient/outpatient encounters with {@code lines} lines each, as requests of {@code phase}. */
    public static List<EncounterContext> generate(KnowledgePack kb, int count, int lines, Random random, Phase phase) {
        return generate(kb, count, lines, 1, random, phase);
    }

    /**
     * {@code count} encounters with {@code lines} lines and two earlier visits of {@code historyLines} lines each,
     * as requests of {@code phase}.
     */
    public static List<EncounterContext> generate(KnowledgePack kb, int count, int lines, int historyLines, Random random,
                                                  Phase phase) {
        List<String> restricted = new ArrayList<>();
        kb.table(PackTable.DRUG_GENDER).stream().limit(400).forEach(r -> restricted.add(r.drugCode()));
        kb.table(PackTable.DRUG_AGE).stream().limit(300).forEach(r -> restricted.add(r.code()));
        kb.table(PackTable.DRUG_CARE_SETTING).stream().limit(200).forEach(r -> restricted.add(r.drugCode()));
        kb.table(PackTable.DRUG_INSTITUTION_LEVEL).stream().limit(200).forEach(r -> restricted.add(r.drugCode()));
        kb.table(PackTable.DRUG_INDICATION).stream().limit(300).forEach(r -> restricted.add(r.drugCode()));
        kb.table(PackTable.DUPLICATE_CHARGE).forEach(r -> {
            restricted.add(r.mainItemCode());
            restricted.add(r.subItemCode());
        });
        kb.table(PackTable.ITEM_FREQUENCY).forEach(r -> restricted.add(r.itemCode()));
        kb.table(PackTable.ITEM_GENDER).forEach(r -> restricted.add(r.itemCode()));
        java.util.Set<String> anyRestriction = new java.util.HashSet<>(restricted);
        kb.table(PackTable.DRUG_AGE).forEach(r -> anyRestriction.add(r.code()));
        kb.table(PackTable.ITEM_AGE).forEach(r -> anyRestriction.add(r.code()));
        kb.table(PackTable.DRUG_GENDER).forEach(r -> anyRestriction.add(r.drugCode()));
        kb.table(PackTable.DRUG_CHILD_ONLY).forEach(r -> anyRestriction.add(r.drugCode()));
        kb.table(PackTable.DRUG_INDICATION).forEach(r -> anyRestriction.add(r.drugCode()));
        kb.table(PackTable.DRUG_SECOND_LINE).forEach(r -> anyRestriction.add(r.drugCode()));
        kb.table(PackTable.DRUG_CARE_SETTING).forEach(r -> anyRestriction.add(r.drugCode()));
        kb.table(PackTable.DRUG_INSTITUTION_LEVEL).forEach(r -> anyRestriction.add(r.drugCode()));
        kb.table(PackTable.DRUG_INSURANCE_TYPE).forEach(r -> anyRestriction.add(r.drugCode()));
        kb.table(PackTable.TCM_PIECE_NOT_PAID).forEach(r -> anyRestriction.add(r.drugCode()));
        kb.table(PackTable.INTERNET_RESTRICTED_DRUG).forEach(r -> anyRestriction.add(r.drugCode()));
        kb.table(PackTable.SECONDARY_SURGERY).forEach(r -> anyRestriction.add(r.itemCode()));
        // Ordinary lines: priced codes without any restriction (the prices table also lists every restricted code).
        List<Price> prices = kb.table(PackTable.PRICES).stream().filter(p -> !anyRestriction.contains(p.code())).toList();
        List<String> institutions = kb.table(PackTable.INSTITUTIONS).stream().map(i -> i.institutionCode()).toList();
        String[] diagnoses = {"I10.x00", "E11.900", "J18.900", "K35.800", "M10.000", "N40.x00", "O80.000", "C34.900"};
        List<EncounterContext> out = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            boolean inpatient = random.nextInt(3) == 0;
            Gender gender = random.nextBoolean() ? Gender.MALE : Gender.FEMALE;
            LocalDate birth = LocalDate.of(1940 + random.nextInt(80), 1 + random.nextInt(12), 1 + random.nextInt(28));
            LocalDateTime admission = LocalDateTime.of(2025, 6, 1 + random.nextInt(20), 8 + random.nextInt(10), 0);
            String institution = institutions.get(random.nextInt(institutions.size()));
            List<FeeLine> feeLines = new ArrayList<>(lines);
            for (int i = 0; i < lines; i++) {
                feeLines.add(line(kb, random, restricted, prices, "L" + n + "-" + i, "RX" + n + "-" + (i / 5), "D" + n,
                        admission.plusHours(random.nextInt(inpatient ? 120 : 4))));
            }
            List<Diagnosis> dx = List.of(new Diagnosis(diagnoses[random.nextInt(diagnoses.length)], null, true, 1, false, null),
                    new Diagnosis(diagnoses[random.nextInt(diagnoses.length)], null, false, 2, false, null));
            String medType = inpatient ? "21" : "11";
            Institution inst = new Institution(institution, null, null, null, null);
            Encounter current = new Encounter("E" + n, "P" + n, inst, CareSetting.ofMedType(medType), medType, "310",
                    admission, null, null, null, null, null, "D" + n, null, null, dx, List.of(), feeLines, null);
            List<Encounter> encounters = new ArrayList<>();
            encounters.add(current);
            for (int h = 0; h < 2; h++) {
                LocalDateTime hAdm = admission.minusDays(10 + random.nextInt(60));
                // The first line repeats a current line (a refill: repeat-prescription and usage-window checks see it),
                // the others are drawn like the current encounter's.
                List<FeeLine> hLines = new ArrayList<>(historyLines);
                hLines.add(feeLines.get(h));
                for (int k = 1; k < historyLines; k++) {
                    hLines.add(line(kb, random, restricted, prices, "L" + n + "-h" + h + "-" + k, "RX" + n + "-h" + h,
                            "D" + n, hAdm.plusHours(random.nextInt(4))));
                }
                encounters.add(new Encounter("E" + n + "-h" + h, "P" + n, inst, CareSetting.OUTPATIENT, "11", "310", hAdm,
                        null, null, null, null, null, null, null, null, List.of(), List.of(), hLines, null));
            }
            Patient patient = new Patient("P" + n, null, gender, birth, "310", null);
            out.add(new EncounterContext(patient, encounters, current.id(), phase, "4", null, List.of()));
        }
        return out;
    }

    private static FeeLine line(KnowledgePack kb, Random random, List<String> restricted, List<Price> prices, String id,
                                String prescription, String doctor, LocalDateTime time) {
        String code;
        if (random.nextInt(10) == 0) {
            code = restricted.get(random.nextInt(restricted.size()));
        } else {
            code = prices.get(random.nextInt(prices.size())).code();
        }
        Price price = kb.price(code).orElse(null);
        BigDecimal unit = price == null ? new BigDecimal("12.50") : price.priceYuan();
        BigDecimal qty = BigDecimal.valueOf(1 + random.nextInt(3));
        ListType type = ListType.ofItemCode(code);
        if (code.startsWith("T")) {
            type = ListType.TCM_PIECE;
        }
        // Codes as parsed input has them: strings of their own, not the knowledge pack's instances (a lookup then
        // compares characters, as it does for every real message).
        return new FeeLine(id, prescription, new String(code), "H" + id, type, null, null, null, null, qty, unit,
                Money.ofYuan(unit.multiply(qty)), time, type.isMedicine() && random.nextInt(4) == 0 ? time.plusDays(7) : null,
                doctor, null, null, null, null, true, false, false, null);
    }
}
