package org.fundwatch.rules.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.fundwatch.generate.CsvGeneratorCatalog;
import org.fundwatch.generate.GeneratorConfig;
import org.fundwatch.generate.SyntheticDataGenerator;
import org.fundwatch.message.MessageParser;
import org.fundwatch.message.NationalJson;
import org.fundwatch.message.ParseResult;
import org.fundwatch.message.admission.OutpatientVisitInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bound 2203 merges into the same encounter information as its tree (the stream reads 2203 bound). */
class OutpatientVisitMergeTest {
    @Test
    void boundAndTreeMergesAgreeOnAMonthOfVisits(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("data");
        new SyntheticDataGenerator(GeneratorConfig.of(5, 30, 2000, LocalDate.of(2025, 6, 1), 0.05),
                CsvGeneratorCatalog.load(Fixtures.kb().dir())).generate(out, n -> { });
        MessageParser parser = new MessageParser();
        int visits = 0;
        int chronic = 0;
        int internet = 0;
        try (Stream<Path> files = Files.list(out.resolve("messages"))) {
            for (Path f : files.sorted().toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (!line.startsWith("{\"infno\":\"2203\"")) {
                        continue;
                    }
                    JsonNode tree = NationalJson.mapper().readTree(line);
                    String institution = tree.path("fixmedins_code").asText(null);
                    EncounterAssembler.Info fromTree = new EncounterAssembler.Info();
                    fromTree.merge(EncounterAssembler.encounterInfoNode(tree.path("input")), tree.path("input").path("diseinfo"),
                            institution);
                    ParseResult parsed = parser.parse(line.getBytes(StandardCharsets.UTF_8));
                    EncounterAssembler.Info bound = new EncounterAssembler.Info();
                    bound.merge(parsed.request(OutpatientVisitInput.class).input(), institution);
                    assertEquals(describe(fromTree), describe(bound), line);
                    visits++;
                    chronic += "14".equals(fromTree.medType) ? 1 : 0;
                    internet += fromTree.internet ? 1 : 0;
                }
            }
        }
        assertTrue(visits > 1000 && chronic > 0 && internet > 0, visits + " visits, " + chronic + " 门诊慢特病, "
                + internet + " internet");
    }

    private static List<Object> describe(EncounterAssembler.Info i) {
        return List.of(String.valueOf(i.medType), String.valueOf(i.begin), String.valueOf(i.end),
                String.valueOf(i.mainDiagnosisCode), String.valueOf(i.mainDiagnosisName), i.internet,
                String.valueOf(i.personNo), String.valueOf(i.institutionCode), List.copyOf(i.diagnoses.values()));
    }

    @Test
    void chronicDiseaseCodesAreTheMPlusFiveDigitsForm() {
        assertTrue(EncounterAssembler.isChronicDiseaseCode("M05800"));
        for (String notOne : List.of("M0580", "M058000", "N05800", "M05a00", "I10.x00", "M１2345")) {
            assertTrue(!EncounterAssembler.isChronicDiseaseCode(notOne), notOne);
        }
    }
}
