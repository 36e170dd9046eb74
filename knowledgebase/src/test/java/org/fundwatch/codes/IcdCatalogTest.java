package org.fundwatch.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IcdCatalogTest {
    static IcdCatalog icd10;
    static IcdCatalog icd9;

    @BeforeAll
    static void load() {
        icd10 = IcdCatalog.load(SharedReference.reference("icd/icd10-nhsa-v2.0.dat"),
                SharedReference.reference("icd/icd10-nhsa-v2.0-grey.dat"), IcdCatalog.ICD10);
        icd9 = IcdCatalog.load(SharedReference.reference("icd/icd9cm3-nhsa-v2.0.dat"),
                SharedReference.reference("icd/icd9cm3-nhsa-v2.0-grey.dat"), IcdCatalog.ICD9CM3);
    }

    @Test
    void sizesMatchThePublishedFiles() {
        // The files hold 33,307 and 13,686 codes: the README's 33,306 / 13,685 are `wc -l` counts,
        // one short because the last line has no newline.
        assertEquals(33_307, icd10.size());
        assertEquals(13_686, icd9.size());
        assertEquals(2_695, icd10.greySize(), "2,725 lines, 30 repeated");
        assertEquals(2_241, icd9.greySize());
        assertEquals(IcdCatalog.ICD10, icd10.system());
    }

    @Test
    void lookups() {
        assertEquals(Optional.of("特发性痛风"), icd10.name("M10.000"));
        assertEquals(Optional.of("高血压3级"), icd10.name("I10.x05"));
        assertEquals(Optional.of("伤寒性肝炎"), icd10.name("A01.001+K77.0*"));
        assertEquals(Optional.of("腹腔镜下前列腺根治性切除术"), icd9.name("60.5x02"));
        assertTrue(icd9.contains("96.0800x005"));
        assertFalse(icd10.contains("M10.0"));
        assertEquals(Optional.empty(), icd10.name(null));
    }

    @Test
    void greyCodesAreFlagged() {
        assertTrue(icd10.isGrey("A00.000"), "first grey line carries a BOM");
        assertTrue(icd10.isGrey("A35.x00"));
        assertFalse(icd10.isGrey("A00.000x001"));
        assertTrue(icd9.isGrey("00.0100"));
        assertFalse(icd9.isGrey("00.0101"));
    }

    @Test
    void malformedFilesAreRejectedWithLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.dat");
        Files.writeString(file, "A00.000 霍乱\nA00.100\n", StandardCharsets.UTF_8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IcdCatalog.load(file, null, "x"));
        assertTrue(e.getMessage().endsWith("bad.dat:2: expected 'code name', got 'A00.100'"), e.getMessage());
        Files.writeString(file, "A00.000 霍乱\nA00.000 again\n", StandardCharsets.UTF_8);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> IcdCatalog.load(file, null, "x"))
                .getMessage().endsWith(":2: duplicate code A00.000"));
    }
}
