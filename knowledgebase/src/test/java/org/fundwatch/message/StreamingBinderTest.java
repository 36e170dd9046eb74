package org.fundwatch.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.fundwatch.codes.CodeFormat;
import org.fundwatch.generate.CsvGeneratorCatalog;
import org.fundwatch.generate.GeneratorConfig;
import org.fundwatch.generate.SyntheticDataGenerator;
import org.fundwatch.pack.PackBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-pass binder accepts only what the tree walk accepts without a problem, and binds it to an equal message:
 * on every message of a generated month, and on a fee-detail message edited in the ways HIS systems get it wrong.
 */
class StreamingBinderTest {
    @TempDir
    static Path dir;

    private static final MessageParser PARSER = new MessageParser();
    private static List<byte[]> messages;

    @BeforeAll
    static void generate() throws IOException {
        Path pack = new PackBuilder(org.fundwatch.testing.SharedReference.reference()).version("kb-test")
                .clock(Clock.fixed(Instant.parse("2025-05-01T00:00:00Z"), PackBuilder.ZONE)).build(dir.resolve("kb")).dir();
        Path out = dir.resolve("gen");
        new SyntheticDataGenerator(GeneratorConfig.of(11, 20, 1500, LocalDate.of(2025, 6, 1), 0.05),
                CsvGeneratorCatalog.load(pack)).generate(out, null);
        messages = new ArrayList<>();
        try (Stream<Path> files = Files.list(out.resolve("messages"))) {
            for (Path f : files.sorted().toList()) {
                for (String line : Files.readAllLines(f)) {
                    messages.add(line.getBytes(StandardCharsets.UTF_8));
                }
            }
        }
    }

    @Test
    void generatedMessagesBindAsTheTreeWalkBindsThem() {
        Map<String, int[]> byTransaction = new TreeMap<>(); // infno → {one pass, clean by the tree walk, all}
        for (byte[] json : messages) {
            ParseResult byTree = PARSER.parseByTree(json, tx -> true);
            String infno = byTree.transaction().map(Transaction::code).orElse("?");
            int[] counts = byTransaction.computeIfAbsent(infno, k -> new int[3]);
            counts[2]++;
            boolean clean = clean(byTree);
            counts[1] += clean ? 1 : 0;
            StreamingBinder.Bound bound = PARSER.parseInOnePass(json, tx -> true);
            if (bound != null) {
                counts[0]++;
                assertSame(byTree, bound, new String(json, StandardCharsets.UTF_8));
            }
        }
        // fee details, visits, settlements and admissions take the one pass whenever they are clean (2207/2401 carry
        // the platform's output, a member the request schema does not know: both paths list it)
        for (String infno : List.of("2204", "2301", "2203", "2207", "2304", "2401", "2402")) {
            int[] c = byTransaction.get(infno);
            assertNotNull(c, infno + " in " + byTransaction.keySet());
            assertTrue(c[1] > 0.9 * c[2], infno + " mostly clean: " + c[1] + " of " + c[2]);
            assertEquals(c[1], c[0], infno + ": every clean message bound in one pass");
        }
        // 3101 carries records with cross-field checks (trig_scen or rule_ids …): declined at once, at its infno
        assertEquals(0, byTransaction.get("3101")[0]);
    }

