package org.fundwatch.rules.engine;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.fundwatch.rules.source.RulePackException;
import org.fundwatch.rules.source.RulePackSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken packs are rejected with file:line messages. */
class PackRejectionTest {
    @TempDir
    Path dir;

    private static final String GOOD = """
            rule "r1"
            when
                $l : LineFact( current )
            then
                out.line($l, "k", "v");
            end
            """;

    @Test
    void drlSyntaxErrorNamesFileAndLine() {
        String drl = TestPacksDir.HEADER + GOOD + """
                rule "r2"
                when
                    $l : LineFact( current ==
                then
                end
                """;
        RulePackException e = assertThrows(RulePackException.class, () -> RulePackSource.load(
                TestPacksDir.write(dir, drl, TestPacksDir.meta("r1") + TestPacksDir.meta("r2"))));
        assertTrue(e.problems().stream().anyMatch(p -> p.matches("rules/t\\.drl:1[0-9]: .*")), e.problems().toString());
    }

    @Test
    void ruleWithoutMetadataIsRejected() {
        String drl = TestPacksDir.HEADER + GOOD + GOOD.replace("\"r1\"", "\"r2\"");
        RulePackException e = assertThrows(RulePackException.class,
                () -> RulePackSource.load(TestPacksDir.write(dir, drl, TestPacksDir.meta("r1"))));
        assertTrue(e.problems().contains("rules/t.drl:11: rule \"r2\" has no metadata entry in rules/t.rules.yaml "
                + "(add one with id: r2)"), e.problems().toString());
    }

    @Test
    void metadataWithoutSeverityIsRejected() {
        String meta = TestPacksDir.meta("r1").replace("  severity: 明确违规\n", "");
        RulePackException e = assertThrows(RulePackException.class,
                () -> RulePackSource.load(TestPacksDir.write(dir, TestPacksDir.HEADER + GOOD, meta)));
        assertTrue(e.problems().contains("rules/t.rules.yaml:1: rule r1: missing 'severity'"), e.problems().toString());
    }

    @Test
    void typeErrorIsRejectedByCompile() {
        String drl = TestPacksDir.HEADER + GOOD.replace("LineFact( current )", "LineFact( noSuchField == 1 )");
        RulePackSource source = RulePackSource.load(TestPacksDir.write(dir, drl, TestPacksDir.meta("r1")));
        RulePackException e = assertThrows(RulePackException.class, () -> RuleEngine.compile(source, TestKb.kb()));
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("rules/t.drl:")), e.problems().toString());
    }
}
