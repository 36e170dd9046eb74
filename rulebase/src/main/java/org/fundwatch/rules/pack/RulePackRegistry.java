package org.fundwatch.rules.pack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.fundwatch.rules.source.PackInfo;

/**
 * A directory of immutable, content-hashed rule-pack versions ({@code var/rules-registry} by default):
 *
 * <pre>
 * &lt;root&gt;/&lt;name&gt;/&lt;version&gt;/pack.yaml, rules/…, tests/…   the sources, verbatim
 *                          artifact.json                   hashes, build time, tests, kb compatibility
 *                          status/0001-published.json …    later status entries, one file each
 * &lt;root&gt;/index.json                                       derived summary, rebuilt after every change
 * </pre>
 *
 * <p>Nothing in a version directory is ever rewritten: files are created with {@code CREATE_NEW} and then made
 * read-only, a version is assembled in a temporary directory and moved into place atomically, and a status change
 * adds a file. Building a version that exists is a no-op when the content hash matches and refused otherwise.
 * Publishing records an effective time; {@link #active} picks, among published versions not retired at that time,
 * the one that came into force last (a newer version supersedes an older one from its effective time).
 */
public final class RulePackRegistry {
    /** Default registry, relative to the working directory. */
    public static final Path DEFAULT = Path.of("var", "rules-registry");
    static final String STATUS_DIR = "status";
    static final String INDEX = "index.json";
    /** Where a version directory keeps the compiled executable model (see {@code RuleEngine.load(Path, …)}). */
    public static final String COMPILED_MODEL = org.fundwatch.rules.engine.RuleEngine.COMPILED_MODEL;

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private final Path root;
    private final Clock clock;

    public RulePackRegistry(Path root) {
        this(root, Clock.systemUTC());
    }

    public RulePackRegistry(Path root, Clock clock) {
        this.root = root.toAbsolutePath().normalize();
        this.clock = clock;
    }

    public Path root() {
        return root;
    }

    /** The directory of {@code name/version} (whether or not it exists). */
    public Path dir(String name, String version) {
        if (!name.matches("[a-z0-9][a-z0-9-]*") || !PackInfo.isSemver(version)) {
            throw new RegistryException("not a pack name/version: " + name + "/" + version);
        }
        return root.resolve(name).resolve(version);
    }

    /** Outcome of {@link #build}: the version and whether this call created it. */
    public record Built(PackVersion version, boolean created) {
    }

    /**
     * Copies the pack sources of {@code sourceDir} (described by {@code info}) into {@code name/version} with an
     * artifact recording {@code tests}. Idempotent for identical content; refuses different content under an
     * existing version.
     */
    public Built build(Path sourceDir, PackInfo info, TestSummary tests) {
        return build(sourceDir, info, tests, null);
    }

