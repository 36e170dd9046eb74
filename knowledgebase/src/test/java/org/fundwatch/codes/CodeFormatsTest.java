package org.fundwatch.codes;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CodeFormatsTest {

    @ParameterizedTest
    @ValueSource(strings = {"M10.000", "I10.x05", "C34.900x001", "Z98.800x210", "A01.001+K77.0*", "A01.002+G01*", " M10.000 "})
    void validDiagnosisCodes(String code) {
        assertTrue(DiagnosisCode.isValid(code), code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"M10.0", "M10", "m10.000", "M10.000X001", "10.000", "M10.000x01", "XYZD018987", "", "I10.x5"})
    void invalidDiagnosisCodes(String code) {
        InvalidCodeException e = assertThrows(InvalidCodeException.class, () -> DiagnosisCode.parse(code));
        assertTrue(e.getMessage().startsWith("not a 医保版 ICD-10 diagnosis code"), e.getMessage());
    }

    @Test
    void diagnosisCodeParts() {
        DiagnosisCode c = DiagnosisCode.parse("C34.900x001");
        assertEquals("C34", c.category());
        assertEquals("C34.900", c.subcategory());
        assertTrue(c.hasExtension());
        assertEquals(Optional.empty(), c.asteriskCode());
        assertEquals(Optional.of("K77.0"), DiagnosisCode.parse("A01.001+K77.0*").asteriskCode());
        assertFalse(DiagnosisCode.parse("I10.x05").hasExtension());
    }

    @ParameterizedTest
    @ValueSource(strings = {"96.0800x005", "60.5x02", "42.0902", "17.91100", "17.912A0", "86.700x0013", "00.0100"})
    void validProcedureCodes(String code) {
        assertTrue(ProcedureCode.isValid(code), code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"42.09", "4209", "42.0902x1", "A2.0902", "42.090", "96.0800X005"})
    void invalidProcedureCodes(String code) {
        assertThrows(InvalidCodeException.class, () -> ProcedureCode.parse(code));
    }

    @Test
    void procedureExtension() {
        assertTrue(ProcedureCode.parse("96.0800x005").hasExtension());
        assertFalse(ProcedureCode.parse("60.5x02").hasExtension());
        assertEquals("60", ProcedureCode.parse("60.5x02").section());
    }

    @Test
    void everyIcdCodeOfTheNationalFilesHasTheDocumentedShape() throws IOException {
        assertAll(
                () -> assertEveryCode("icd/icd10-nhsa-v2.0.dat", DiagnosisCode::isValid),
                () -> assertEveryCode("icd/icd10-nhsa-v2.0-grey.dat", DiagnosisCode::isValid),
                () -> assertEveryCode("icd/icd9cm3-nhsa-v2.0.dat", ProcedureCode::isValid),
                () -> assertEveryCode("icd/icd9cm3-nhsa-v2.0-grey.dat", ProcedureCode::isValid));
    }

    private static void assertEveryCode(String file, java.util.function.Predicate<String> valid) throws IOException {
        List<String> bad = new ArrayList<>();
        try (Stream<String> lines = Files.lines(SharedReference.reference(file))) {
            lines.map(l -> l.replace("\uFEFF", "").strip()).filter(l -> !l.isEmpty())
                    .map(l -> l.split(" ", 2)[0]).filter(valid.negate()).forEach(bad::add);
        }
        assertEquals(List.of(), bad, file);
    }

    @Test
    void drugCodes() {
        DrugCode x = DrugCode.parse("XG02BAZ061Z007010279543");
        assertEquals(DrugCode.Kind.WESTERN, x.kind());
        assertEquals("G02BA", x.classCode());
        assertEquals("XG02BAZ061", x.genericKey());
        assertEquals(Optional.of("Z007"), x.dosageFormCode());
        assertEquals("79543", x.manufacturerCode());
        DrugCode z = DrugCode.parse("ZA04CAE0023010100166");
        assertEquals(DrugCode.Kind.CHINESE_PATENT, z.kind());
        assertEquals("ZA04CAE0023", z.genericKey());
        assertEquals(Optional.empty(), z.dosageFormCode());
    }

    @Test
    void invalidDrugCodesSayWhy() {
        assertEquals("Western drug code must have 23 characters, got 22: \"XG02BAZ061Z00701027954\"",
                assertThrows(InvalidCodeException.class, () -> DrugCode.parse("XG02BAZ061Z00701027954")).getMessage());
        assertEquals("Chinese patent drug code must have 20 characters, got 21: \"ZA04CAE00230101001661\"",
                assertThrows(InvalidCodeException.class, () -> DrugCode.parse("ZA04CAE00230101001661")).getMessage());
        assertTrue(assertThrows(InvalidCodeException.class, () -> DrugCode.parse("XG02BAZ061Z0070102795AB"))
                .getMessage().startsWith("Western drug code must be X + class"));
        assertTrue(assertThrows(InvalidCodeException.class, () -> DrugCode.parse("XY1346"))
                .getMessage().contains("23 characters"));
        assertTrue(assertThrows(InvalidCodeException.class, () -> DrugCode.parse("A04CAE0023010100166"))
                .getMessage().startsWith("national drug code must start with X"));
    }

    private static final Pattern CANDIDATE = Pattern.compile("[XZ][A-Z0-9]{15,30}|\\d{15}");

    @Test
    void everyCodeInTheOfficialBatchesIsRecognised() throws IOException {
        ObjectMapper csv = new ObjectMapper();
        List<String> bad = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.list(SharedReference.reference("two-libraries/official-batches"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    for (String cell : line.split(",")) {
                        String v = cell.strip();
                        if (CANDIDATE.matcher(v).matches()) {
                            checked++;
                            Optional<ListCodeKind> kind = ListCodeKind.of(v);
                            if (kind.isEmpty()) {
                                bad.add(file.getFileName() + ": " + v);
                            }
                        }
                    }
                }
            }
        }
        assertTrue(checked > 16_000, "checked " + checked);
        assertEquals(List.of(), bad);
    }

    @Test
    void serviceItemAndConsumableCodes() {
        ServiceItemCode item = ServiceItemCode.parse("001102000010000-110200006");
        assertEquals("001102000010000", item.nationalCode());
        assertEquals(Optional.of("110200006"), item.localSuffix());
        assertEquals(Optional.empty(), ServiceItemCode.parse("001102000050000").localSuffix());
        assertFalse(ServiceItemCode.isValid("00110200005000"));
        assertFalse(ServiceItemCode.isValid("0011020000500001"));
        assertTrue(ConsumableCode.isValid("C14020109900100707190000072"));
        assertEquals("consumable code must have 27 characters, got 26: \"C1402010990010070719000007\"",
                assertThrows(InvalidCodeException.class, () -> ConsumableCode.parse("C1402010990010070719000007")).getMessage());
        assertEquals(Optional.of(ListCodeKind.CONSUMABLE), ListCodeKind.of("C14020109900100707190000072"));
        assertEquals(Optional.of(ListCodeKind.SERVICE_ITEM), ListCodeKind.of("001102000050000"));
        assertEquals(Optional.of(ListCodeKind.DRUG), ListCodeKind.of("XA11DAW036A001010104127"));
        assertEquals(Optional.empty(), ListCodeKind.of("XY1346"));
        assertTrue(CodeFormat.LIST_CODE.problem("XY1346").orElseThrow().contains("23 characters"));
        assertTrue(CodeFormat.LIST_CODE.problem("hello").orElseThrow().startsWith("not a national catalogue code"));
        assertEquals(Optional.empty(), CodeFormat.LIST_CODE.problem("001102000050000"));
    }

    @Test
    void adminDivisions() {
        AdminDivision d = AdminDivision.parse("430796");
        assertEquals(Province.HUNAN, d.province());
        assertEquals("湖南省", d.province().chineseName());
        assertEquals("430000", d.provinceCode());
        assertEquals("430700", d.prefectureCode());
        assertFalse(d.isProvinceLevel());
        assertTrue(AdminDivision.parse("110000").isProvinceLevel());
        assertEquals(Province.XINJIANG_CORPS, AdminDivision.parse("660000").province());
        assertTrue(d.sameProvince(AdminDivision.parse("430799")));
        assertEquals(32, Province.values().length);
        assertEquals("admin-division code has unknown province 99: \"990000\"",
                assertThrows(InvalidCodeException.class, () -> AdminDivision.parse("990000")).getMessage());
        assertFalse(AdminDivision.isValid("43079"));
        assertFalse(AdminDivision.isValid("43079a"));
    }

    @Test
    void institutionAndDoctorCodes() {
        InstitutionCode h = InstitutionCode.parse("H32118100064");
        assertEquals(InstitutionCode.Kind.HOSPITAL, h.kind());
        assertEquals("321181", h.adminDivision().value());
        assertEquals(Province.JIANGSU, h.adminDivision().province());
        assertEquals(InstitutionCode.Kind.PHARMACY, InstitutionCode.parse("P43079600001").kind());
        assertFalse(InstitutionCode.isValid("H3211810006"));
        assertFalse(InstitutionCode.isValid("X32118100064"));
        assertTrue(assertThrows(InvalidCodeException.class, () -> InstitutionCode.parse("H99118100064"))
                .getMessage().contains("invalid admdvs 991181"));
        assertEquals("320481", DoctorCode.parse("D320481001162").adminDivision().value());
        assertTrue(DoctorCode.tryParse("D32048100116").isEmpty());
    }
}
