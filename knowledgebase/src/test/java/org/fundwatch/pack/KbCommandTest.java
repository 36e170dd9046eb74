package org.fundwatch.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fundwatch.pack.cli.KbCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class KbCommandTest {
    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new KbCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void buildShowVerify(@TempDir Path tmp) throws IOException {
        Run build = run("build", "--source", TestPacks.reference().toString(), "--out", tmp.toString(),
                "--version", "test-1");
        assertEquals(0, build.exit(), build.err());
        Path pack = tmp.resolve("kb-test-1");
        assertTrue(build.out().startsWith(pack.toAbsolutePath().toString()), build.out());
        assertTrue(build.out().contains("tables/duplicate_charge.csv") && build.out().contains("900"), build.out());

        Run show = run("show", "--pack", pack.toString());
        assertEquals(0, show.exit(), show.err());
        assertTrue(show.out().contains("version        kb-test-1"), show.out());
        assertTrue(show.out().contains("tables/prices.csv"), show.out());
        assertTrue(show.out().contains("synthetic"), show.out());

        Run verify = run("verify", "--pack", pack.toString());
        assertEquals(0, verify.exit(), verify.err());
        assertTrue(verify.out().startsWith("OK kb-test-1"), verify.out());

        Files.writeString(pack.resolve("tables/extra.csv"), "x\n");
        Run broken = run("verify", "--pack", pack.toString());
        assertEquals(1, broken.exit());
        assertTrue(broken.err().contains("tables/extra.csv: unexpected file"), broken.err());
        assertTrue(!broken.err().contains("at org.fundwatch"), "no stack trace without --verbose");
    }

    @Test
    void usageErrors(@TempDir Path tmp) {
        assertEquals(2, run().exit());
        assertEquals(2, run("verify").exit(), "--pack is required");
        Run badOverride = run("build", "--source", TestPacks.reference().toString(), "--out", tmp.toString(),
                "--override", "tables/drug_gender.csv=" + tmp.resolve("x.csv"));
        assertEquals(1, badOverride.exit());
        assertTrue(badOverride.err().contains("cannot be overridden"), badOverride.err());
        Run missingSource = run("build", "--source", tmp.resolve("nope").toString(), "--out", tmp.toString());
        assertEquals(1, missingSource.exit());
        assertTrue(missingSource.err().contains("--source"), missingSource.err());
    }
}
