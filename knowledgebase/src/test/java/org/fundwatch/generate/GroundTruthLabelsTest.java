package org.fundwatch.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.fundwatch.generate.CatalogRecords.AgeRule;
import org.fundwatch.generate.CatalogRecords.DrgStandard;
import org.fundwatch.generate.CatalogRecords.GenderRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks every labelled case against the messages and the pack's tables, independently of the
 * generator's own logic: the record exists and violates what its label names. Also checks that
 * normal records do not violate the restriction tables.
 */
class GroundTruthLabelsTest {
    private static final DateTimeFormatter DT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @TempDir
    static Path tmp;
    static CsvGeneratorCatalog catalog;
    static List<JsonNode> truth;
    static Map<String, JsonNode> persons = new HashMap<>();
    /** fee lines by feedetl_sn, with the envelope that carried them. */
    static Map<String, JsonNode> lines = new HashMap<>();
    static Map<String, JsonNode> lineEnvelope = new HashMap<>();
    /** messages by mdtrt_id. */
    static Map<String, List<JsonNode>> byEncounter = new HashMap<>();

    @BeforeAll
    static void setUp() throws IOException {
        Path pack = GeneratorFixture.buildPack(tmp.resolve("kb"));
        Path out = tmp.resolve("out");
        GeneratorFixture.generate(pack, out, 7, 60, 3000, 0.03);
        catalog = CsvGeneratorCatalog.load(pack);
        truth = GeneratorFixture.lines(out.resolve("ground-truth.jsonl"));
        for (JsonNode p : GeneratorFixture.lines(out.resolve("persons.jsonl"))) {
            persons.put(p.get("baseinfo").get("psn_no").asText(), p);
        }
        for (JsonNode m : GeneratorFixture.messages(out)) {
            String id = mdtrtId(m);
            byEncounter.computeIfAbsent(id, k -> new ArrayList<>()).add(m);
            for (JsonNode l : m.path("input").path("feedetail")) {
                lines.put(l.get("feedetl_sn").asText(), l);
                lineEnvelope.put(l.get("feedetl_sn").asText(), m);
            }
        }
    }

    private static String mdtrtId(JsonNode m) {
        JsonNode in = m.path("input");
        if (in.has("feedetail")) {
            return in.get("feedetail").get(0).get("mdtrt_id").asText();
        }
        for (String node : new String[] {"data", "mdtrtinfo", "dscginfo"}) {
            if (in.path(node).has("mdtrt_id")) {
                return in.get(node).get("mdtrt_id").asText();
            }
        }
        if (m.path("output").path("result").has("mdtrt_id")) {
            return m.get("output").get("result").get("mdtrt_id").asText();
        }
        return in.path("data").path("patient_dtos").path(0).path("curr_mdtrt_id").asText();
    }

