package org.fundwatch.drg;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.fundwatch.drg.csv.CaseCsvReader;
import org.fundwatch.drg.csv.CaseRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class DrgGrouperTest {
    private final DrgTables t = TestTables.tables();
    private final DrgGrouper grouper = new DrgGrouper(t);

    private static DrgCase adult(int gender, List<String> dx, List<String> px) {
        return DrgCase.of("t", gender, 50, 50 * 365, null, dx, px);
    }

    private DrgResult group(int gender, List<String> dx, List<String> px) {
        return grouper.group(adult(gender, dx, px));
    }

    /** Every labelled sample row agrees (24 of 30 rows carry the production grouper's DRG). */
    @Test
    void agreesWithEveryLabelledSampleCase() throws IOException {
        List<Executable> checks = new ArrayList<>();
        int labelled = 0;
        List<String> lines = Files.readAllLines(TestTables.drgDir().resolve("sample-cases.csv"));
        try (Reader r = Files.newBufferedReader(TestTables.drgDir().resolve("sample-cases.csv"), StandardCharsets.UTF_8);
             CaseCsvReader rows = new CaseCsvReader(r)) {
            int i = 1;
            while (rows.hasNext()) {
                CaseRow row = rows.next();
                String[] f = lines.get(i++).split(",", -1);
                String expected = f[f.length - 1];
                assertFalse(row.isError(), row.error());
                if (expected.isEmpty()) {
                    continue;
                }
                labelled++;
                DrgResult got = grouper.group(row.drgCase());
                checks.add(() -> assertEquals(expected, got.drg(), row.index() + ": " + got.reason()));
            }
        }
        assertEquals(24, labelled);
        assertAll(checks);
    }

    /**
     * Unlabelled sample 22091181 (S06.201 脑挫伤 + S12.900x001 颈椎骨折, 31.1x00x005 暂时性气管切开): two body
     * regions of the MDCZ table → MDCZ; the tracheostomy is an operation (DE1, EJ1, VJ1 list it) but none of
     * ZB1/ZC1/ZD1/ZJ1 does → 歧义组 ZQY.
     */
    @Test
    void unlabelledSampleTraumaWithTracheostomyIsAmbiguous() {
        DrgResult r = group(1, List.of("S06.201", "S12.900x001"), List.of("31.1x00x005"));
        assertEquals("MDCZ", r.mdc());
        assertEquals("ZQY", r.drg());
        assertTrue(r.isAmbiguous());
        assertTrue(t.orProcedures.get(t.procedures.id("31.1x00x005")));
        for (String z : List.of("ZB1", "ZC1", "ZD1", "ZJ1")) {
            assertFalse(t.adrgProcedures(z).contains("31.1x00x005"), z);
        }
    }

    /**
     * Sample 22085292 shows the principal-procedure rule: 96.7201 (呼吸机≥96 h, AH1) and 32.2904 (EB2) are
     * secondary procedures; the principal 34.3x02 (纵隔病损切除, EC1) decides → EC11, as the production grouper did.
     */
    @Test
    void surgicalAdrgIsChosenByThePrincipalProcedure() {
        DrgResult r = group(1, List.of("D15.200", "J96.900x001"), List.of("34.3x02", "96.7201", "32.2904"));
        assertEquals("EC11", r.drg());
        DrgResult ventilatedFirst = group(1, List.of("D15.200", "J96.900x001"), List.of("96.7201", "34.3x02"));
        assertEquals("AH11", ventilatedFirst.drg(), ventilatedFirst.reason());
    }

    @Test
    void mdcaTransplantsComeFirst() {
        DrgResult heart = group(1, List.of("I42.001"), List.of("37.5100"));
        assertEquals("MDCA", heart.mdc());
        assertEquals("AA19", heart.drg());
        // 胰/肾联合移植 needs one procedure of each list ("同时包含"); the kidney alone is AE1.
        assertEquals("AC19", group(1, List.of("N18.500"), List.of("55.6901", "52.8000")).drg());
        assertEquals("AE19", group(1, List.of("N18.500"), List.of("55.6901")).drg());
    }

    @Test
    void mdcpNewbornsSplitByBirthWeight() {
        List<String> dx = List.of("P07.300x001");
        assertEquals("PS15", grouper.group(DrgCase.of("n", 1, 0, 3, 1200, dx, List.of())).drg());
        DrgResult ps2 = grouper.group(DrgCase.of("n", 1, 0, 3, 1700, dx, List.of()));
        assertEquals("MDCP", ps2.mdc());
        assertEquals("PS25", ps2.drg());
        assertEquals("PS45", grouper.group(DrgCase.of("n", 2, 0, 3, 2600, dx, List.of())).drg());
        // Without a birth weight no PS ADRG applies; the case still stays in MDCP.
        assertEquals("MDCP", grouper.group(DrgCase.of("n", 1, 0, 3, null, dx, List.of())).mdc());
    }

    @Test
    void mdcyHivPrincipalDiagnosis() {
        DrgResult r = group(1, List.of("B20.003"), List.of());
        assertEquals("MDCY", r.mdc());
        assertEquals("YR1", r.adrg());
        assertEquals("YR15", r.drg());
    }

    @Test
    void mdczNeedsSignificantTraumaInTwoBodyRegions() {
        DrgResult two = group(1, List.of("S06.500", "S27.000"), List.of());
        assertEquals("MDCZ", two.mdc(), two.reason());
        assertTrue(two.drg().startsWith("ZZ1"), two.drg());
        DrgResult oneRegion = group(1, List.of("S06.500", "S06.201"), List.of());
        assertEquals("MDCB", oneRegion.mdc(), "two head injuries are one region → MDC by principal diagnosis");
        assertEquals("BY1", oneRegion.adrg());
    }

    @Test
    void sexSpecificMdcs() {
        DrgResult prostate = group(DrgCase.MALE, List.of("C61.x00"), List.of());
        assertEquals("MDCM", prostate.mdc());
        assertEquals("MR15", prostate.drg());
        DrgResult prostateFemale = group(DrgCase.FEMALE, List.of("C61.x00"), List.of());
        assertEquals(DrgResult.UNGROUPABLE, prostateFemale.drg());
        assertTrue(prostateFemale.reason().contains("男性专属MDCM"), prostateFemale.reason());
        DrgResult endometriosis = group(DrgCase.FEMALE, List.of("N80.000"), List.of());
        assertEquals("MDCN", endometriosis.mdc());
        assertEquals("NZ19", endometriosis.drg());
        assertEquals(DrgResult.UNGROUPABLE, group(DrgCase.MALE, List.of("N80.000"), List.of()).drg());
    }

    @Test
    void invalidPrincipalDiagnosesCannotEnterAnyMdc() {
        DrgResult grey = group(1, List.of("I10.x00", "E11.900"), List.of());
        assertEquals(new DrgResult("", "", "0000", "主诊断为灰码 I10.x00"), grey);
        assertEquals("主诊断缺失", group(1, List.of(), List.of()).reason());
        assertEquals("0000", group(1, List.of("X99.999"), List.of()).drg());
        assertFalse(group(1, List.of("X99.999"), List.of()).isGrouped());
    }

    @Test
    void operationThatDoesNotFitThePrincipalDiagnosisIsAmbiguous() {
        // 食管破裂 (MDCG) with a craniotomy (BB1/BB2/VJ1/ZB1 only): 歧义组 GQY.
        DrgResult r = group(1, List.of("K22.301"), List.of("01.3900x009"));
        assertEquals(new DrgResult("MDCG", "GQY", "GQY", r.reason()), r);
        assertTrue(r.reason().startsWith("手术与主诊断不匹配(歧义组)"), r.reason());
        // A non-operative procedure does not make a case ambiguous: medical ADRG GZ1.
        assertEquals("GZ1", group(1, List.of("K22.301"), List.of("96.0800x005")).adrg());
    }

    /**
     * ER3 (肺水肿及呼吸衰竭) has ER31/ER33/ER35. J96.900x001 呼吸衰竭 is an MCC with exclusion table 7-109, which
     * holds the principal J96.000 急性呼吸衰竭: it does not count → ER35. K22.301 食管破裂 (MCC, table 7-111)
     * counts → ER31; the CC K11.901 alone → ER33.
     */
    @Test
    void mccExcludedByThePrincipalDiagnosisTableLowersTheSuffix() {
        int principal = t.diagnoses.id("J96.000");
        assertTrue(t.exclusions[t.mccTable[t.diagnoses.id("J96.900x001")]].get(principal));
        assertEquals("ER35", group(1, List.of("J96.000", "J96.900x001"), List.of()).drg());
        assertEquals("ER31", group(1, List.of("J96.000", "J96.900x001", "K22.301"), List.of()).drg());
        DrgResult cc = group(1, List.of("J96.000", "K11.901"), List.of());
        assertEquals("ER33", cc.drg(), cc.reason());
    }

    @Test
    void suffixFollowsTheDrgsTheAdrgHas() {
        // GC1 has only GC13/GC15: an MCC joins 3 (sample 22062109). BB2 has BB21/BB25: a CC joins 1.
        assertEquals("GC13", group(1, List.of("K22.301", "J96.900x001"), List.of("42.0902")).drg());
        DrgResult bb2 = group(1, List.of("I61.900x002", "K11.901"), List.of("01.3900x009"));
        assertEquals("BB21", bb2.drg(), bb2.reason());
        assertEquals("BB25", group(1, List.of("I61.900x002"), List.of("01.3900x009")).drg());
    }

    @Test
    void groupIsThreadSafe() throws Exception {
        DrgCase c = adult(1, List.of("K22.301", "J96.900x001"), List.of("42.0902"));
        DrgResult expected = grouper.group(c);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 4; i++) {
            Thread th = new Thread(() -> {
                for (int k = 0; k < 20_000; k++) {
                    if (!expected.equals(grouper.group(c))) {
                        failures.add(new AssertionError("different result"));
                        return;
                    }
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        assertTrue(failures.isEmpty());
    }
}
