package org.fundwatch.rules.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.fundwatch.rules.source.RulePackSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackDiffTest {
    @TempDir
    Path tmp;

    private PackDiff diff(Path a, Path b) {
        return PackDiff.between(RulePackSource.load(a), RulePackSource.load(b));
    }

    @Test
    void identicalAndReformattedPacksHaveNoChanges() {
        Path a = Fixtures.writePack(tmp.resolve("a"), "1.0.0");
        Path b = Fixtures.writePack(tmp.resolve("b"), "1.0.1", Fixtures.DRL.replace("    $p :", "        // 注释\n  $p :"),
                Fixtures.metadata("明确违规", "[drug_gender]", ""), Fixtures.tests("2"));
        PackDiff d = diff(a, b);
        assertTrue(d.isEmpty(), () -> d.toString());
    }

    @Test
    void logicChangeIsToldApartFromMetadataChange() {
        Path a = Fixtures.writePack(tmp.resolve("a"), "1.0.0");
        Path logic = Fixtures.writePack(tmp.resolve("logic"), "1.1.0",
                Fixtures.DRL.replace("genderOnly != null,", "genderOnly != null, amountFen > 0,"),
                Fixtures.metadata("明确违规", "[drug_gender]", ""), Fixtures.tests("2"));
        PackDiff d1 = diff(a, logic);
        assertEquals(1, d1.changed().size());
        PackDiff.RuleChange c1 = d1.changed().get(0);
        assertTrue(c1.logic());
        assertEquals(List.of(), c1.metadataFields());
        assertFalse(c1.tests());

        Path params = Fixtures.writePack(tmp.resolve("params"), "1.1.0", Fixtures.DRL,
                Fixtures.metadata("高度可疑", "[drug_gender, prices]", "  coverage: partial\n"), Fixtures.tests("2"));
        PackDiff.RuleChange c2 = diff(a, params).changed().get(0);
        assertFalse(c2.logic());
        assertEquals(List.of("coverage", "severity", "tables"), c2.metadataFields());
        assertEquals("metadata: coverage, severity, tables", c2.describe());
    }

    @Test
    void addedRemovedAndTestChanges() {
        Path a = Fixtures.writePack(tmp.resolve("a"), "1.0.0");
        String secondRule = Fixtures.DRL + """

                rule "drug-gender-copy"
                when
                    $l : LineFact( current, medicine, genderOnly != null )
                then
                    out.line($l, "药品编码", $l.getItemCode());
                end
                """;
        String secondMeta = Fixtures.metadata("明确违规", "[drug_gender]", "") + "\n"
                + Fixtures.metadata("可疑", "[drug_gender]", "").replace("id: drug-gender", "id: drug-gender-copy")
                .replace("code: GZ10000301004000", "code: null");
        Path b = Fixtures.writePack(tmp.resolve("b"), "2.0.0", secondRule, secondMeta, Fixtures.tests("9"));
        PackDiff d = diff(a, b);
        assertEquals(List.of("drug-gender-copy"), d.added());
        assertEquals(List.of(), d.removed());
        assertEquals(1, d.changed().size());
        assertTrue(d.changed().get(0).tests());
        assertFalse(d.changed().get(0).logic());
        PackDiff back = diff(b, a);
        assertEquals(List.of("drug-gender-copy"), back.removed());
    }
}