    /**
     * As {@link #build(Path, PackInfo, TestSummary)}, also storing {@code compiledModel} (the executable model of the
     * pack's DRL, {@code CompiledRules.write()}) as {@value #COMPILED_MODEL} so that loading the version needs no DRL
     * compilation. The model is not part of the content hash (which covers the sources); it records the hash of the
     * rules it was compiled from and is used only when that matches.
     */
    public Built build(Path sourceDir, PackInfo info, TestSummary tests, byte[] compiledModel) {
        Map<String, String> files = ContentHash.files(sourceDir);
        String hash = ContentHash.pack(files);
        Path target = dir(info.name(), info.version());
        if (Files.exists(target)) {
            return new Built(checkSame(target, hash), false);
        }
        Instant now = clock.instant();
        String status = tests != null && tests.green() ? StatusEntry.TESTED : StatusEntry.DRAFT;
        Artifact artifact = new Artifact(info.name(), info.version(), hash, files, now, info.kbCompatible(), tests,
                List.of(new StatusEntry(status, now, null, tests == null ? "tests not run"
                        : tests.passed() + "/" + tests.cases() + " cases passed against " + tests.kbVersion())));
        Path staging = root.resolve(info.name()).resolve(".staging-" + UUID.randomUUID());
        try {
            Files.createDirectories(staging);
            for (String path : files.keySet()) {
                Path to = staging.resolve(path);
                Files.createDirectories(to.getParent());
                Files.copy(sourceDir.resolve(path), to);
            }
            Map<String, String> copied = ContentHash.files(staging);
            if (!copied.equals(files)) {
                throw new RegistryException(sourceDir + ": sources changed while building; build again");
            }
            if (compiledModel != null) {
                Path model = staging.resolve(COMPILED_MODEL);
                Files.createDirectories(model.getParent());
                writeNew(model, compiledModel);
            }
            writeNew(staging.resolve(Artifact.FILE), JSON.writeValueAsBytes(artifact));
            makeReadOnly(staging);
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                deleteTree(staging);
                return new Built(checkSame(target, hash), false);
            } catch (IOException e) {
                if (Files.exists(target)) {
                    deleteTree(staging);
                    return new Built(checkSame(target, hash), false);
                }
                throw e;
            }
        } catch (IOException e) {
            deleteTree(staging);
            throw new UncheckedIOException("cannot build " + info.name() + "/" + info.version() + " in " + root + " ("
                    + e.getMessage() + ")", e);
        }
        rebuildIndex();
        return new Built(read(target), true);
    }

    private PackVersion checkSame(Path target, String hash) {
        PackVersion existing = read(target);
        if (!existing.artifact().contentSha256().equals(hash)) {
            throw new RegistryException(existing.label() + " already exists with different content (sha256 "
                    + existing.artifact().contentSha256().substring(0, 12) + " ≠ " + hash.substring(0, 12)
                    + "); a built version is never changed — raise the version in pack.yaml");
        }
        return existing;
    }

    /**
     * Publishes {@code name/version} from {@code effectiveFrom} (null: now). Refused unless its recorded tests all
     * passed, and when it is already published or retired.
     */
    public PackVersion publish(String name, String version, Instant effectiveFrom, String note) {
        PackVersion v = require(name, version);
        TestSummary tests = v.artifact().tests();
        if (tests == null || !tests.green()) {
            throw new RegistryException(v.label() + " cannot be published: "
                    + (tests == null ? "its tests were not run" : tests.failed() + " of " + tests.cases()
                    + " test cases failed") + "; fix the rules or tests, raise the version and build again");
        }
        if (!v.status().equals(StatusEntry.TESTED)) {
            throw new RegistryException(v.label() + " is already " + v.status()
                    + "; a version is published once — build a new version to change what is in force");
        }
        Instant now = clock.instant();
        return append(v, new StatusEntry(StatusEntry.PUBLISHED, now, effectiveFrom == null ? now : effectiveFrom, note));
    }

    /** Retires a published {@code name/version} at {@code at} (null: now): it is not in force from then on. */
    public PackVersion retire(String name, String version, Instant at, String note) {
        PackVersion v = require(name, version);
        if (!v.status().equals(StatusEntry.PUBLISHED)) {
            throw new RegistryException(v.label() + " is " + v.status() + "; only a published version can be retired");
        }
        Instant now = clock.instant();
        Instant end = at == null ? now : at;
        if (end.isBefore(v.effectiveFrom().orElseThrow())) {
            throw new RegistryException(v.label() + " comes into force at " + v.effectiveFrom().orElseThrow()
                    + "; it cannot be retired before that (" + end + ")");
        }
        return append(v, new StatusEntry(StatusEntry.RETIRED, now, end, note));
    }

    private PackVersion append(PackVersion v, StatusEntry entry) {
        Path statusDir = v.dir().resolve(STATUS_DIR);
        int seq = v.history().size();
        Path file = statusDir.resolve(String.format("%04d-%s.json", seq, entry.status()));
        try {
            Files.createDirectories(statusDir);
            writeNew(file, JSON.writeValueAsBytes(entry));
            makeReadOnly(file);
        } catch (FileAlreadyExistsException e) {
            throw new RegistryException(v.label() + " changed status concurrently; look at `rules list` and retry");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record " + entry.status() + " of " + v.label() + " (" + e.getMessage()
                    + ")", e);
        }
        rebuildIndex();
        return read(v.dir());
    }

    /** The version {@code name/version}, or a failure saying how to build it. */
    public PackVersion require(String name, String version) {
        Path dir = dir(name, version);
        if (!Files.isRegularFile(dir.resolve(Artifact.FILE))) {
            throw new RegistryException(name + "/" + version + " is not in the registry " + root
                    + "; build it first with `fundwatch rules build --pack DIR --registry " + root + "`");
        }
        return read(dir);
    }

    /** Whether {@code name/version} has been built. */
    public boolean contains(String name, String version) {
        return Files.isRegularFile(dir(name, version).resolve(Artifact.FILE));
    }

    /** Every version, by pack name then semantic version. */
    public List<PackVersion> list() {
        List<PackVersion> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> names = Files.list(root)) {
            for (Path nameDir : (Iterable<Path>) names.filter(Files::isDirectory).sorted()::iterator) {
                try (Stream<Path> versions = Files.list(nameDir)) {
                    versions.filter(d -> Files.isRegularFile(d.resolve(Artifact.FILE))).map(this::read)
                            .forEach(out::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root + " (" + e.getMessage() + ")", e);
        }
        out.sort(Comparator.comparing(PackVersion::name).thenComparing(PackVersion::version, SemVer.ORDER));
        return out;
    }

    /** The distinct pack names in the registry. */
    public List<String> names() {
        return list().stream().map(PackVersion::name).distinct().toList();
    }

    /**
     * The version of pack {@code name} in force at {@code t}: among versions published with an effective time at or
     * before {@code t} and not retired by then, the one whose effective time is latest (ties: higher version).
     */
    public Optional<PackVersion> active(String name, Instant t) {
        return list().stream().filter(v -> v.name().equals(name)).filter(v -> v.eligibleAt(t))
                .max(Comparator.comparing((PackVersion v) -> v.effectiveFrom().orElseThrow())
                        .thenComparing(PackVersion::version, SemVer.ORDER));
    }

    /** {@link #active(String, Instant)} for a registry holding a single pack name. */
    public Optional<PackVersion> active(Instant t) {
        List<String> names = names();
        if (names.size() > 1) {
            throw new RegistryException(root + " holds packs " + names + "; say which one");
        }
        return names.isEmpty() ? Optional.empty() : active(names.get(0), t);
    }

    /** Rewrites {@code index.json} from the version directories (it is derived data, never the source of truth). */
    public void rebuildIndex() {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (PackVersion v : list()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", v.name());
            e.put("version", v.version());
            e.put("status", v.status());
            e.put("content_sha256", v.artifact().contentSha256());
            e.put("built_at", v.artifact().builtAt());
            v.effectiveFrom().ifPresent(t -> e.put("effective_from", t));
            v.retiredAt().ifPresent(t -> e.put("retired_at", t));
            entries.add(e);
        }
        Path tmp = root.resolve(INDEX + ".tmp-" + UUID.randomUUID());
        try {
            Files.createDirectories(root);
            Files.write(tmp, JSON.writeValueAsBytes(Map.of("versions", entries)));
            Files.move(tmp, root.resolve(INDEX), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + root.resolve(INDEX) + " (" + e.getMessage() + ")", e);
        }
    }

    /** Reads a version directory: artifact plus status files. */
    PackVersion read(Path dir) {
        try {
            Artifact artifact = JSON.readValue(dir.resolve(Artifact.FILE).toFile(), Artifact.class);
            List<StatusEntry> history = new ArrayList<>(artifact.history());
            Path statusDir = dir.resolve(STATUS_DIR);
            if (Files.isDirectory(statusDir)) {
                try (Stream<Path> files = Files.list(statusDir)) {
                    for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".json")).sorted()::iterator) {
                        history.add(JSON.readValue(f.toFile(), StatusEntry.class));
                    }
                }
            }
            return new PackVersion(artifact.name(), artifact.version(), dir, artifact, history);
        } catch (JsonProcessingException e) {
            throw new RegistryException(dir + ": unreadable artifact (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static void writeNew(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    /** Makes every file under {@code path} read-only (directories stay writable so status entries can be added). */
    private static void makeReadOnly(Path path) throws IOException {
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                try {
                    Files.setPosixFilePermissions(p, EnumSet.of(PosixFilePermission.OWNER_READ,
                            PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ));
                } catch (UnsupportedOperationException e) {
                    p.toFile().setReadOnly();
                }
            }
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // best effort: a leftover .staging-* directory is ignored by list()
        }
    }
}
