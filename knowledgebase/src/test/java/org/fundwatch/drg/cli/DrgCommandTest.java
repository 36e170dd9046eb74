package org.fundwatch.drg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fundwatch.drg.DrgCase;
import org.fundwatch.drg.DrgGrouper;
import org.fundwatch.drg.DrgResult;
import org.fundwatch.drg.TestTables;
import org.fundwatch.drg.bench.CaseMix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DrgCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cmd = new CommandLine(new DrgCommand());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    private String[] tableArgs() {
        return new String[] {"--tables", TestTables.drgDir().toString(), "--icd", TestTables.icdDir().toString()};
    }

    @Test
    void groupsTheSampleFileInInputOrder(@TempDir Path dir) throws IOException {
        Path groups = dir.resolve("groups.csv");
        Path in = TestTables.drgDir().resolve("sample-cases.csv");
        int rc = run(concat(new String[] {"group", "--in", in.toString(), "--out", groups.toString()}, tableArgs()));
        assertEquals(0, rc, err.toString());
        List<String> lines = Files.readAllLines(groups, StandardCharsets.UTF_8);
        assertEquals("Index,mdc,adrg,drg,reason", lines.get(0));
        List<String> input = Files.readAllLines(in);
        assertEquals(input.size(), lines.size());
        for (int i = 1; i < input.size(); i++) {
            String[] f = input.get(i).split(",", -1);
            String[] g = lines.get(i).split(",", -1);
            assertEquals(f[0], g[0], "order kept");
            if (!f[10].isEmpty()) {
                assertEquals(f[10], g[3], lines.get(i));
            }
        }
        assertTrue(out.toString().contains("drg group: 30 cases, 29 grouped, 1 ungroupable (1 歧义组 QY, 0 0000), 0 errors"),
                out.toString());
    }

    @Test
    void malformedRowsYieldErrorRowsNotACrash(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("cases.csv");
        Files.writeString(in, """
                Index,gender,age,ageDay,weight,dept,inHospitalTime,leavingType,ICD10_DRGS,ICD9_DRGS
                a,1,abc,,,,,,K22.301,
                b,1,50
                c,1,50,,,,,,,
                d,2,40,,,,,,"I10.x00|E11.900",
                e,1,59,21769,,,,,"K22.301,J94.801",42.0902
                """);
        Path groups = dir.resolve("out.csv");
        assertEquals(0, run(concat(new String[] {"group", "--in", in.toString(), "--out", groups.toString()}, tableArgs())));
        List<String> lines = Files.readAllLines(groups, StandardCharsets.UTF_8);
        assertEquals(6, lines.size());
        assertTrue(lines.get(1).startsWith("a,,,,") && lines.get(1).contains("age 不是整数"), lines.get(1));
        assertTrue(lines.get(2).startsWith("b,,,,") && lines.get(2).contains("缺少字段"), lines.get(2));
        assertEquals("c,,,0000,主诊断缺失", lines.get(3).replace("\"", ""));
        assertEquals("d,,,0000,主诊断为灰码 I10.x00", lines.get(4).replace("\"", ""));
        assertTrue(lines.get(5).startsWith("e,MDCG,GC1,GC1"), lines.get(5));
        assertTrue(out.toString().contains("5 cases, 1 grouped, 2 ungroupable (0 歧义组 QY, 2 0000), 2 errors"), out.toString());
    }

    @Test
    void roundTripMatchesTheGrouperForARandomMix(@TempDir Path dir) throws IOException {
        DrgGrouper grouper = new DrgGrouper(TestTables.tables());
        List<DrgCase> mix = CaseMix.build(TestTables.tables(), null, 500, 7L);
        Path in = dir.resolve("mix.csv");
        StringBuilder sb = new StringBuilder("Index,gender,age,ageDay,weight,dept,inHospitalTime,leavingType,ICD10_DRGS,ICD9_DRGS\n");
        for (DrgCase c : mix) {
            sb.append(c.id()).append(',').append(c.gender()).append(',').append(c.ageYears()).append(',')
                    .append(c.ageDays()).append(',').append(c.weightGrams() == null ? "" : c.weightGrams())
                    .append(",,,,").append(String.join("|", c.diagnoses())).append(',')
                    .append(String.join("|", c.procedures())).append('\n');
        }
        Files.writeString(in, sb);
        Path groups = dir.resolve("mix-out.csv");
        assertEquals(0, run(concat(new String[] {"group", "--in", in.toString(), "--out", groups.toString()}, tableArgs())));
        List<String> lines = Files.readAllLines(groups, StandardCharsets.UTF_8);
        assertEquals(mix.size() + 1, lines.size());
        for (int i = 0; i < mix.size(); i++) {
            DrgResult r = grouper.group(mix.get(i));
            String[] g = lines.get(i + 1).split(",", 5);
            assertEquals(List.of(mix.get(i).id(), r.mdc(), r.adrg(), r.drg()), List.of(g[0], g[1], g[2], g[3]));
        }
    }

    @Test
    void caseMixIsReproducibleAndMostlyGroupable() throws IOException {
        List<DrgCase> a = CaseMix.build(TestTables.tables(), TestTables.drgDir().resolve("sample-cases.csv"), 2000, 1L);
        List<DrgCase> b = CaseMix.build(TestTables.tables(), TestTables.drgDir().resolve("sample-cases.csv"), 2000, 1L);
        assertEquals(a, b);
        assertEquals("22058878", a.get(0).id(), "sample cases first");
        DrgGrouper grouper = new DrgGrouper(TestTables.tables());
        long grouped = a.stream().filter(c -> grouper.group(c).isGrouped()).count();
        assertTrue(grouped > 1400, "grouped " + grouped);
    }

    @Test
    void wrongUseAndFailuresHaveClearExitCodes(@TempDir Path dir) {
        assertEquals(2, run("group"));
        assertTrue(err.toString().contains("Missing required options"));
        assertEquals(2, run());
        int rc = run(concat(new String[] {"group", "--in", dir.resolve("none.csv").toString(), "--out",
                dir.resolve("o.csv").toString()}, tableArgs()));
        assertEquals(1, rc);
        assertTrue(err.toString().contains("file not found"), err.toString());
        assertEquals(1, run("group", "--in", "x.csv", "--out", "y.csv", "--tables", dir.toString(), "--icd", dir.toString()));
        assertEquals(0, run("bench", "--help"));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
