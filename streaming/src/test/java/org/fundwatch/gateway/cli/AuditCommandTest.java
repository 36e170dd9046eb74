package org.fundwatch.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fundwatch.stream.cli.StreamingMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code fundwatch audit}: one response per line, in order, garbage answered with infcode -1. */
class AuditCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyLineGetsAResponseInOrder(@TempDir Path dir) throws Exception {
        String sample = JSON.writeValueAsString(JSON.readTree(AuditFixtures.sample()));
        Path in = dir.resolve("requests.jsonl");
        Path out = dir.resolve("responses.jsonl");
        byte[] gbk = "{\"infno\":\"3101\",\"opter_name\":\"张医生\"}".getBytes("GBK");
        try (var o = Files.newOutputStream(in)) {
            o.write((sample + "\n" + "this is not json\n" + "\n").getBytes(StandardCharsets.UTF_8));
            o.write(gbk);
            o.write(("\n" + sample + "\n").getBytes(StandardCharsets.UTF_8));
        }
        CommandLine cli = StreamingMain.commandLine();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        cli.setErr(new java.io.PrintWriter(err, true));
        int code = cli.execute("audit", "--in", in.toString(), "--out", out.toString(), "--kb", AuditFixtures.kbDir().toString(),
                "--pack", AuditFixtures.nationalPack().toString(), "--registry", dir.resolve("empty-registry").toString());
        assertEquals(0, code, err::toString);
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals(5, lines.size(), () -> String.join("\n", lines));
        JsonNode first = JSON.readTree(lines.get(0));
        assertEquals(0, first.path("infcode").asInt(), lines.get(0));
        assertTrue(lines.get(0).contains("药品区分性别使用"), lines.get(0));
        JsonNode garbage = JSON.readTree(lines.get(1));
        assertEquals(-1, garbage.path("infcode").asInt());
        assertTrue(garbage.path("err_msg").asText().contains("JSON"), lines.get(1));
        assertEquals(-1, JSON.readTree(lines.get(2)).path("infcode").asInt());
        assertTrue(JSON.readTree(lines.get(3)).path("err_msg").asText().contains("UTF-8"), lines.get(3));
        assertEquals(first.path("output"), JSON.readTree(lines.get(4)).path("output"));
    }

    @Test
    void missingInputIsAUsageError() {
        assertEquals(2, StreamingMain.commandLine().execute("audit", "--out", "x.jsonl"));
    }
}