    @Test
    void editedFeeDetailsTakeTheTreeWalkExactlyWhenItFindsSomething() throws IOException {
        byte[] original = messages.stream().filter(m -> new String(m, 0, 20, StandardCharsets.UTF_8).contains("2204"))
                .findFirst().orElseThrow();
        List<String> accepted = new ArrayList<>();
        List<String> declined = new ArrayList<>();
        Map<String, UnaryOperator<String>> edits = new java.util.LinkedHashMap<>();
        edits.put("as generated", s -> s);
        edits.put("amount off by a yuan", tree(t -> line(t).put("det_item_fee_sumamt", line(t).get("det_item_fee_sumamt")
                .decimalValue().add(java.math.BigDecimal.ONE))));
        edits.put("amount off by less than a fen", tree(t -> line(t).put("det_item_fee_sumamt", line(t)
                .get("det_item_fee_sumamt").decimalValue().add(new java.math.BigDecimal("0.004")))));
        edits.put("cnt as text", tree(t -> line(t).put("cnt", line(t).get("cnt").asText())));
        edits.put("cnt not a number", tree(t -> line(t).put("cnt", "abc")));
        edits.put("cnt with an exponent", s -> s.replaceFirst("\"cnt\":([0-9]+)", "\"cnt\":$1e0"));
        edits.put("pric with trailing zeros", tree(t -> line(t).put("pric", new java.math.BigDecimal(
                line(t).get("pric").asText() + "00"))));
        edits.put("unknown member", tree(t -> line(t).put("not_a_field", "x")));
        edits.put("unknown envelope member", tree(t -> t.put("mode", "test")));
        edits.put("unknown envelope object", tree(t -> t.putObject("output").putObject("setlinfo").put("setl_id", "S1")));
        edits.put("unknown envelope member twice", s -> s.replaceFirst("\"infno\":", "\"mode\":1,\"mode\":[2],\"infno\":"));
        edits.put("unknown envelope member malformed", s -> s.substring(0, s.length() - 1) + ",\"output\":{\"a\":}}");
        edits.put("member twice", s -> s.replaceFirst("\"med_type\":", "\"med_type\":\"11\",\"med_type\":"));
        edits.put("required psn_no missing", tree(t -> line(t).remove("psn_no")));
        edits.put("required psn_no blank", tree(t -> line(t).put("psn_no", "  ")));
        edits.put("required psn_no null", tree(t -> line(t).putNull("psn_no")));
        edits.put("psn_no as a number", tree(t -> line(t).put("psn_no", 42)));
        edits.put("psn_no with blanks around", tree(t -> line(t).put("psn_no", " " + line(t).get("psn_no").asText() + " ")));
        edits.put("optional text blank", tree(t -> line(t).put("memo", "")));
        edits.put("optional text null", tree(t -> line(t).putNull("memo")));
        edits.put("optional decimal blank", tree(t -> line(t).put("prd_days", "")));
        edits.put("optional decimal as text", tree(t -> line(t).put("prd_days", "7")));
        edits.put("flag as number", tree(t -> line(t).put("rx_circ_flag", 1)));
        edits.put("flag as boolean", tree(t -> line(t).put("rx_circ_flag", true)));
        edits.put("flag not a flag", tree(t -> line(t).put("rx_circ_flag", "2")));
        edits.put("time not a time", tree(t -> line(t).put("fee_ocur_time", "2025-06-31 08:00:00")));
        edits.put("time with a T", tree(t -> line(t).put("fee_ocur_time",
                line(t).get("fee_ocur_time").asText().replace(' ', 'T'))));
        edits.put("code of a bad form", tree(t -> line(t).put("med_list_codg", "X12")));
        edits.put("extension blank", tree(t -> line(t).put("exp_content", "")));
        edits.put("extension object", tree(t -> line(t).putObject("exp_content").put("internet_flag", "1")));
        edits.put("extension null", tree(t -> line(t).putNull("exp_content")));
        edits.put("extension text", tree(t -> line(t).put("exp_content", "x")));
        edits.put("feedetail one object", tree(t -> ((ObjectNode) t.get("input")).set("feedetail", line(t))));
        edits.put("feedetail empty", tree(t -> ((ObjectNode) t.get("input")).putArray("feedetail")));
        edits.put("feedetail with a null", tree(t -> ((ArrayNode) t.get("input").get("feedetail")).addNull()));
        edits.put("feedetail with text", tree(t -> ((ArrayNode) t.get("input").get("feedetail")).add("x")));
        edits.put("input before infno", tree(t -> {
            String infno = t.remove("infno").asText();
            t.put("infno", infno);
        }));
        edits.put("infno with a blank", tree(t -> t.put("infno", " 2204")));
        edits.put("unknown infno", tree(t -> t.put("infno", "9999")));
        edits.put("inf_time not a time", tree(t -> t.put("inf_time", "yesterday")));
        edits.put("msgid missing", tree(t -> t.remove("msgid")));
        edits.put("trailing tokens", s -> s + " {}");
        edits.put("truncated", s -> s.substring(0, s.length() / 2));
        edits.put("byte order mark", s -> "\uFEFF" + s);
        edits.put("not an object", s -> "[" + s + "]");
        String text = new String(original, StandardCharsets.UTF_8);
        for (var edit : edits.entrySet()) {
            byte[] json = edit.getValue().apply(text).getBytes(StandardCharsets.UTF_8);
            ParseResult byTree = PARSER.parseByTree(json, tx -> true);
            StreamingBinder.Bound bound = PARSER.parseInOnePass(json, tx -> true);
            boolean clean = clean(byTree);
            if (bound != null) {
                assertSame(byTree, bound, edit.getKey());
                accepted.add(edit.getKey());
            } else {
                declined.add(edit.getKey());
            }
            // what parse() returns is the tree walk's result whenever the walk found something
            ParseResult parsed = PARSER.parse(json);
            assertEquals(byTree.problems(), parsed.problems(), edit.getKey());
            assertEquals(byTree.unknownFields(), parsed.unknownFields(), edit.getKey());
            assertEquals(byTree.message(), parsed.message(), edit.getKey());
            if (!clean) {
                assertNull(bound, edit.getKey() + ": " + byTree.problems() + byTree.unknownFields());
            }
        }
        // the common variants of a clean message take the one pass (a binder that always declines fails here)
        assertTrue(accepted.containsAll(List.of("as generated", "amount off by less than a fen", "cnt as text",
                "pric with trailing zeros", "optional text blank", "optional text null", "optional decimal blank",
                "optional decimal as text", "flag as number", "flag as boolean", "time with a T", "extension object",
                "psn_no with blanks around", "byte order mark", "unknown envelope member", "unknown envelope object")),
                "accepted " + accepted + ", declined " + declined);
        assertTrue(declined.containsAll(List.of("unknown member", "unknown envelope member twice",
                "unknown envelope member malformed", "input before infno")), "declined " + declined);
    }

