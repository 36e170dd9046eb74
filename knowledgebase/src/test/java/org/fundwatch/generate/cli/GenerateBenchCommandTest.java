package org.fundwatch.generate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

import org.fundwatch.pack.PackBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateBenchCommandTest {
    @TempDir
    Path tmp;

    private static Path reference() {
        String property = System.getProperty("fundwatch.shared");
        for (Path c : new Path[] {property == null ? null : Path.of(property), Path.of("/work/shared"), Path.of("..", "shared")}) {
            if (c != null && Files.isDirectory(c.resolve("reference/two-libraries"))) {
                return c.resolve("reference");
            }
        }
        throw new IllegalStateException("shared reference not found");
    }

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = new CommandLine(new GenerateBenchCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void quickRunPrintsExactlyOneRecordsPerSecondLine() {
        Path pack = new PackBuilder(reference()).version("kb-bench-test")
                .clock(Clock.fixed(Instant.parse("2025-05-01T00:00:00Z"), PackBuilder.ZONE)).build(tmp.resolve("kb")).dir();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, "--warmup", "0", "--iterations", "1", "--seconds", "1",
                "--patients", "500", "--days", "3", "--pack", pack.toString());
        assertEquals(0, code, err.toString());
        String[] lines = out.toString().strip().split("\\R");
        assertEquals(1, lines.length, out.toString());
        assertTrue(lines[0].matches("generator: [1-9][0-9,]* records/s \\(single thread\\)"), lines[0]);
    }

    @Test
    void badOptionsExitTwoAndMissingPackExitsOne() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(2, run(out, err, "--iterations", "0", "--pack", tmp.toString()));
        assertEquals(2, run(out, err, "--patients", "many"));
        assertEquals(1, run(out, err, "--pack", tmp.resolve("missing").toString()));
        assertTrue(err.toString().contains("knowledge pack not found"), err.toString());
    }
}
