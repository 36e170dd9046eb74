package org.fundwatch.stream.demo;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.fundwatch.rules.cli.RulesMain;
import org.fundwatch.rules.pack.PackVersion;
import org.fundwatch.rules.pack.RulePackRegistry;
import org.fundwatch.rules.source.RulePackSource;
import picocli.CommandLine;

/**
 * Makes sure the registry's active version of a rule pack is the source's version, the way a rule author would:
 * {@code fundwatch rules build} (validate + test + immutable artifact) then {@code rules publish}. Does nothing when
 * that version is already active. Runs the rules CLI in-process so the demo goes through the same gate as authors.
 */
final class RulePackPublisher {
    private final Path registryDir;
    private final PrintWriter out;

    RulePackPublisher(Path registryDir, PrintWriter out) {
        this.registryDir = registryDir;
        this.out = out;
    }

    /** The active version after making the source's version active. */
    PackVersion ensureActive(Path source, Path kbDir) {
        RulePackSource pack = RulePackSource.load(source);
        String name = pack.info().name();
        String version = pack.info().version();
        RulePackRegistry registry = new RulePackRegistry(registryDir);
        Optional<PackVersion> active = registry.active(name, Instant.now());
        if (active.isPresent() && active.get().version().equals(version)) {
            out.printf("    %s %s already active in %s%n", name, version, registryDir);
            return active.get();
        }
        if (!registry.contains(name, version)) {
            run("build", "--pack", source.toString(), "--kb", kbDir.toString(), "--name", name,
                    "--registry", registryDir.toString());
        }
        run("publish", version, "--name", name, "--registry", registryDir.toString(), "--note", "fundwatch demo");
        PackVersion published = new RulePackRegistry(registryDir).require(name, version);
        out.printf("    %s %s built, tested and published to %s%n", name, version, registryDir);
        return published;
    }

    private static void run(String... args) {
        StringWriter text = new StringWriter();
        CommandLine cli = RulesMain.commandLine();
        cli.setOut(new PrintWriter(text));
        cli.setErr(new PrintWriter(text));
        int code = cli.execute(args);
        if (code != 0) {
            throw new IllegalStateException("fundwatch rules " + String.join(" ", args) + " failed (exit " + code
                    + "):\n" + text);
        }
    }
}