    /**
     * The one pass tries first the member that followed the previous one last time, and compares names byte by byte:
     * messages whose members come in other orders (another hospital's system), interleaved with the generator's order,
     * must bind exactly as the tree walk binds them. A prediction trusted without its comparison fails this.
     */
    @Test
    void membersInAnyOrderBindAsTheTreeWalkBindsThem() throws IOException {
        java.util.Random random = new java.util.Random(7);
        int shuffled = 0;
        for (String infno : List.of("2204", "2301", "2203", "2207")) {
            List<byte[]> samples = messages.stream()
                    .filter(m -> new String(m, 0, 20, StandardCharsets.UTF_8).contains("\"" + infno + "\""))
                    .filter(m -> clean(PARSER.parseByTree(m, tx -> true))).limit(20).toList();
            assertTrue(samples.size() >= 5, infno + ": " + samples.size());
            for (byte[] json : samples) {
                for (int round = 0; round < 3; round++) {
                    byte[] edited = round == 1 ? json : reordered(json, random);
                    ParseResult byTree = PARSER.parseByTree(edited, tx -> true);
                    StreamingBinder.Bound bound = PARSER.parseInOnePass(edited, tx -> true);
                    assertNotNull(bound, infno + " round " + round);
                    assertSame(byTree, bound, new String(edited, StandardCharsets.UTF_8));
                    shuffled += round == 1 ? 0 : 1;
                }
            }
        }
        assertTrue(shuffled >= 40, "reordered messages: " + shuffled);
    }

