package org.fundwatch.drg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DrgTablesTest {
    private final DrgTables t = TestTables.tables();

    @Test
    void loadsEveryMdcAdrgAndDrgOfTheScheme() {
        assertEquals(628, t.drgCount());
        assertEquals(376, t.adrgCodes().size());
        assertEquals("神经系统疾病及功能障碍", t.mdcName("MDCB"));
        assertEquals("食管、胃、十二指肠其他手术，伴并发症或合并症", t.drgName("GC13"));
        for (char m = 'B'; m <= 'Z'; m++) {
            assertFalse(t.mdcPrincipalDiagnoses(m).isEmpty(), "MDC" + m + " 主诊表");
        }
        assertTrue(t.mdcPrincipalDiagnoses('A').isEmpty(), "MDCA is entered by procedure, not diagnosis");
    }

    @Test
    void parsesCombinationsBodyRegionsAndBirthWeights() {
        AdrgRule ac1 = t.adrgsByCode.get("AC1");
        assertEquals(2, ac1.alternatives.get(0).allOfProcedures().size(), "胰/肾联合移植: 同时包含 two lists");
        assertEquals(2, t.adrgsByCode.get("JA1").alternatives.size(), "JA1: 主要诊断+手术表1+2 或 +1+3+4");
        assertEquals(9, t.traumaRegions.size());
        AdrgRule ps2 = t.adrgsByCode.get("PS2");
        assertEquals(1500, ps2.minWeight);
        assertEquals(2000 - 1, ps2.maxWeight);
        assertEquals(1499, t.adrgsByCode.get("PS1").maxWeight);
        assertEquals(2500, t.adrgsByCode.get("PS4").minWeight);
        assertEquals(28, t.adrgsByCode.get("PB1").maxAgeDays);
        assertEquals(29, t.adrgsByCode.get("PV1").minAgeDays);
        assertTrue(t.adrgsByCode.get("ZZ1").alternatives.get(0).requiresNoOrProcedure());
        assertTrue(t.adrgsByCode.get("SB1").alternatives.get(0).requiresOrProcedure());
        assertTrue(t.adrgsByCode.get("WJ1").alternatives.get(0).requiresOrProcedure(), "no list: any OR procedure");
    }

    @Test
    void readsComplicationListsDespitePdfLayout() {
        int mcc = t.diagnoses.id("J96.900x001");
        assertEquals(109, t.mccTable[mcc], "呼吸衰竭 MCC, 排除表 7-109");
        // 5_MCC.txt line 1137 runs dozens of entries together; the last of them must still be read.
        assertEquals(111, t.mccTable[t.diagnoses.id("K28.200")]);
        assertEquals(-1, t.mccTable[t.diagnoses.id("Z94.000")], "排除内容 无");
        assertNotNull(t.exclusions[109]);
        assertTrue(t.complicationDiagnoses().size() > 8000);
        assertTrue(t.isGreyDiagnosis("I10.x00"));
        assertFalse(t.isGreyDiagnosis("I10.x05"));
    }

    @Test
    void daggerCodesMatchWithOrWithoutTheAsteriskPart() {
        assertEquals(t.diagnoses.id("A17.000+G01*"), t.diagnoses.id("A17.000"));
        assertTrue(t.diagnoses.id("N18.900x012+D63.8*") >= 0);
    }

    @Test
    void changedFileLayoutFailsLoudly(@TempDir Path dir) throws IOException {
        Path drg = dir.resolve("chs-drg-1.1");
        Files.createDirectories(drg);
        for (String f : List.of("1_MDC.txt", "2_ADRG.txt", "3_DRG.txt", "5_MCC.txt", "6_CC.txt", "7_CCE.txt")) {
            Files.copy(TestTables.drgDir().resolve(f), drg.resolve(f));
        }
        Files.writeString(drg.resolve("4_ADRG_DETAIL.txt"), "MDCA 先期分组疾病及相关操作\nAA1 心脏移植\n新的未知标题：\n");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DrgTables.load(drg, TestTables.icdDir()));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        assertThrows(java.io.UncheckedIOException.class, () -> DrgTables.load(dir.resolve("missing"), TestTables.icdDir()));
    }
}
