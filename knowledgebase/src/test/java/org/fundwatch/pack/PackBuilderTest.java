package org.fundwatch.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackBuilderTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T02:00:00Z"), PackBuilder.ZONE);

    @TempDir
    static Path out;
    static PackBuilder.BuiltPack pack;
    static long buildMillis;

    @BeforeAll
    static void build() {
        long start = System.nanoTime();
        pack = new PackBuilder(TestPacks.reference()).clock(CLOCK).build(out.resolve("first"));
        buildMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("full pack build: " + buildMillis + " ms");
    }

    private static int rows(String table) {
        return pack.manifest().entry("tables/" + table + ".csv").orElseThrow().rows();
    }

    @Test
    void versionIsDateAndContentHash() {
        String version = pack.manifest().version();
        assertTrue(version.matches("kb-2025\\.06\\.01-[0-9a-f]{8}"), version);
        assertEquals(pack.manifest().contentSha256().substring(0, 8), version.substring(version.length() - 8));
        assertEquals(out.resolve("first").resolve(version), pack.dir());
    }

    @Test
    void tableCountsMatchThePublishedBatches() throws IOException {
        assertEquals(900, rows("duplicate_charge"));
        Path sheet2 = TestPacks.reference().resolve("two-libraries/official-batches/batch1-drug-gender-sheet2.csv");
        long codes = Files.readAllLines(sheet2, StandardCharsets.UTF_8).stream().skip(1)
                .filter(l -> !l.isBlank()).count();
        assertEquals(codes, rows("drug_gender"));
        assertEquals(6472, rows("drug_gender"));
        assertEquals(67, rows("item_frequency"), "67 numbered rows; the 合计/备注 footer is not data");
        assertEquals(390, rows("item_gender"));
        assertEquals(4398, rows("drug_age"));
        assertEquals(31, rows("item_age"));
        assertEquals(112, rows("drug_insurance_type"));
        assertEquals(736, rows("drug_care_setting"));
        assertEquals(962, rows("drug_institution_level"));
        assertEquals(1147, rows("drug_payment_course"));
        assertEquals(11, rows("item_course"));
        assertEquals(14, rows("item_period"));
        assertEquals(378, rows("secondary_surgery"));
        assertEquals(5064, rows("drug_indication"));
        assertEquals(601, rows("drug_second_line"));
        assertEquals(153, rows("tcm_piece_not_paid"));
        assertEquals(232, rows("internet_restricted_drug"));
        assertEquals(20, rows("chronic_diseases"));
        int institutions = rows("institutions");
        assertTrue(institutions >= 55 && institutions <= 70, "institutions " + institutions);
    }

    @Test
    void everyFileIsListedWithKindAndHash() {
        Map<String, ManifestEntry> entries = pack.manifest().files().stream()
                .collect(Collectors.toMap(ManifestEntry::path, e -> e));
        for (PackTable<?> table : PackTable.all()) {
            ManifestEntry entry = entries.get(table.path());
            assertEquals(table.kind(), entry.kind(), table.path());
            assertTrue(entry.sha256().matches("[0-9a-f]{64}"));
        }
        assertEquals(FileKind.SYNTHETIC, entries.get("tables/prices.csv").kind());
        assertNull(entries.get("tables/prices.csv").sourceSha256());
        ManifestEntry icd = entries.get("icd/icd10-nhsa-v2.0.dat");
        assertEquals(FileKind.OFFICIAL, icd.kind());
        assertEquals(icd.sha256(), icd.sourceSha256(), "verbatim copy");
        assertTrue(entries.containsKey("chs-drg-1.1/7_CCE.txt"));
        assertTrue(entries.containsKey("two-libraries/rule-framework-1.0.json"));
        assertTrue(entries.containsKey("two-libraries/rule-catalog-2025.json"));
        assertEquals(entries.get("tables/drug_gender.csv").source(),
                "two-libraries/official-batches/batch1-drug-gender-sheet1.csv + "
                        + "two-libraries/official-batches/batch1-drug-gender-sheet2.csv");
    }

    @Test
    void buildingTwiceGivesIdenticalFiles() {
        PackBuilder.BuiltPack second = new PackBuilder(TestPacks.reference())
                .clock(Clock.offset(CLOCK, java.time.Duration.ofHours(3))).build(out.resolve("second"));
        assertEquals(pack.manifest().version(), second.manifest().version());
        assertEquals(pack.manifest().contentSha256(), second.manifest().contentSha256());
        assertEquals(pack.manifest().files(), second.manifest().files());
    }

    @Test
    void pricesCoverEveryCodeOfTheTables() {
        KnowledgePack loaded = KnowledgePack.load(pack.dir());
        Set<String> codes = new HashSet<>();
        loaded.table(PackTable.DRUG_GENDER).forEach(r -> codes.add(r.drugCode()));
        loaded.table(PackTable.DRUG_INDICATION).forEach(r -> codes.add(r.drugCode()));
        loaded.table(PackTable.TCM_PIECE_NOT_PAID).forEach(r -> codes.add(r.drugCode()));
        loaded.table(PackTable.DUPLICATE_CHARGE).forEach(r -> {
            codes.add(r.mainItemCode());
            codes.add(r.subItemCode());
        });
        loaded.table(PackTable.SECONDARY_SURGERY).forEach(r -> codes.add(r.itemCode()));
        for (String code : codes) {
            Price price = loaded.price(code).orElseThrow(() -> new AssertionError("no price for " + code));
            assertTrue(price.priceYuan().compareTo(price.priceCapYuan()) <= 0, code);
            assertTrue(price.priceYuan().signum() > 0, code);
        }
        assertEquals("item", loaded.price("001102000050000").orElseThrow().kind());
        assertEquals("日", loaded.price("001102000050000").orElseThrow().unit());
    }

    @Test
    void indicationsAreMappedToIcd10Prefixes() {
        KnowledgePack loaded = KnowledgePack.load(pack.dir());
        List<DrugIndication> rows = loaded.table(PackTable.DRUG_INDICATION);
        long mapped = rows.stream().filter(r -> !r.icd10Prefixes().isEmpty()).count();
        long texts = rows.stream().map(DrugIndication::indicationText).distinct().count();
        long mappedTexts = rows.stream().filter(r -> !r.icd10Prefixes().isEmpty())
                .map(DrugIndication::indicationText).distinct().count();
        System.out.printf("drug_indication: %d/%d codes mapped, %d/%d distinct indication texts%n", mapped,
                rows.size(), mappedTexts, texts);
        assertTrue(mapped * 10 >= rows.size() * 7, "at least 70% of the indication rows mapped: " + mapped);
        IndicationDictionary dictionary = IndicationDictionary.standard();
        assertEquals(List.of("E11"), dictionary.map("限2型糖尿病。"));
        assertEquals(List.of("C50"), dictionary.map("限HER2阳性的乳腺癌患者。"));
        assertEquals(List.of("C34"), dictionary.map("限晚期非小细胞肺癌患者。"));
        assertEquals(List.of("I10", "I11", "I12", "I13", "I15"), dictionary.map("限轻、中度原发性高血压。"));
        assertTrue(dictionary.map("限经营养风险筛查的患者").isEmpty());
    }

    @Test
    void overrideWithWrongHeaderIsRejected(@TempDir Path tmp) throws IOException {
        Path bad = tmp.resolve("prices.csv");
        Files.writeString(bad, "code,name,price\n001102000050000,住院诊查费,10.00\n");
        PackException e = assertThrows(PackException.class, () -> new PackBuilder(TestPacks.reference())
                .override("tables/prices.csv", bad).build(tmp.resolve("kb")));
        assertTrue(e.getMessage().contains("wrong header"), e.getMessage());
        assertTrue(e.getMessage().contains("code,kind,name,unit,price_yuan,price_cap_yuan"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("kb")) && Files.list(tmp.resolve("kb")).findAny().isPresent(),
                "no half-built pack left behind");
    }

    @Test
    void overrideOfAnOfficialTableIsRejected(@TempDir Path tmp) {
        PackException e = assertThrows(PackException.class, () -> new PackBuilder(TestPacks.reference())
                .override("tables/drug_gender.csv", tmp.resolve("x.csv")));
        assertTrue(e.getMessage().contains("cannot be overridden"), e.getMessage());
    }

    @Test
    void overrideReplacesASyntheticTable(@TempDir Path tmp) throws IOException {
        Path region = tmp.resolve("region-chronic.csv");
        Files.writeString(region, "m_code,name,icd10_prefixes,max_online_weeks\nM03900,高血压,I10|I11|I15,12\n");
        PackBuilder.BuiltPack overridden = new PackBuilder(TestPacks.reference()).clock(CLOCK)
                .override("tables/chronic_diseases.csv", region).build(tmp.resolve("kb"));
        ManifestEntry entry = overridden.manifest().entry("tables/chronic_diseases.csv").orElseThrow();
        assertEquals(FileKind.OFFICIAL, entry.kind());
        assertEquals(1, entry.rows());
        assertTrue(entry.source().startsWith("override:"));
        KnowledgePack loaded = KnowledgePack.load(overridden.dir());
        assertEquals(List.of("I10", "I11", "I15"), loaded.chronicDisease("M03900").orElseThrow().icd10Prefixes());
        assertTrue(loaded.chronicDisease("M01600").isEmpty());
    }

    @Test
    void buildIsFast() {
        assertTrue(buildMillis < 30_000, "full build took " + buildMillis + " ms");
    }
}
