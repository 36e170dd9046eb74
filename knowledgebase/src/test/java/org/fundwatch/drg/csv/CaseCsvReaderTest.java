package org.fundwatch.drg.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.fundwatch.drg.DrgCase;
import org.junit.jupiter.api.Test;

class CaseCsvReaderTest {

    private static List<CaseRow> read(String csv) throws IOException {
        List<CaseRow> out = new ArrayList<>();
        try (CaseCsvReader r = new CaseCsvReader(new StringReader(csv))) {
            while (r.hasNext()) {
                out.add(r.next());
            }
        }
        return out;
    }

    @Test
    void locatesColumnsByHeaderNameAndIgnoresExtras() throws IOException {
        List<CaseRow> rows = read("""
                drg,ICD9_DRGS,ICD10_DRGS,Index,age,gender,ageDay,weight,extra
                GC13,42.0902|34.0401,K22.301| J94.801 ,A1,59,1,21769,,x
                """);
        DrgCase c = rows.get(0).drgCase();
        assertEquals("A1", c.id());
        assertEquals(DrgCase.MALE, c.gender());
        assertEquals(59, c.ageYears());
        assertEquals(21769, c.ageDays());
        assertNull(c.weightGrams());
        assertEquals(List.of("K22.301", "J94.801"), c.diagnoses());
        assertEquals(List.of("42.0902", "34.0401"), c.procedures());
    }

    @Test
    void malformedRowsBecomeErrorRowsAndReadingContinues() throws IOException {
        List<CaseRow> rows = read("""
                Index,gender,age,ageDay,weight,dept,inHospitalTime,leavingType,ICD10_DRGS,ICD9_DRGS
                1,1,abc,,,,,,K22.301,
                2,1,50
                3,7,50,,,,,,K22.301,
                4,2,30,,3200.0,,,,,
                5,2,30,,-5,,,,K22.301,
                6,女,30,,,,,,"K22.301|K11.901",
                """);
        assertEquals(6, rows.size());
        assertTrue(rows.get(0).error().contains("age 不是整数"), rows.get(0).error());
        assertTrue(rows.get(1).error().contains("缺少字段"), rows.get(1).error());
        assertTrue(rows.get(2).error().contains("gender"), rows.get(2).error());
        assertFalse(rows.get(3).isError(), "empty diagnoses are for the grouper to reject (主诊断缺失)");
        assertEquals(3200, rows.get(3).drgCase().weightGrams());
        assertTrue(rows.get(4).isError());
        assertEquals(DrgCase.FEMALE, rows.get(5).drgCase().gender());
        assertEquals(2, rows.get(5).drgCase().diagnoses().size());
        assertEquals("2", rows.get(1).index());
    }

    @Test
    void unclosedQuoteEndsTheStreamWithOneErrorRow() throws IOException {
        List<CaseRow> rows = read("Index,gender,age,ICD10_DRGS,ICD9_DRGS\n1,1,50,K22.301,\n2,1,50,\"K22.301,\n3,1,50,K22.301,\n");
        assertFalse(rows.get(0).isError());
        assertTrue(rows.get(rows.size() - 1).isError());
        assertTrue(rows.get(rows.size() - 1).error().startsWith("CSV格式错误"));
    }

    @Test
    void headerWithoutRequiredColumnsIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> read("Index,gender,age\n1,1,2\n"));
        assertTrue(e.getMessage().contains("ICD10_DRGS"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> read(""));
    }
}
