package org.fundwatch.stream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Usage errors of {@code fundwatch stream} exit 2 with a clear message. */
class StreamCommandTest {
    @TempDir
    Path tmp;

    private static int run(StringWriter err, String... args) {
        CommandLine cli = StreamingMain.commandLine();
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void missingInputIsAUsageError() {
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "stream", "--once"));
        assertTrue(err.toString().contains("--in"), err.toString());
    }

    @Test
    void kafkaOptionsGoTogether() {
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "stream", "--in", tmp.toString(), "--kafka-bootstrap", "localhost:9092"));
        assertTrue(err.toString().contains("--kafka-topic"), err.toString());
    }

    @Test
    void inputMustBeADirectory() {
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "stream", "--in", tmp.resolve("missing").toString(), "--once"));
        assertTrue(err.toString().contains("not a directory"), err.toString());
    }

    @Test
    void benchStreamIsRegistered() {
        StringWriter out = new StringWriter();
        CommandLine cli = StreamingMain.commandLine();
        cli.setOut(new PrintWriter(out));
        assertEquals(0, cli.execute("bench", "stream", "--help"));
        assertTrue(out.toString().contains("fee lines/s"), out.toString());
    }
}
