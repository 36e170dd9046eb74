package org.fundwatch.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgePackTest {
    @TempDir
    static Path out;
    static Path packDir;
    static KnowledgePack pack;

    @BeforeAll
    static void buildAndLoad() {
        packDir = new PackBuilder(TestPacks.reference()).clock(PackBuilderTest.CLOCK).build(out).dir();
        pack = KnowledgePacks.cached(packDir);
    }

    @Test
    void cachedLoadsOncePerJvm() {
        assertSame(pack, KnowledgePacks.cached(packDir));
        assertSame(pack, KnowledgePacks.cached(packDir.resolve("..").resolve(packDir.getFileName())));
    }

    @Test
    void genderRestrictions() {
        DrugGender apalutamide = pack.drugGender("XL02BBA326A001010102180").orElseThrow();
        assertEquals(Gender.MALE, apalutamide.gender());
        assertEquals("阿帕他胺片", apalutamide.genericName());
        assertTrue(apalutamide.source().startsWith("batch1-drug-gender-sheet2.csv#"), apalutamide.source());
        assertEquals(Gender.FEMALE, pack.itemGender("002101030300000").orElseThrow().gender());
        assertTrue(pack.drugGender("XNOTACODE").isEmpty());
        assertTrue(pack.drugGender(null).isEmpty());
    }

    @Test
    void ageRestrictionsInDays() {
        AgeRestriction child = pack.drugAge("ZA04CAE0023010100166").orElseThrow();
        assertEquals("儿童", child.target());
        assertEquals(0, child.minAgeDays());
        assertEquals(6574, child.maxAgeDays());
        assertTrue(child.allows(17 * 365));
        assertFalse(child.allows(18 * 366));
        AgeRestriction work = pack.itemAge("003402000320000").orElseThrow();
        assertEquals(ConstraintText.yearsToDays(16), work.minAgeDays());
        assertEquals(ConstraintText.yearsToDays(60), work.maxAgeDays());
        assertTrue(pack.table(PackTable.ITEM_AGE).stream().anyMatch(r -> r.target().equals("新生儿")
                && r.maxAgeDays() == 28));
    }

    @Test
    void frequencyCourseAndPeriod() {
        ItemFrequency consultation = pack.itemFrequency("001102000050000").orElseThrow();
        assertEquals(1, consultation.maxCount());
        assertEquals("日", consultation.perUnit());
        assertEquals("小时", pack.itemFrequency("003106030010000").orElseThrow().perUnit());
        assertEquals("日", pack.itemFrequency("003301000090000").orElseThrow().perUnit(), "天 normalised to 日");
        ItemCourse hand = pack.itemCourse("003402000050000").orElseThrow();
        assertEquals(90, hand.maxTotalDays());
        assertEquals(14, hand.minIntervalDays());
        ItemCourse hearing = pack.itemCourse("003402000350000").orElseThrow();
        assertEquals(365, hearing.maxTotalDays());
        assertEquals(7, hearing.minIntervalDays());
        ItemPeriod hba1c = pack.itemPeriod("002503020030000").orElseThrow();
        assertEquals(1, hba1c.maxCount());
        assertEquals(15, hba1c.periodDays());
    }

    @Test
    void duplicateChargePairs() {
        DuplicateChargePair pair = pack.duplicateChargePair("001103000010000", "001102000030000").orElseThrow();
        assertEquals("单日", pair.frequency());
        assertEquals("急诊监护费", pair.mainItemName());
        assertTrue(pack.duplicateChargePairs("001103000010000").contains(pair));
        assertTrue(pack.duplicateChargePairs("001103000010000").size() > 1);
        assertTrue(pack.duplicateChargePair("001102000030000", "001103000010000").isEmpty(), "direction matters");
    }

    @Test
    void drugPolicyRestrictions() {
        assertEquals(2, pack.drugInstitutionLevel("ZC01AAA0042010105549").orElseThrow().minLevel());
        assertEquals(14, pack.drugPaymentCourse("XB01AXA223B004010180963").orElseThrow().maxDays());
        assertEquals("住院", pack.drugCareSetting("XB05BAU012B002010102180").orElseThrow().careSetting());
        DrugInsuranceType rabies = pack.drugInsuranceType("ZH01AAB0066010100716").orElseThrow();
        assertEquals("工伤", rabies.insuranceType());
        assertEquals("410", rabies.insutype());
        assertEquals(List.of("胃肠手术组", "经腹直肠手术组", "肝胆手术组", "女性生殖系统手术组"),
                pack.secondarySurgeryGroups("003310030080000"));
        SecondLineDrug acalabrutinib = pack.secondLineDrug("XL01ELA387E001010184513").orElseThrow();
        assertEquals("L01", acalabrutinib.firstLineAtc());
        assertTrue(acalabrutinib.source().startsWith("knowledge-points.json#KP-"));
        assertTrue(pack.internetRestrictedDrug("XN02ABF027V002010101389").isPresent());
        assertEquals("单方", pack.tcmPieceNotPaid("T000700200").orElseThrow().scope());
        assertEquals("单复方", pack.tcmPieceNotPaid("T001700233").orElseThrow().scope());
        assertTrue(pack.childOnlyDrug("XN05CDM084X001010102000").isPresent());
        DrugIndication agalsidase = pack.drugIndication("XA16ABA345B004010183140").orElseThrow();
        assertEquals(List.of("E75"), agalsidase.icd10Prefixes());
        assertTrue(agalsidase.covers("E75.201"));
    }

    @Test
    void drgPayments() {
        DrgPayment suzhou3 = pack.drgPayment("suzhou", "AA19", 3).orElseThrow();
        assertEquals(new BigDecimal("311076.612"), suzhou3.standardYuan());
        assertEquals(3, suzhou3.institutionLevel());
        assertEquals(new BigDecimal("194422.8825"), pack.drgPayment("suzhou", "AA19", 1).orElseThrow().standardYuan());
        DrgPayment beijing = pack.drgPayment("beijing", "AE19", 2).orElseThrow();
        assertEquals(new BigDecimal("118507"), beijing.standardYuan());
        assertEquals(null, beijing.institutionLevel());
        DrgPayment wuhan = pack.drgPayment("wuhan", "AA19", 2).orElseThrow();
        assertEquals("职工", wuhan.insuranceType());
        assertEquals(2, pack.drgPayments("wuhan", "AA19").size());
        assertTrue(pack.drgPayment("wuhan", "AA19", 3).isEmpty(), "Wuhan publishes level-2 standards only");
        assertEquals(new BigDecimal("26.5936"), pack.drgPayment("changsha", "AA19", 3).orElseThrow().weight());
    }

    @Test
    void registriesAndPrices() {
        List<Institution> institutions = pack.table(PackTable.INSTITUTIONS);
        for (Institution i : institutions) {
            assertTrue(i.institutionCode().matches("H" + i.admdvs() + "\\d{5}"), i.institutionCode());
            assertEquals(i, pack.institution(i.institutionCode()).orElseThrow());
        }
        assertTrue(institutions.stream().map(i -> i.admdvs().substring(0, 2)).distinct().count() >= 3);
        assertTrue(institutions.stream().anyMatch(i -> i.internetQualified() && i.supplementaryAgreement()));
        assertTrue(institutions.stream().anyMatch(i -> i.internetQualified() && !i.supplementaryAgreement()));
        assertEquals(3, institutions.stream().map(Institution::level).distinct().count());
        for (Doctor d : pack.table(PackTable.DOCTORS)) {
            Institution at = pack.institution(d.institutionCode()).orElseThrow();
            assertTrue(d.doctorCode().matches("D" + at.admdvs() + "\\d{6}"), d.doctorCode());
        }
        Price consultation = pack.price("001102000050000").orElseThrow();
        assertEquals("住院诊查费", consultation.name());
        assertEquals(2, consultation.priceCapYuan().scale());
        assertTrue(consultation.priceYuan().compareTo(consultation.priceCapYuan()) <= 0);
        ChronicDisease hypertension = pack.chronicDisease("M03900").orElseThrow();
        assertTrue(hypertension.covers("I10.x00"));
        assertTrue(pack.chronicDisease("M01600").orElseThrow().covers("E11.900"));
    }

    @Test
    void icdCatalogsAndDrgTables() {
        assertTrue(pack.icd10().size() > 30_000);
        assertTrue(pack.icd10().name("A00.000").orElseThrow().startsWith("霍乱"));
        assertTrue(pack.icd10().isGrey("A00.000"), "grey list read despite its BOM");
        assertTrue(pack.icd9().contains("00.0100"));
        assertTrue(Files.isRegularFile(pack.drgTablesDir().resolve("3_DRG.txt")));
        assertEquals(pack.manifest().version(), pack.version());
    }

    // --- verification failures ------------------------------------------------------------------------------

    private static Path copy(Path tmp) {
        Path dir = tmp.resolve(packDir.getFileName().toString());
        TestPacks.copyTree(packDir, dir);
        return dir;
    }

    @Test
    void tamperedTableFailsNamingTheFile(@TempDir Path tmp) throws IOException {
        Path dir = copy(tmp);
        Path table = dir.resolve("tables/drug_gender.csv");
        byte[] bytes = Files.readAllBytes(table);
        bytes[bytes.length / 2] ^= 1;
        Files.write(table, bytes);
        PackException e = assertThrows(PackException.class, () -> KnowledgePack.load(dir));
        assertTrue(e.getMessage().startsWith("tables/drug_gender.csv: sha256 mismatch"), e.getMessage());
    }

    @Test
    void missingTableFailsNamingTheFile(@TempDir Path tmp) throws IOException {
        Path dir = copy(tmp);
        Files.delete(dir.resolve("tables/item_frequency.csv"));
        PackException e = assertThrows(PackException.class, () -> KnowledgePack.load(dir));
        assertTrue(e.getMessage().startsWith("tables/item_frequency.csv: missing"), e.getMessage());
    }

    @Test
    void unexpectedExtraTableFails(@TempDir Path tmp) throws IOException {
        Path dir = copy(tmp);
        Files.writeString(dir.resolve("tables/extra.csv"), "a,b\n1,2\n");
        PackException e = assertThrows(PackException.class, () -> KnowledgePack.load(dir));
        assertTrue(e.getMessage().startsWith("tables/extra.csv: unexpected file"), e.getMessage());
    }

    @Test
    void corruptManifestFails(@TempDir Path tmp) throws IOException {
        Path dir = copy(tmp);
        Files.writeString(dir.resolve("manifest.json"), "{\"format\": \"fundwatch-kb/1\", \"version\": ");
        PackException e = assertThrows(PackException.class, () -> KnowledgePack.load(dir));
        assertTrue(e.getMessage().contains("manifest.json: corrupt manifest"), e.getMessage());
    }

    @Test
    void corruptTableWithConsistentManifestFailsNamingFileAndLine(@TempDir Path tmp) throws IOException {
        Path dir = copy(tmp);
        Path table = dir.resolve("tables/item_frequency.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(table, StandardCharsets.UTF_8));
        lines.set(3, lines.get(3).replaceFirst(",1,日,", ",one,日,"));
        Files.write(table, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        // re-pin the hash as someone editing the pack by hand would, so that parsing is what fails
        Manifest m = Manifest.read(dir);
        List<ManifestEntry> files = new ArrayList<>();
        Map<String, String> shas = new LinkedHashMap<>();
        for (ManifestEntry f : m.files()) {
            String sha = Hashing.sha256(dir.resolve(f.path()));
            files.add(new ManifestEntry(f.path(), f.kind(), f.source(), f.sourceSha256(), sha, f.rows(),
                    f.description()));
            shas.put(f.path(), sha);
        }
        new Manifest(m.format(), m.version(), m.builtAt(), m.effectiveFrom(), m.effectiveTo(), m.sourceRoot(),
                m.generator(), Hashing.combined(shas), files).write(dir);
        PackException e = assertThrows(PackException.class, () -> KnowledgePack.load(dir));
        assertTrue(e.getMessage().startsWith("tables/item_frequency.csv line 4, column max_count"), e.getMessage());
    }
}
