package org.fundwatch.rules.pack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.fundwatch.rules.source.DrlFile;
import org.fundwatch.rules.source.RulePackSource;
import org.fundwatch.rules.source.RuleTestCase;

/**
 * What changed between two rule packs: rules added, removed and changed, where a change is told apart as
 * <em>logic</em> (the rule's DRL text, whitespace and comments ignored), <em>metadata</em> (named fields of its
 * metadata entry: severity, tables, effective dates, scenes …) and <em>tests</em>; plus pack-level changes
 * (kb compatibility, description, owner).
 */
public record PackDiff(String from, String to, List<String> added, List<String> removed, List<RuleChange> changed,
                       List<String> packFields) {

    /** A rule present in both packs that differs. */
    public record RuleChange(String ruleId, boolean logic, List<String> metadataFields, boolean tests) {
        /** Human-readable summary: {@code logic (DRL); metadata: severity, tables; tests}. */
        public String describe() {
            List<String> parts = new ArrayList<>();
            if (logic) {
                parts.add("logic (DRL)");
            }
            if (!metadataFields.isEmpty()) {
                parts.add("metadata: " + String.join(", ", metadataFields));
            }
            if (tests) {
                parts.add("tests");
            }
            return String.join("; ", parts);
        }
    }

    /** Whether the packs define the same rules, metadata and tests. */
    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty() && packFields.isEmpty();
    }

    /** Compares pack {@code a} (older) with {@code b} (newer). */
    public static PackDiff between(RulePackSource a, RulePackSource b) {
        Map<String, String> logicA = ruleTexts(a);
        Map<String, String> logicB = ruleTexts(b);
        Map<String, JsonNode> metaA = MetadataEntries.read(a.dir());
        Map<String, JsonNode> metaB = MetadataEntries.read(b.dir());
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<RuleChange> changed = new ArrayList<>();
        TreeSet<String> ids = new TreeSet<>(logicA.keySet());
        ids.addAll(logicB.keySet());
        for (String id : ids) {
            if (!logicA.containsKey(id)) {
                added.add(id);
            } else if (!logicB.containsKey(id)) {
                removed.add(id);
            } else {
                boolean logic = !logicA.get(id).equals(logicB.get(id));
                List<String> fields = changedFields(metaA.get(id), metaB.get(id));
                boolean tests = !testNodes(a.testsOf(id)).equals(testNodes(b.testsOf(id)));
                if (logic || !fields.isEmpty() || tests) {
                    changed.add(new RuleChange(id, logic, fields, tests));
                }
            }
        }
        List<String> packFields = new ArrayList<>();
        if (!Objects.equals(a.info().kbCompatible(), b.info().kbCompatible())) {
            packFields.add("kb_compatible");
        }
        if (!Objects.equals(a.info().description(), b.info().description())) {
            packFields.add("description");
        }
        if (!Objects.equals(a.info().owner(), b.info().owner())) {
            packFields.add("owner");
        }
        return new PackDiff(a.info().name() + "/" + a.info().version(), b.info().name() + "/" + b.info().version(),
                added, removed, changed, packFields);
    }

    /** Names of top-level fields whose values differ (line positions are not part of the entry). */
    static List<String> changedFields(JsonNode a, JsonNode b) {
        TreeSet<String> names = new TreeSet<>();
        if (a != null) {
            a.fieldNames().forEachRemaining(names::add);
        }
        if (b != null) {
            b.fieldNames().forEachRemaining(names::add);
        }
        List<String> out = new ArrayList<>();
        for (String name : names) {
            JsonNode x = a == null ? null : a.get(name);
            JsonNode y = b == null ? null : b.get(name);
            boolean xMissing = x == null || x.isNull();
            boolean yMissing = y == null || y.isNull();
            if (xMissing != yMissing || (!xMissing && !x.equals(y))) {
                out.add(name);
            }
        }
        return out;
    }

    private static List<JsonNode> testNodes(List<RuleTestCase> cases) {
        List<JsonNode> out = new ArrayList<>();
        for (RuleTestCase c : cases) {
            out.add(c.given());
            out.addAll(c.history());
            out.add(com.fasterxml.jackson.databind.node.TextNode.valueOf(c.name() + "|" + c.phase() + "|"
                    + c.triggerScenario() + "|" + c.fires() + "|" + c.lineIds()));
        }
        return out;
    }

    /** Rule id → its DRL text from the {@code rule} line to its {@code end}, normalised (see {@link #normalise}). */
    static Map<String, String> ruleTexts(RulePackSource source) {
        Map<String, String> out = new LinkedHashMap<>();
        for (DrlFile file : source.drlFiles()) {
            String[] lines = file.text().split("\n", -1);
            for (DrlFile.DeclaredRule rule : file.rules()) {
                StringBuilder body = new StringBuilder();
                for (int i = Math.max(0, rule.line() - 1); i < lines.length; i++) {
                    body.append(lines[i]).append('\n');
                    if (i > rule.line() - 1 && lines[i].strip().equals("end")) {
                        break;
                    }
                }
                out.put(rule.name(), normalise(body.toString()));
            }
            // Shared declarations (imports, functions, globals) change every rule of the file.
            String header = normalise(preamble(file));
            out.replaceAll((id, text) -> file.rules().stream().anyMatch(r -> r.name().equals(id))
                    ? header + "\n--\n" + text : text);
        }
        return out;
    }

    private static String preamble(DrlFile file) {
        int first = file.rules().stream().mapToInt(DrlFile.DeclaredRule::line).min().orElse(Integer.MAX_VALUE);
        StringBuilder out = new StringBuilder();
        Iterator<String> lines = List.of(file.text().split("\n", -1)).iterator();
        for (int i = 1; lines.hasNext() && i < first; i++) {
            out.append(lines.next()).append('\n');
        }
        return out.toString();
    }

    /** Drops comments, blank lines and indentation, so that reformatting is not a logic change. */
    static String normalise(String drl) {
        String noBlock = drl.replaceAll("(?s)/\\*.*?\\*/", "");
        StringBuilder out = new StringBuilder();
        for (String line : noBlock.split("\n")) {
            String l = line.replaceAll("(^|\\s)//.*$", "").strip().replaceAll("\\s+", " ");
            if (!l.isEmpty()) {
                out.append(l).append('\n');
            }
        }
        return out.toString();
    }
}
