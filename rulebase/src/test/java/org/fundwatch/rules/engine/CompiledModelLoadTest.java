package org.fundwatch.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.fundwatch.model.EncounterContext;
import org.fundwatch.model.Phase;
import org.fundwatch.pack.KnowledgePack;
import org.fundwatch.rules.engine.bench.EngineBenchmark;
import org.fundwatch.rules.source.RulePackSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stored compiled model gives the same findings as compiling, and is ignored when it does not fit the sources. */
class CompiledModelLoadTest {
    @Test
    void storedModelEvaluatesLikeTheCompiledPack(@TempDir Path tmp) throws Exception {
        KnowledgePack kb = TestKb.kb();
        RulePackSource source = RulePackSource.load(TestKb.nationalDir());
        RuleEngine compiled = TestKb.national();
        byte[] stored = compiled.compiledModel().write();
        assertTrue(java.util.Arrays.equals(stored, compiled.compiledModel().write()), "the stored bytes are reproducible");

        CompiledRules read = CompiledRules.read(stored);
        assertTrue(read.matches(source.rulesSha256()));
        RuleEngine loaded = RuleEngine.load(source, kb, read);
        assertSame(read, loaded.compiledModel(), "loaded without compiling");

        List<EncounterContext> contexts = EngineBenchmark.generate(kb, 64, 20, new Random(7), Phase.MID);
        int findings = 0;
        for (EncounterContext ctx : contexts) {
            for (Phase phase : List.of(Phase.PRE, Phase.MID)) {
                var a = compiled.evaluate(ctx, phase).findings();
                assertEquals(a, loaded.evaluate(ctx, phase).findings());
                findings += a.size();
            }
        }
        assertTrue(findings > 0, "the generated encounters hit rules");

        Path dir = tmp.resolve("version");
        copy(TestKb.nationalDir(), dir);
        Files.createDirectories(dir.resolve(RuleEngine.COMPILED_MODEL).getParent());
        Files.write(dir.resolve(RuleEngine.COMPILED_MODEL), stored);
        assertTrue(RuleEngine.load(dir, kb).compiledModel().matches(source.rulesSha256()));
    }

    @Test
    void modelOfOtherRulesOrDamagedFileFallsBackToCompiling(@TempDir Path tmp) throws Exception {
        KnowledgePack kb = TestKb.kb();
        RulePackSource source = RulePackSource.load(TestKb.nationalDir());
        CompiledRules model = CompiledRules.read(TestKb.national().compiledModel().write());
        assertFalse(model.matches("0".repeat(64)), "a model is only used for the rules it was compiled from");

        Path dir = tmp.resolve("version");
        copy(TestKb.nationalDir(), dir);
        Files.createDirectories(dir.resolve(RuleEngine.COMPILED_MODEL).getParent());
        Files.writeString(dir.resolve(RuleEngine.COMPILED_MODEL), "not a jar");
        RuleEngine engine = RuleEngine.load(dir, kb);
        assertTrue(engine.compiledModel().matches(source.rulesSha256()), "compiled from the sources instead");
    }

    private static void copy(Path from, Path to) throws Exception {
        try (var paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
