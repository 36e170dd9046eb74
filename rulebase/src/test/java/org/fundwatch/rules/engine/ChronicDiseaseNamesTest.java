package org.fundwatch.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.fundwatch.model.CareSetting;
import org.fundwatch.model.Diagnosis;
import org.fundwatch.model.Encounter;
import org.fundwatch.model.EncounterContext;
import org.fundwatch.model.FeeLine;
import org.fundwatch.model.Gender;
import org.fundwatch.model.ListType;
import org.fundwatch.model.Money;
import org.fundwatch.model.Patient;
import org.fundwatch.model.Phase;
import org.fundwatch.pack.ChronicDisease;
import org.fundwatch.pack.PackTable;
import org.fundwatch.rules.engine.fact.CareContextFact;
import org.junit.jupiter.api.Test;

/**
 * The chronic diseases (门诊慢特病) an encounter's diagnoses qualify for are named in the care context as the distinct
 * names, in the catalogue's order, joined with 、 — as a set of names joined in insertion order would give them — and
 * the online-prescription limit is the largest of theirs. Random diagnoses over the shipped catalogue (20 diseases,
 * distinct names: the de-duplication by name is not exercised here); a wrong separator or order fails it.
 */
class ChronicDiseaseNamesTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2025, 6, 14, 9, 0);

    @Test
    void distinctNamesInCatalogueOrder() {
        List<ChronicDisease> catalogue = TestKb.kb().table(PackTable.CHRONIC_DISEASES);
        assertTrue(catalogue.size() >= 3, "the test needs a catalogue of several diseases");
        FactBuilder builder = new FactBuilder(TestKb.kb(), KnowledgeIndex.of(TestKb.kb()));
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            List<String> codes = new ArrayList<>();
            for (int d = 1 + random.nextInt(4); d > 0; d--) {
                ChronicDisease disease = catalogue.get(random.nextInt(catalogue.size()));
                List<String> prefixes = disease.icd10Prefixes();
                codes.add(prefixes.get(random.nextInt(prefixes.size())) + (random.nextBoolean() ? ".9" : ""));
            }
            if (random.nextInt(4) == 0) {
                codes.add("Z99.9"); // a diagnosis that qualifies for nothing, in most catalogues
            }
            CareContextFact care = careOf(builder.build(context(codes)).all());
            assertEquals(expectedNames(catalogue, codes), care.getChronicDiseases(), codes.toString());
            assertEquals(expectedWeeks(catalogue, codes), care.getOnlineLimitWeeks(), codes.toString());
        }
    }

    @Test
    void noQualifyingDiagnosisNamesNothing() {
        FactBuilder builder = new FactBuilder(TestKb.kb(), KnowledgeIndex.of(TestKb.kb()));
        CareContextFact care = careOf(builder.build(context(List.of())).all());
        assertEquals("", care.getChronicDiseases());
    }

    /** The names as the engine gave them before: a LinkedHashSet of the qualifying diseases' names, joined. */
    private static String expectedNames(List<ChronicDisease> catalogue, List<String> codes) {
        Set<String> names = new LinkedHashSet<>();
        for (ChronicDisease d : catalogue) {
            if (qualifies(d, codes)) {
                names.add(d.name());
            }
        }
        return String.join("、", names);
    }

    private static int expectedWeeks(List<ChronicDisease> catalogue, List<String> codes) {
        int weeks = 0;
        for (ChronicDisease d : catalogue) {
            if (qualifies(d, codes)) {
                weeks = Math.max(weeks, d.maxOnlineWeeks());
            }
        }
        return weeks;
    }

    private static boolean qualifies(ChronicDisease d, List<String> codes) {
        return codes.stream().anyMatch(c -> d.icd10Prefixes().stream().anyMatch(c::startsWith));
    }

    private static CareContextFact careOf(List<Object> facts) {
        return facts.stream().filter(f -> f instanceof CareContextFact).map(f -> (CareContextFact) f).findFirst()
                .orElseThrow();
    }

    private static EncounterContext context(List<String> diagnosisCodes) {
        List<Diagnosis> diagnoses = new ArrayList<>();
        for (int i = 0; i < diagnosisCodes.size(); i++) {
            diagnoses.add(new Diagnosis(diagnosisCodes.get(i), "诊断" + i, i == 0, i + 1, false, NOW));
        }
        String code = "XA10BAA001A001010100001";
        FeeLine line = new FeeLine("L1", "RX1", code, "二甲双胍片", ListType.ofItemCode(code), null, null, null, null,
                BigDecimal.ONE, BigDecimal.TEN, Money.ofYuan(BigDecimal.TEN), NOW, NOW.plusDays(7), "D1", null, null, null,
                null, true, false, false, null);
        Encounter current = new Encounter("E1", "P1", null, CareSetting.OUTPATIENT, "11", "310", NOW, null, null, null,
                null, null, "D1", null, null, diagnoses, List.of(), List.of(line), null);
        return new EncounterContext(new Patient("P1", null, Gender.MALE, NOW.toLocalDate().minusYears(60), "310", null),
                List.of(current), "E1", Phase.PRE, "2", null, List.of());
    }
}