    /** {@code json} with the members of every object in random order, except the envelope's infno (read first). */
    private static byte[] reordered(byte[] json, java.util.Random random) throws IOException {
        ObjectNode shuffled = (ObjectNode) reorderedNode(NationalJson.mapper().readTree(json), random);
        ObjectNode out = NationalJson.mapper().createObjectNode();
        out.set("infno", shuffled.get("infno"));
        out.setAll(shuffled); // infno keeps its place at the front
        return NationalJson.mapper().writeValueAsBytes(out);
    }

    private static com.fasterxml.jackson.databind.JsonNode reorderedNode(com.fasterxml.jackson.databind.JsonNode node,
                                                                         java.util.Random random) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            java.util.Collections.shuffle(names, random);
            ObjectNode out = NationalJson.mapper().createObjectNode();
            for (String name : names) {
                out.set(name, reorderedNode(node.get(name), random));
            }
            return out;
        }
        if (node.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode out = NationalJson.mapper().createArrayNode();
            node.forEach(e -> out.add(reorderedNode(e, random)));
            return out;
        }
        return node;
    }

    @Test
    void catalogueMembershipIsCheckedInTheOnePassToo() {
        byte[] fee = messages.stream().filter(m -> new String(m, 0, 20, StandardCharsets.UTF_8).contains("2204"))
                .findFirst().orElseThrow();
        // a catalogue that knows no service item: the tree walk warns, so the one pass must decline
        MessageParser strict = new MessageParser(Map.of(CodeFormat.SERVICE_ITEM, new EmptyCatalog(),
                CodeFormat.DRUG, new EmptyCatalog(), CodeFormat.CONSUMABLE, new EmptyCatalog()));
        assertNull(strict.parseInOnePass(fee, tx -> true));
        assertTrue(strict.parse(fee).warnings().size() > 0);
        assertNotNull(PARSER.parseInOnePass(fee, tx -> true));
    }

    @Test
    void transactionsTheCallerDoesNotBindKeepTheirTree() {
        byte[] fee = messages.stream().filter(m -> new String(m, 0, 20, StandardCharsets.UTF_8).contains("2204"))
                .findFirst().orElseThrow();
        ParseResult unbound = PARSER.parse(fee, tx -> false);
        assertTrue(unbound.isOk() && !unbound.isBound() && unbound.tree().isPresent());
        ParseResult bound = PARSER.parse(fee);
        assertTrue(bound.isBound() && bound.tree().isEmpty());
    }

    /** What the one pass accepts: no problem, and unknown members (if any) only on the envelope. */
    private static boolean clean(ParseResult byTree) {
        return byTree.isOk() && byTree.problems().isEmpty()
                && byTree.unknownFields().stream().allMatch(path -> path.lastIndexOf('.') == 1 && path.indexOf('[') < 0);
    }

    private static void assertSame(ParseResult byTree, StreamingBinder.Bound bound, String what) {
        assertTrue(byTree.isOk(), what + ": accepted by the one pass, rejected by the tree walk: " + byTree.problems());
        assertEquals(List.of(), byTree.problems(), what);
        assertEquals(byTree.unknownFields(), bound.unknownFields(), what);
        assertEquals(byTree.transaction().orElseThrow(), bound.transaction(), what);
        assertEquals(byTree.message().orElseThrow(), bound.request(), what);
    }

    private static ObjectNode line(ObjectNode root) {
        return (ObjectNode) root.get("input").get("feedetail").get(0);
    }

    private static UnaryOperator<String> tree(Consumer<ObjectNode> edit) {
        return s -> {
            try {
                ObjectNode root = (ObjectNode) NationalJson.mapper().readTree(s);
                edit.accept(root);
                return NationalJson.mapper().writeValueAsString(root);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** A code catalogue without a single code. */
    private static final class EmptyCatalog implements org.fundwatch.codes.CodeCatalog {
        @Override
        public String system() {
            return "empty";
        }

        @Override
        public java.util.Optional<String> name(String code) {
            return java.util.Optional.empty();
        }

        @Override
        public int size() {
            return 0;
        }
    }
}