    private static List<JsonNode> cases(AnomalyKind kind) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode t : truth) {
            if (t.get("kind").asText().equals(kind.label())) {
                out.add(t);
            }
        }
        assertFalse(out.isEmpty(), "no case of " + kind);
        return out;
    }

    private static JsonNode person(JsonNode c) {
        return persons.get(c.get("psn_no").asText());
    }

    private static List<JsonNode> caseLines(JsonNode c) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode id : c.get("line_ids")) {
            JsonNode l = lines.get(id.asText());
            assertNotNull(l, "labelled line " + id + " not in the messages");
            out.add(l);
        }
        return out;
    }

    private static LocalDateTime time(JsonNode line) {
        return LocalDateTime.parse(line.get("fee_ocur_time").asText(), DT);
    }

    private static long ageDays(JsonNode person, JsonNode line) {
        LocalDate birth = LocalDate.parse(person.get("baseinfo").get("brdy").asText());
        return ChronoUnit.DAYS.between(birth, time(line).toLocalDate());
    }

    private static JsonNode settlement(String mdtrtId) {
        for (JsonNode m : byEncounter.getOrDefault(mdtrtId, List.of())) {
            String infno = m.get("infno").asText();
            if (infno.equals("2207") || infno.equals("2304")) {
                return m;
            }
        }
        return null;
    }

    @Test
    void everyLabelledEncounterSettlementAndLineExists() {
        for (JsonNode c : truth) {
            assertTrue(c.get("mdtrt_ids").size() > 0, c.toString());
            for (int i = 0; i < c.get("mdtrt_ids").size(); i++) {
                JsonNode s = settlement(c.get("mdtrt_ids").get(i).asText());
                assertNotNull(s, "no settlement for " + c);
                assertEquals(c.get("setl_ids").get(i).asText(), s.get("output").get("setlinfo").get("setl_id").asText());
            }
            caseLines(c);
            assertTrue(new BigDecimal(c.get("amount_yuan").asText()).signum() >= 0, c.toString());
            assertFalse(c.get("description").asText().isBlank());
        }
    }

    @Test
    void genderCasesUseCodesRestrictedToTheOtherGender() {
        Map<String, String> drug = new HashMap<>();
        for (GenderRule r : catalog.drugGender()) {
            drug.putIfAbsent(r.code(), r.gender());
        }
        Map<String, String> item = new HashMap<>();
        for (GenderRule r : catalog.itemGender()) {
            item.putIfAbsent(r.code(), r.gender());
        }
        for (AnomalyKind kind : new AnomalyKind[] {AnomalyKind.DRUG_GENDER, AnomalyKind.ITEM_GENDER}) {
            Map<String, String> table = kind == AnomalyKind.DRUG_GENDER ? drug : item;
            for (JsonNode c : cases(kind)) {
                String gender = person(c).get("baseinfo").get("gend").asText();
                JsonNode line = caseLines(c).get(0);
                String restricted = table.get(line.get("med_list_codg").asText());
                assertNotNull(restricted, c.toString());
                assertFalse(restricted.equals(gender), c.toString());
                assertEquals(kind == AnomalyKind.DRUG_GENDER ? "GZ10000301004000" : "GZ10000302004000",
                        c.get("gz_code").asText());
            }
        }
    }

    @Test
    void ageCasesAreOutsideTheAllowedAge() {
        for (AnomalyKind kind : new AnomalyKind[] {AnomalyKind.DRUG_AGE, AnomalyKind.ITEM_AGE}) {
            List<AgeRule> rules = kind == AnomalyKind.DRUG_AGE ? catalog.drugAge() : catalog.itemAge();
            for (JsonNode c : cases(kind)) {
                JsonNode line = caseLines(c).get(0);
                long age = ageDays(person(c), line);
                boolean found = false;
                for (AgeRule r : rules) {
                    if (r.code().equals(line.get("med_list_codg").asText())) {
                        found = true;
                        assertFalse(r.allows(age), c + " age " + age);
                    }
                }
                assertTrue(found, c.toString());
            }
        }
    }

    @Test
    void policyRestrictionCasesViolateTheirTables() {
        Set<String> insurance = new HashSet<>();
        catalog.drugInsuranceType().forEach(r -> insurance.add(r.code()));
        for (JsonNode c : cases(AnomalyKind.DRUG_INSURANCE_TYPE)) {
            JsonNode line = caseLines(c).get(0);
            assertTrue(insurance.contains(line.get("med_list_codg").asText()));
            String insutype = settlement(c.get("mdtrt_ids").get(0).asText()).get("input").get("data").get("insutype").asText();
            assertTrue(insutype.equals("310") || insutype.equals("390"), insutype);
        }
        Set<String> inpatientOnly = new HashSet<>();
        catalog.drugCareSetting().forEach(r -> inpatientOnly.add(r.code()));
        for (JsonNode c : cases(AnomalyKind.DRUG_CARE_SETTING)) {
            JsonNode line = caseLines(c).get(0);
            assertTrue(inpatientOnly.contains(line.get("med_list_codg").asText()));
            assertEquals("2204", lineEnvelope.get(line.get("feedetl_sn").asText()).get("infno").asText());
        }
        Map<String, Integer> minLevel = new HashMap<>();
        catalog.drugInstitutionLevel().forEach(r -> minLevel.putIfAbsent(r.code(), r.minLevel()));
        Map<String, Integer> level = new HashMap<>();
        catalog.institutions().forEach(i -> level.put(i.code(), i.level()));
        for (JsonNode c : cases(AnomalyKind.DRUG_INSTITUTION_LEVEL)) {
            JsonNode line = caseLines(c).get(0);
            String institution = lineEnvelope.get(line.get("feedetl_sn").asText()).get("fixmedins_code").asText();
            assertTrue(level.get(institution) < minLevel.get(line.get("med_list_codg").asText()), c.toString());
        }
        Set<String> internet = new HashSet<>();
        catalog.internetRestrictedDrugs().forEach(r -> internet.add(r.code()));
        for (JsonNode c : cases(AnomalyKind.INTERNET_RESTRICTED_DRUG)) {
            JsonNode line = caseLines(c).get(0);
            assertTrue(internet.contains(line.get("med_list_codg").asText()));
            assertTrue(line.get("exp_content").asText().contains("internet_flag"), line.toString());
        }
    }

    @Test
    void paymentCourseFrequencyPeriodAndDuplicateCasesExceedTheirLimits() {
        Map<String, Integer> maxDays = new HashMap<>();
        catalog.drugPaymentCourse().forEach(r -> maxDays.putIfAbsent(r.code(), r.maxDays()));
        for (JsonNode c : cases(AnomalyKind.DRUG_PAYMENT_COURSE)) {
            String code = caseLines(c).get(0).get("med_list_codg").asText();
            Set<LocalDate> days = new HashSet<>();
            for (JsonNode l : lines.values()) {
                if (l.get("mdtrt_id").asText().equals(c.get("mdtrt_ids").get(0).asText())
                        && l.get("med_list_codg").asText().equals(code)) {
                    days.add(time(l).toLocalDate());
                }
            }
            assertTrue(days.size() > maxDays.get(code), c + " billed on " + days.size() + " days");
        }
        Map<String, Integer> maxPerUnit = new HashMap<>();
        catalog.itemFrequency().forEach(r -> maxPerUnit.putIfAbsent(r.code(), r.maxCount()));
        for (JsonNode c : cases(AnomalyKind.ITEM_FREQUENCY)) {
            List<JsonNode> ls = caseLines(c);
            String code = ls.get(0).get("med_list_codg").asText();
            int count = 0;
            LocalDateTime first = time(ls.get(0));
            for (JsonNode l : ls) {
                assertEquals(code, l.get("med_list_codg").asText());
                assertEquals(first.toLocalDate(), time(l).toLocalDate());
                assertEquals(first.getHour(), time(l).getHour());
                count += l.get("cnt").asInt();
            }
            assertTrue(count > maxPerUnit.get(code), c.toString());
        }
        for (JsonNode c : cases(AnomalyKind.ITEM_PERIOD)) {
            List<JsonNode> ls = caseLines(c);
            int max = Integer.parseInt(c.get("evidence").get("max_count").asText());
            int period = Integer.parseInt(c.get("evidence").get("period_days").asText());
            LocalDate first = time(ls.get(0)).toLocalDate();
            LocalDate last = time(ls.get(ls.size() - 1)).toLocalDate();
            assertTrue(ls.size() > max && ChronoUnit.DAYS.between(first, last) < period, c.toString());
        }
        Map<String, String> partners = new HashMap<>();
        catalog.duplicateCharges().forEach(p -> partners.put(p.mainCode() + "|" + p.subCode(), p.frequency()));
        for (JsonNode c : cases(AnomalyKind.DUPLICATE_CHARGE)) {
            List<JsonNode> ls = caseLines(c);
            String key = ls.get(0).get("med_list_codg").asText() + "|" + ls.get(1).get("med_list_codg").asText();
            assertTrue(partners.containsKey(key), c.toString());
            assertTrue(ChronoUnit.MINUTES.between(time(ls.get(0)), time(ls.get(1))) < 60, c.toString());
            assertEquals(ls.get(0).get("mdtrt_id").asText(), ls.get(1).get("mdtrt_id").asText());
        }
        for (JsonNode c : cases(AnomalyKind.SECONDARY_SURGERY)) {
            JsonNode second = caseLines(c).get(0);
            JsonNode first = lines.get(c.get("evidence").get("first_line").asText());
            assertEquals(second.get("mdtrt_id").asText(), first.get("mdtrt_id").asText());
            String group1 = null;
            String group2 = null;
            for (CatalogRecords.SurgeryGroupItem s : catalog.secondarySurgery()) {
                if (s.code().equals(first.get("med_list_codg").asText()) && s.group().equals(c.get("evidence").get("surgery_group").asText())) {
                    group1 = s.group();
                }
                if (s.code().equals(second.get("med_list_codg").asText()) && s.group().equals(c.get("evidence").get("surgery_group").asText())) {
                    group2 = s.group();
                }
            }
            assertNotNull(group1, c.toString());
            assertEquals(group1, group2);
            assertEquals(c.get("evidence").get("list_price_fen").asLong(),
                    new BigDecimal(second.get("pric").asText()).movePointRight(2).longValueExact(), "charged at full price");
        }
    }

    private static LocalDateTime settlementTime(String mdtrtId, String infno) {
        for (JsonNode m : byEncounter.get(mdtrtId)) {
            if (m.get("infno").asText().equals(infno)) {
                return LocalDateTime.parse(m.get("inf_time").asText(), DT);
            }
        }
        throw new AssertionError("no " + infno + " for " + mdtrtId);
    }

    @Test
    void patternCasesShowTheirPatterns() {
        for (JsonNode c : cases(AnomalyKind.SPLIT_ADMISSION)) {
            LocalDateTime discharge = settlementTime(c.get("mdtrt_ids").get(0).asText(), "2402");
            LocalDateTime readmission = settlementTime(c.get("mdtrt_ids").get(1).asText(), "2401");
            long gap = ChronoUnit.DAYS.between(discharge.toLocalDate(), readmission.toLocalDate());
            assertTrue(gap >= 0 && gap <= 15, c + " gap " + gap);
        }
        for (JsonNode c : cases(AnomalyKind.FREQUENT_OUTPATIENT)) {
            List<LocalDate> days = new ArrayList<>();
            for (JsonNode id : c.get("mdtrt_ids")) {
                days.add(settlementTime(id.asText(), "2207").toLocalDate());
            }
            days.sort(null);
            assertTrue(days.size() >= 10 && ChronoUnit.DAYS.between(days.get(0), days.get(days.size() - 1)) < 14, c.toString());
        }
        for (JsonNode c : cases(AnomalyKind.FREQUENT_PHARMACY)) {
            assertTrue(c.get("mdtrt_ids").size() >= 8);
            for (JsonNode id : c.get("mdtrt_ids")) {
                assertEquals("41", settlement(id.asText()).get("input").get("data").get("med_type").asText());
            }
        }
        for (JsonNode c : cases(AnomalyKind.OVERLAPPING_PRESCRIPTION)) {
            JsonNode a = caseLines(c).get(0);
            JsonNode b = caseLines(c).get(1);
            assertEquals(a.get("med_list_codg").asText(), b.get("med_list_codg").asText());
            assertFalse(lineEnvelope.get(a.get("feedetl_sn").asText()).get("fixmedins_code").asText()
                    .equals(lineEnvelope.get(b.get("feedetl_sn").asText()).get("fixmedins_code").asText()));
            LocalDate supplyEnd = time(a).toLocalDate().plusDays(a.get("prd_days").asInt());
            assertTrue(time(b).toLocalDate().isBefore(supplyEnd), c.toString());
        }
        for (JsonNode c : cases(AnomalyKind.INPATIENT_OVERLAP)) {
            LocalDateTime admission = settlementTime(c.get("mdtrt_ids").get(0).asText(), "2401");
            LocalDateTime discharge = settlementTime(c.get("mdtrt_ids").get(0).asText(), "2402");
            LocalDateTime visit = settlementTime(c.get("mdtrt_ids").get(1).asText(), "2207");
            assertTrue(visit.isAfter(admission) && visit.isBefore(discharge), c.toString());
        }
        for (JsonNode c : cases(AnomalyKind.SERVICE_AFTER_DEATH)) {
            LocalDate death = LocalDate.parse(person(c).get("baseinfo").get("die_date").asText());
            for (JsonNode l : caseLines(c)) {
                assertTrue(time(l).toLocalDate().isAfter(death), c.toString());
            }
        }
        for (JsonNode c : cases(AnomalyKind.DOCTOR_VOLUME)) {
            Map<String, Integer> perHour = new HashMap<>();
            for (JsonNode id : c.get("mdtrt_ids")) {
                JsonNode diag = byEncounter.get(id.asText()).stream().filter(m -> m.get("infno").asText().equals("2203"))
                        .findFirst().orElseThrow();
                assertEquals(c.get("doctor_code").asText(), diag.get("input").get("diseinfo").get(0).get("dise_dor_no").asText());
                perHour.merge(diag.get("input").get("mdtrtinfo").get("begntime").asText().substring(0, 13), 1, Integer::sum);
            }
            assertEquals(1, perHour.size(), perHour.toString());
            assertTrue(perHour.values().iterator().next() > 60, c.toString());
        }
        for (JsonNode c : cases(AnomalyKind.INTERNET_FIRST_VISIT)) {
            String dx = c.get("evidence").get("diagnosis").asText();
            String psn = c.get("psn_no").asText();
            for (List<JsonNode> ms : byEncounter.values()) {
                for (JsonNode m : ms) {
                    JsonNode info = m.path("input").path("mdtrtinfo");
                    if (m.get("infno").asText().equals("2203") && info.path("psn_no").asText().equals(psn)
                            && !info.path("exp_content").asText().contains("internet_flag")) {
                        assertFalse(m.get("input").get("diseinfo").get(0).get("diag_code").asText().startsWith(dx.substring(0, 3)),
                                "offline diagnosis exists for " + c);
                    }
                }
            }
        }
    }

    @Test
    void drgCasesRelateToThePaymentStandard() {
        Map<String, Long> standards = new HashMap<>();
        for (DrgStandard s : catalog.drgPayments()) {
            standards.putIfAbsent(s.city() + "|" + s.drgCode(), s.standardFen());
        }
        for (AnomalyKind kind : new AnomalyKind[] {AnomalyKind.HIGH_COST_RATIO, AnomalyKind.LOW_COST_RATIO}) {
            for (JsonNode c : cases(kind)) {
                JsonNode s = settlement(c.get("mdtrt_ids").get(0).asText());
                BigDecimal total = new BigDecimal(s.get("output").get("setlinfo").get("medfee_sumamt").asText());
                BigDecimal standard = new BigDecimal(c.get("evidence").get("standard_yuan").asText());
                assertEquals(0, total.compareTo(new BigDecimal(c.get("evidence").get("total_yuan").asText())), c.toString());
                if (kind == AnomalyKind.HIGH_COST_RATIO) {
                    assertTrue(total.compareTo(standard.multiply(BigDecimal.valueOf(3))) >= 0, c.toString());
                } else {
                    assertTrue(total.compareTo(standard.multiply(new BigDecimal("0.3"))) <= 0, c.toString());
                }
            }
        }
        Set<String> mcc = new HashSet<>();
        catalog.mccCodes().forEach(m -> mcc.add(m.code()));
        for (JsonNode c : cases(AnomalyKind.DRG_UPCODING)) {
            JsonNode discharge = byEncounter.get(c.get("mdtrt_ids").get(0).asText()).stream()
                    .filter(m -> m.get("infno").asText().equals("2402")).findFirst().orElseThrow();
            JsonNode dx = discharge.get("input").get("diseinfo");
            assertTrue(dx.size() >= 2);
            String secondary = dx.get(1).get("diag_code").asText();
            assertTrue(mcc.contains(secondary), c.toString());
            assertFalse(catalog.isExcluded(secondary, dx.get(0).get("diag_code").asText()));
        }
    }

    /**
     * Normal (unlabelled) fee lines respect the restriction tables: gender, age, institution level,
     * care setting and insurance type.
     */
    @Test
    void normalLinesRespectTheRestrictionTables() {
        Set<String> labelled = new HashSet<>();
        for (JsonNode c : truth) {
            for (JsonNode id : c.get("mdtrt_ids")) {
                labelled.add(id.asText());
            }
        }
        Map<String, String> gender = new HashMap<>();
        catalog.drugGender().forEach(r -> gender.putIfAbsent(r.code(), r.gender()));
        catalog.itemGender().forEach(r -> gender.putIfAbsent(r.code(), r.gender()));
        Map<String, List<AgeRule>> age = new HashMap<>();
        catalog.drugAge().forEach(r -> age.computeIfAbsent(r.code(), k -> new ArrayList<>()).add(r));
        catalog.itemAge().forEach(r -> age.computeIfAbsent(r.code(), k -> new ArrayList<>()).add(r));
        Map<String, Integer> minLevel = new HashMap<>();
        catalog.drugInstitutionLevel().forEach(r -> minLevel.putIfAbsent(r.code(), r.minLevel()));
        Set<String> inpatientOnly = new HashSet<>();
        catalog.drugCareSetting().forEach(r -> inpatientOnly.add(r.code()));
        Set<String> insurance = new HashSet<>();
        catalog.drugInsuranceType().forEach(r -> insurance.add(r.code()));
        Map<String, Integer> level = new HashMap<>();
        catalog.institutions().forEach(i -> level.put(i.code(), i.level()));
        int checked = 0;
        int restricted = 0;
        for (Map.Entry<String, JsonNode> e : lines.entrySet()) {
            JsonNode l = e.getValue();
            if (labelled.contains(l.get("mdtrt_id").asText())) {
                continue;
            }
            checked++;
            String code = l.get("med_list_codg").asText();
            JsonNode p = persons.get(l.get("psn_no").asText());
            JsonNode envelope = lineEnvelope.get(e.getKey());
            if (gender.containsKey(code)) {
                restricted++;
                assertEquals(gender.get(code), p.get("baseinfo").get("gend").asText(), l.toString());
            }
            for (AgeRule r : age.getOrDefault(code, List.of())) {
                restricted++;
                assertTrue(r.allows(ageDays(p, l)), l.toString());
            }
            if (minLevel.containsKey(code)) {
                restricted++;
                assertTrue(level.getOrDefault(envelope.get("fixmedins_code").asText(), 0) >= minLevel.get(code), l.toString());
            }
            if (inpatientOnly.contains(code)) {
                restricted++;
                assertEquals("2301", envelope.get("infno").asText(), l.toString());
            }
            assertFalse(insurance.contains(code), l.toString());
        }
        assertTrue(checked > 10_000, "checked " + checked);
        assertTrue(restricted > 100, "normal data should use restricted codes where allowed: " + restricted);
    }
}
