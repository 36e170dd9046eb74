package org.fundwatch.rules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Wrong use of {@code rules bench} is a usage error (exit 2) with a message; no benchmark runs. */
class RulesBenchCommandTest {
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cmd = new CommandLine(new RulesCommand());
        cmd.setErr(new PrintWriter(err, true));
        cmd.setOut(new PrintWriter(new StringWriter(), true));
        return cmd.execute(args);
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(2, run("bench", "--fast"));
        assertTrue(err.toString().contains("--fast"), err.toString());
    }

    @Test
    void iterationsMustBePositive() {
        assertEquals(2, run("bench", "--iterations", "0"));
        assertTrue(err.toString().contains("--iterations >= 1"), err.toString());
    }

    @Test
    void nonNumericSecondsIsAUsageError() {
        assertEquals(2, run("bench", "--seconds", "two"));
        assertTrue(err.toString().contains("--seconds"), err.toString());
    }

    @Test
    void missingPackIsAUsageError(@TempDir Path tmp) {
        assertEquals(2, run("bench", "--pack", tmp.resolve("nope").toString()));
        assertTrue(err.toString().contains("rule pack not found"), err.toString());
    }

    @Test
    void missingKnowledgePackFailsWithWhatToDo(@TempDir Path tmp) {
        // a real pack directory (any directory passes the pack check), a knowledge pack that does not exist
        assertEquals(1, run("bench", "--pack", tmp.toString(), "--kb", tmp.resolve("no-kb").toString(), "--quick"));
        assertTrue(err.toString().contains("knowledge pack not found"), err.toString());
    }

    @Test
    void theForkGetsTheThroughputCollectorUnlessAnotherIsChosen() {
        assertEquals(List.of("-XX:+UseParallelGC"), RulesBenchCommand.forkArgs(List.of()));
        assertEquals(List.of("-XX:+UseParallelGC", "-Xmx2g"), RulesBenchCommand.forkArgs(List.of("-Xmx2g")));
        assertEquals(List.of("-XX:+UseZGC"), RulesBenchCommand.forkArgs(List.of("-XX:+UseZGC")));
        assertEquals(List.of("-Xmx2g", "-XX:+UseG1GC"), RulesBenchCommand.forkArgs(List.of("-Xmx2g", "-XX:+UseG1GC")));
    }

    @Test
    void withoutAChoiceTheForkKeepsTheCollectorThisJvmWasStartedWith() {
        assertEquals(List.of("-XX:+UseG1GC"), RulesBenchCommand.forkArgs(List.of(), List.of("-Xmx4g", "-XX:+UseG1GC")));
        assertEquals(List.of("-XX:+UseZGC"), RulesBenchCommand.forkArgs(List.of("-XX:+UseZGC"), List.of("-XX:+UseG1GC")));
        assertEquals(List.of("-XX:+UseParallelGC"), RulesBenchCommand.forkArgs(List.of(), List.of("-XX:-UseG1GC")));
    }

    @Test
    void theForksCollectorReplacesThisJvmsCollector() {
        assertEquals(List.of("-Xmx4g", "-Dfundwatch.home=/x", "-XX:+UseG1GC"), RulesBenchCommand.forkJvm(
                List.of("-XX:+UseParallelGC", "-Xmx4g", "-Dfundwatch.home=/x"), List.of("-XX:+UseG1GC")));
        assertEquals(List.of("-Xmx4g", "-XX:+UseParallelGC"), RulesBenchCommand.forkJvm(
                List.of("-Xmx4g", "-XX:-UseG1GC"), RulesBenchCommand.forkArgs(List.of())));
    }

    @Test
    void figuresNameTheCollectorTheyWereMeasuredUnder() {
        assertEquals("Parallel GC", RulesBenchCommand.collectorOf(RulesBenchCommand.forkArgs(List.of())));
        assertEquals("G1 GC", RulesBenchCommand.collectorOf(List.of("-XX:+UseZGC", "-XX:+UseG1GC")));
        assertEquals("JVM default collector", RulesBenchCommand.collectorOf(List.of("-Xmx2g")));
        assertTrue(RulesBenchCommand.collectorOfThisJvm().endsWith("GC")
                || RulesBenchCommand.collectorOfThisJvm().equals("JVM default collector"));
    }

    @Test
    void helpListsTheOptions() {
        StringWriter out = new StringWriter();
        CommandLine cmd = new CommandLine(new RulesCommand());
        cmd.setOut(new PrintWriter(out, true));
        assertEquals(0, cmd.execute("bench", "--help"));
        assertTrue(out.toString().contains("--quick") && out.toString().contains("--iterations"), out.toString());
    }
}
