package org.fundwatch.rules.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.fundwatch.model.Phase;

/**
 * A rule pack's source directory, read and checked: {@code pack.yaml}, every {@code rules/*.drl} with its
 * {@code rules/*.rules.yaml} metadata, and {@code tests/*.yaml}. Immutable.
 *
 * <p>{@link #load(Path)} collects every problem before failing and reports each as {@code file:line: message}:
 * unreadable YAML, missing or invalid metadata fields, DRL syntax errors, a DRL rule without metadata (or metadata
 * without a rule), duplicate ids, tests for unknown rules. It does not compile the DRL (that is
 * {@code RuleEngine.compile}) nor require tests for every rule (that is the CLI's {@code validate}).
 */
public record RulePackSource(Path dir, PackInfo info, List<DrlFile> drlFiles, List<RuleMetadata> rules,
                             Map<String, List<RuleTestCase>> tests) {
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final Set<String> PHASES = Set.of("pre", "mid", "post");

    public RulePackSource {
        drlFiles = List.copyOf(drlFiles);
        rules = List.copyOf(rules);
        tests = Map.copyOf(tests);
    }

    /** The metadata of rule {@code id}, or null. */
    public RuleMetadata rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }

    /** The test cases of rule {@code id} (empty when it has none). */
    public List<RuleTestCase> testsOf(String id) {
        return tests.getOrDefault(id, List.of());
    }

    /**
     * sha256 over the DRL texts and metadata (path-sorted): two sources with the same rules have the same hash. Used to
     * name the compiled module.
     */
    public String rulesSha256() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((info.name() + "|" + info.version()).getBytes(StandardCharsets.UTF_8));
            drlFiles.stream().sorted((a, b) -> a.path().compareTo(b.path()))
                    .forEach(f -> sha.update((f.path() + "\n" + f.text()).getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads and checks the pack in {@code dir}; throws {@link RulePackException} listing every problem. */
    public static RulePackSource load(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            throw new RulePackException(root + ": not a directory; give the rule pack's source directory");
        }
        PackInfo info = readInfo(root, problems);
        List<DrlFile> drls = new ArrayList<>();
        List<RuleMetadata> rules = new ArrayList<>();
        for (Path drl : list(root.resolve("rules"), ".drl", problems, root)) {
            DrlFile file = readDrl(root, drl, problems);
            drls.add(file);
            String metaPath = relative(root, drl).replaceFirst("\\.drl$", ".rules.yaml");
            Path meta = root.resolve(metaPath);
            List<RuleMetadata> entries = Files.isRegularFile(meta) ? readMetadata(root, meta, problems) : List.of();
            if (!Files.isRegularFile(meta) && !file.rules().isEmpty()) {
                problems.add(file.path() + ":1: no metadata file " + metaPath + " for its rules");
            }
            Map<String, RuleMetadata> byId = new HashMap<>();
            entries.forEach(e -> byId.put(e.id(), e));
            for (DrlFile.DeclaredRule r : file.rules()) {
                if (!byId.containsKey(r.name())) {
                    problems.add(file.path() + ":" + r.line() + ": rule \"" + r.name() + "\" has no metadata entry in "
                            + metaPath + " (add one with id: " + r.name() + ")");
                }
            }
            Set<String> declared = new java.util.HashSet<>();
            file.rules().forEach(r -> declared.add(r.name()));
            for (RuleMetadata m : entries) {
                if (!declared.contains(m.id())) {
                    problems.add(m.file() + ":" + m.line() + ": metadata for \"" + m.id() + "\" but " + file.path()
                            + " declares no such rule");
                }
            }
            rules.addAll(entries);
        }
        for (Path meta : list(root.resolve("rules"), ".rules.yaml", problems, root)) {
            Path drl = Path.of(meta.toString().replaceFirst("\\.rules\\.yaml$", ".drl"));
            if (!Files.isRegularFile(drl)) {
                problems.add(relative(root, meta) + ":1: metadata without a DRL file " + relative(root, drl));
            }
        }
        Map<String, RuleMetadata> seen = new HashMap<>();
        for (RuleMetadata r : rules) {
            RuleMetadata before = seen.put(r.id(), r);
            if (before != null) {
                problems.add(r.file() + ":" + r.line() + ": rule id \"" + r.id() + "\" also at " + before.file() + ":"
                        + before.line());
            }
        }
        if (drls.isEmpty() && problems.isEmpty()) {
            problems.add("rules/:1: no .drl files in " + root.resolve("rules"));
        }
        Map<String, List<RuleTestCase>> tests = new LinkedHashMap<>();
        for (Path test : list(root.resolve("tests"), ".yaml", problems, root)) {
            String ruleId = test.getFileName().toString().replaceFirst("\\.yaml$", "");
            if (!seen.containsKey(ruleId)) {
                problems.add(relative(root, test) + ":1: tests for unknown rule \"" + ruleId + "\"");
                continue;
            }
            tests.put(ruleId, readTests(root, test, ruleId, problems));
        }
        if (!problems.isEmpty()) {
            throw new RulePackException(problems);
        }
        return new RulePackSource(root, info, drls, rules, tests);
    }

    private static PackInfo readInfo(Path root, List<String> problems) {
        Path file = root.resolve("pack.yaml");
        if (!Files.isRegularFile(file)) {
            problems.add("pack.yaml:1: missing (name, version, description, owner, kb_compatible)");
            return new PackInfo("?", "0.0.0", null, null, List.of());
        }
        JsonNode node;
        try {
            node = YAML.readTree(file.toFile());
        } catch (IOException e) {
            problems.add(yamlProblem("pack.yaml", e));
            return new PackInfo("?", "0.0.0", null, null, List.of());
        }
        String name = text(node, "name");
        String version = text(node, "version");
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]*")) {
            problems.add("pack.yaml:1: name must be lower-case letters, digits and '-', got " + name);
        }
        if (!PackInfo.isSemver(version)) {
            problems.add("pack.yaml:1: version must be semver (1.0.0), got " + version);
        }
        List<String> kb = strings(node.get("kb_compatible"));
        if (kb.isEmpty()) {
            problems.add("pack.yaml:1: kb_compatible must list knowledge-pack versions or globs (e.g. [\"kb-*\"])");
        }
        return new PackInfo(name, version, text(node, "description"), text(node, "owner"), kb);
    }

    private static DrlFile readDrl(Path root, Path drl, List<String> problems) {
        String path = relative(root, drl);
        String text;
        try {
            text = Files.readString(drl, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(path + ":1: cannot read (" + e.getMessage() + ")");
            return new DrlFile(path, "", List.of());
        }
        List<DrlFile.DeclaredRule> declared = new ArrayList<>();
        DrlParser parser = new DrlParser();
        try {
            PackageDescr pkg = parser.parse(false, text);
            if (parser.hasErrors()) {
                for (DroolsError error : parser.getErrors()) {
                    int[] lines = error.getLines();
                    problems.add(path + ":" + (lines != null && lines.length > 0 ? lines[0] : 1) + ": "
                            + error.getMessage().strip());
                }
            } else if (pkg != null) {
                for (RuleDescr r : pkg.getRules()) {
                    declared.add(new DrlFile.DeclaredRule(r.getName(), r.getLine()));
                }
            }
        } catch (DroolsParserException e) {
            problems.add(path + ":1: " + e.getMessage());
        }
        return new DrlFile(path, text, declared);
    }

    private static List<RuleMetadata> readMetadata(Path root, Path file, List<String> problems) {
        String path = relative(root, file);
        List<RuleMetadata> out = new ArrayList<>();
        try (JsonParser p = YAML.getFactory().createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                problems.add(path + ":1: expected a list of rule metadata entries");
                return out;
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                int line = p.currentTokenLocation().getLineNr();
                JsonNode node = YAML.readTree(p);
                RuleMetadata m = metadata(node, path, line, problems);
                if (m != null) {
                    out.add(m);
                }
            }
        } catch (IOException e) {
            problems.add(yamlProblem(path, e));
        }
        return out;
    }

    private static RuleMetadata metadata(JsonNode n, String file, int line, List<String> problems) {
        String where = file + ":" + line + ": ";
        String id = text(n, "id");
        int before = problems.size();
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]*")) {
            problems.add(where + "id must be lower-case letters, digits and '-', got " + id);
        }
        String label = "rule " + id + ": ";
        for (String field : List.of("name", "tier1", "tier2", "severity", "basis", "owner", "effective_from")) {
            if (text(n, field) == null) {
                problems.add(where + label + "missing '" + field + "'");
            }
        }
        if (!n.has("code")) {
            problems.add(where + label + "missing 'code' (the official GZ…/ZB… code, or null when none exists)");
        }
        String severity = text(n, "severity");
        if (severity != null && !RuleMetadata.SEVERITIES.contains(severity)) {
            problems.add(where + label + "severity must be one of " + RuleMetadata.SEVERITIES + ", got " + severity);
        }
        Set<Phase> phases = EnumSet.noneOf(Phase.class);
        for (String ph : strings(n.get("phases"))) {
            if (PHASES.contains(ph)) {
                phases.add(Phase.valueOf(ph.toUpperCase(Locale.ROOT)));
            } else {
                problems.add(where + label + "unknown phase '" + ph + "' (pre, mid, post)");
            }
        }
        if (phases.isEmpty() && problems.size() == before) {
            problems.add(where + label + "missing 'phases' (a list of pre, mid, post)");
        }
        Scenes scenes = Scenes.ALL;
        JsonNode s = n.get("scenes");
        if (s != null && !s.isNull()) {
            try {
                scenes = new Scenes(strings(s.get("trig_scen")), strings(s.get("med_type")), text(s, "internet"));
            } catch (IllegalArgumentException e) {
                problems.add(where + label + "scenes: " + e.getMessage());
            }
        }
        LocalDate from = date(n, "effective_from", where + label, problems);
        LocalDate to = date(n, "effective_to", where + label, problems);
        Map<String, String> params = new java.util.LinkedHashMap<>();
        JsonNode ps = n.get("params");
        if (ps != null && !ps.isNull()) {
            if (!ps.isObject()) {
                problems.add(where + label + "params must be a map of name: value");
            } else {
                ps.properties().forEach(e -> params.put(e.getKey(), e.getValue().isArray()
                        ? String.join(",", strings(e.getValue())) : e.getValue().asText()));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new RuleMetadata(id, text(n, "code"), text(n, "name"), text(n, "tier1"), text(n, "tier2"), phases, scenes,
                severity, text(n, "basis"), strings(n.get("tables")), from, to, text(n, "owner"), file, line, params);
    }

    private static List<RuleTestCase> readTests(Path root, Path file, String ruleId, List<String> problems) {
        String path = relative(root, file);
        List<RuleTestCase> out = new ArrayList<>();
        try (JsonParser p = YAML.getFactory().createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                problems.add(path + ":1: expected a list of test cases");
                return out;
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                JsonLocation loc = p.currentTokenLocation();
                JsonNode n = YAML.readTree(p);
                String where = path + ":" + loc.getLineNr() + ": ";
                String name = text(n, "name");
                JsonNode given = n.get("given");
                JsonNode expect = n.get("expect");
                if (name == null || given == null || !given.isObject() || expect == null || !expect.has("fires")) {
                    problems.add(where + "a test case needs name, given (a 3101 patient) and expect.fires");
                    continue;
                }
                String phaseText = text(n, "phase");
                Phase phase = Phase.PRE;
                if (phaseText != null) {
                    if (!PHASES.contains(phaseText)) {
                        problems.add(where + "unknown phase '" + phaseText + "'");
                        continue;
                    }
                    phase = Phase.valueOf(phaseText.toUpperCase(Locale.ROOT));
                }
                String channel = text(n, "channel");
                if (channel != null && !channel.equals("internet")) {
                    problems.add(where + "channel must be 'internet' when given, got '" + channel + "'");
                    continue;
                }
                List<JsonNode> history = new ArrayList<>();
                if (n.has("history")) {
                    n.get("history").forEach(history::add);
                }
                out.add(new RuleTestCase(ruleId, name, path, loc.getLineNr(), given, history, phase, text(n, "trig_scen"),
                        expect.get("fires").asBoolean(), strings(expect.get("line_ids")), channel));
            }
        } catch (IOException e) {
            problems.add(yamlProblem(path, e));
        }
        return out;
    }

    private static LocalDate date(JsonNode n, String field, String where, List<String> problems) {
        String value = text(n, field);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(where + field + " must be yyyy-MM-dd, got " + value);
            return null;
        }
    }

    private static String yamlProblem(String path, IOException e) {
        int line = e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null
                ? jpe.getLocation().getLineNr() : 1;
        String message = e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe
                ? jpe.getOriginalMessage() : e.getMessage();
        return path + ":" + Math.max(line, 1) + ": " + message;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().strip();
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null && n.isArray()) {
            n.forEach(v -> out.add(v.asText()));
        } else if (n != null && !n.isNull() && !n.asText().isBlank()) {
            out.add(n.asText());
        }
        return out;
    }

    private static List<Path> list(Path dir, String suffix, List<String> problems, Path root) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix))
                    .filter(f -> !(suffix.equals(".yaml") && f.getFileName().toString().endsWith(".rules.yaml")
                            && dir.getFileName().toString().equals("rules")))
                    .sorted().toList();
        } catch (IOException e) {
            problems.add(relative(root, dir) + ":1: cannot list (" + e.getMessage() + ")");
            return List.of();
        }
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

}
