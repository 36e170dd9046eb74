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

class GenerateCommandTest {
    @TempDir
    Path tmp;

    /** {@code <shared>/reference} (see {@link org.fundwatch.pack.PackBuilder#defaultSource()}). */
    private static Path reference() {
        return org.fundwatch.pack.PackBuilder.defaultSource();
    }

    private int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = new CommandLine(new GenerateCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void generatesIntoTheOutputDirectoryAndPrintsRecordsPerSecond() throws Exception {
        Path pack = new PackBuilder(reference()).version("kb-cli-test")
                .clock(Clock.fixed(Instant.parse("2025-05-01T00:00:00Z"), PackBuilder.ZONE)).build(tmp.resolve("kb")).dir();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path dir = tmp.resolve("out");
        int code = run(out, err, "--seed", "5", "--days", "10", "--patients", "300", "--out", dir.toString(),
                "--pack", pack.toString(), "--start", "2025-07-01");
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("records/s"), out.toString());
        assertTrue(Files.exists(dir.resolve("messages/2025-07-01.jsonl")));
        assertTrue(Files.exists(dir.resolve("ground-truth.jsonl")));
        assertTrue(Files.exists(dir.resolve("persons.jsonl")));
        assertTrue(Files.readString(dir.resolve("summary.json")).contains("\"seed\" : 5"));
    }

    @Test
    void usageErrorsExitTwoAndMissingPackExitsOne() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(2, run(out, err, "--seed", "1", "--days", "10"));
        assertEquals(2, run(out, err, "--seed", "1", "--days", "0", "--patients", "10", "--out", tmp.toString()));
        StringWriter err2 = new StringWriter();
        assertEquals(1, run(out, err2, "--seed", "1", "--days", "3", "--patients", "10", "--out", tmp.resolve("o").toString(),
                "--pack", tmp.resolve("missing").toString()));
        assertTrue(err2.toString().contains("knowledge pack"), err2.toString());
        assertTrue(!err2.toString().contains("\tat "), "no stack trace without --verbose");
    }
}
