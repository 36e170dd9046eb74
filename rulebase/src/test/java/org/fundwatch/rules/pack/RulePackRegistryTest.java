package org.fundwatch.rules.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fundwatch.rules.source.RulePackSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulePackRegistryTest {
    static final TestSummary GREEN = new TestSummary("kb-test", 1, 2, 2, 0);
    static final TestSummary RED = new TestSummary("kb-test", 1, 2, 1, 1);
    static final Instant T1 = Instant.parse("2025-01-01T00:00:00Z");
    static final Instant T2 = Instant.parse("2025-07-01T00:00:00Z");

    @TempDir
    Path tmp;

    private PackVersion build(RulePackRegistry registry, Path source, TestSummary tests) {
        RulePackSource s = RulePackSource.load(source);
        return registry.build(s.dir(), s.info(), tests).version();
    }

    @Test
    void buildCopiesSourcesVerbatimReadOnlyWithHashes() throws Exception {
        Path source = Fixtures.writePack(tmp.resolve("src"), "1.0.0");
        RulePackRegistry registry = new RulePackRegistry(tmp.resolve("registry"));
        PackVersion v = build(registry, source, GREEN);
        assertEquals("test/1.0.0", v.label());
        assertEquals(StatusEntry.TESTED, v.status());
        Map<String, String> files = v.artifact().files();
        assertEquals(List.of("pack.yaml", "rules/drug.drl", "rules/drug.rules.yaml", "tests/drug-gender.yaml"),
                List.copyOf(files.keySet()));
        for (String path : files.keySet()) {
            Path copy = v.dir().resolve(path);
            assertEquals(Files.readString(source.resolve(path)), Files.readString(copy));
            assertEquals(ContentHash.sha256(Files.readAllBytes(copy)), files.get(path));
            assertFalse(Files.getPosixFilePermissions(copy).contains(PosixFilePermission.OWNER_WRITE), path);
        }
        assertEquals(ContentHash.pack(files), v.artifact().contentSha256());
        assertFalse(Files.getPosixFilePermissions(v.dir().resolve(Artifact.FILE)).contains(PosixFilePermission.OWNER_WRITE));
        assertTrue(Files.readString(registry.root().resolve("index.json")).contains("\"1.0.0\""));
        // Same content again: no-op.
        assertFalse(registry.build(source, RulePackSource.load(source).info(), GREEN).created());
    }

    @Test
    void sameVersionWithDifferentContentIsRefused() {
        Path source = Fixtures.writePack(tmp.resolve("src"), "1.0.0");
        RulePackRegistry registry = new RulePackRegistry(tmp.resolve("registry"));
        PackVersion v = build(registry, source, GREEN);
        Map<String, String> before = Fixtures.fingerprint(v.dir());
        Fixtures.write(source.resolve("rules/drug.rules.yaml"), Fixtures.metadata("高度可疑", "[drug_gender]", ""));
        RegistryException e = assertThrows(RegistryException.class, () -> build(registry, source, GREEN));
        assertTrue(e.getMessage().contains("already exists with different content"), e.getMessage());
        assertEquals(before, Fixtures.fingerprint(v.dir()));
    }

    @Test
    void publishIsRefusedWhenATestFailedAndNothingChanges() {
        Path source = Fixtures.writePack(tmp.resolve("src"), "1.0.0");
        RulePackRegistry registry = new RulePackRegistry(tmp.resolve("registry"));
        PackVersion v = build(registry, source, RED);
        assertEquals(StatusEntry.DRAFT, v.status());
        Map<String, String> before = Fixtures.fingerprint(v.dir());
        RegistryException e = assertThrows(RegistryException.class, () -> registry.publish("test", "1.0.0", T1, null));
        assertTrue(e.getMessage().contains("1 of 2 test cases failed"), e.getMessage());
        assertEquals(before, Fixtures.fingerprint(v.dir()));
        assertTrue(registry.active("test", T2).isEmpty());
    }

    @Test
    void publishedFilesAreUnchangedByASecondPublishAttempt() {
        Path source = Fixtures.writePack(tmp.resolve("src"), "1.0.0");
        RulePackRegistry registry = new RulePackRegistry(tmp.resolve("registry"));
        build(registry, source, GREEN);
        PackVersion published = registry.publish("test", "1.0.0", T1, "first");
        assertEquals(StatusEntry.PUBLISHED, published.status());
        assertEquals(T1, published.effectiveFrom().orElseThrow());
        Map<String, String> before = Fixtures.fingerprint(published.dir());
        assertThrows(RegistryException.class, () -> registry.publish("test", "1.0.0", T2, "again"));
        assertThrows(RegistryException.class, () -> build(registry, Fixtures.writePack(tmp.resolve("other"), "1.0.0",
                Fixtures.DRL, Fixtures.metadata("可疑", "[drug_gender]", ""), Fixtures.tests("2")), GREEN));
        assertEquals(before, Fixtures.fingerprint(published.dir()));
        assertEquals(T1, registry.require("test", "1.0.0").effectiveFrom().orElseThrow());
    }

    @Test
    void newerVersionSupersedesFromItsEffectiveTimeAndRetireEndsIt() {
        RulePackRegistry registry = new RulePackRegistry(tmp.resolve("registry"));
        build(registry, Fixtures.writePack(tmp.resolve("v1"), "1.0.0"), GREEN);
        build(registry, Fixtures.writePack(tmp.resolve("v2"), "1.1.0", Fixtures.DRL,
                Fixtures.metadata("高度可疑", "[drug_gender]", ""), Fixtures.tests("2")), GREEN);
        registry.publish("test", "1.0.0", T1, null);
        registry.publish("test", "1.1.0", T2, null);
        assertTrue(registry.active(T1.minusSeconds(1)).isEmpty());
        assertEquals("1.0.0", registry.active(T1).orElseThrow().version());
        assertEquals("1.0.0", registry.active(T2.minusSeconds(1)).orElseThrow().version());
        assertEquals("1.1.0", registry.active(T2).orElseThrow().version());
        Instant t3 = T2.plusSeconds(86_400);
        registry.retire("test", "1.1.0", t3, "rollback");
        assertEquals("1.1.0", registry.active(t3.minusSeconds(1)).orElseThrow().version());
        assertEquals("1.0.0", registry.active(t3).orElseThrow().version(), "the older version is in force again");
        assertEquals(StatusEntry.RETIRED, registry.require("test", "1.1.0").status());
        assertThrows(RegistryException.class, () -> registry.retire("test", "1.1.0", t3, null));
        // The index is derived: delete it and rebuild from the version directories.
        registry.rebuildIndex();
        assertTrue(registry.list().stream().map(PackVersion::status).toList()
                .equals(List.of(StatusEntry.PUBLISHED, StatusEntry.RETIRED)));
    }

    @Test
    void semanticVersionOrder() {
        assertTrue(SemVer.ORDER.compare("1.10.0", "1.9.0") > 0);
        assertTrue(SemVer.ORDER.compare("1.1.0-rc.1", "1.1.0") < 0);
        assertEquals(0, SemVer.ORDER.compare("2.0.0", "2.0.0"));
    }
}
