package org.fundwatch.pack.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fundwatch.pack.KnowledgePack;
import org.fundwatch.pack.KnowledgePacks;
import org.fundwatch.pack.Manifest;
import org.fundwatch.pack.ManifestEntry;
import org.fundwatch.pack.PackBuilder;
import org.fundwatch.pack.PackException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kb}: build, show and verify knowledge packs. Runtime failures print one line saying what to do and exit
 * 1 (stack trace only with {@code --verbose}); usage errors exit 2.
 */
@Command(name = "kb", mixinStandardHelpOptions = true,
        description = "Build, show and verify knowledge packs (kb-<version>).",
        subcommands = {KbCommand.Build.class, KbCommand.Show.class, KbCommand.Verify.class})
public final class KbCommand implements Runnable {
    /** Default directory of packs, relative to the current directory. */
    public static final Path DEFAULT_PACKS = Path.of("var", "kb");

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: build, show or verify");
    }

    abstract static class Base implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--verbose", description = "Print stack traces of failures.")
        boolean verbose;

        @Override
        public Integer call() {
            try {
                return execute(spec.commandLine().getOut());
            } catch (PackException e) {
                spec.commandLine().getErr().println("kb " + spec.name() + ": " + e.getMessage());
                if (verbose) {
                    e.printStackTrace(spec.commandLine().getErr());
                }
                return 1;
            }
        }

        abstract int execute(PrintWriter out);
    }

    @Command(name = "build", mixinStandardHelpOptions = true,
            description = "Build a knowledge pack from the shared reference; prints the pack path and table counts.")
    static final class Build extends Base {
        @Option(names = "--source", paramLabel = "DIR",
                description = "Shared reference directory (default: ../shared/reference).")
        Path source = PackBuilder.defaultSource();

        @Option(names = "--out", paramLabel = "DIR", description = "Directory of packs (default: var/kb).")
        Path out = DEFAULT_PACKS;

        @Option(names = "--version", paramLabel = "V",
                description = "Pack version (default kb-<yyyy.MM.dd>-<content hash>).")
        String version;

        @Option(names = "--override", paramLabel = "tables/X.csv=PATH",
                description = "Replace a synthetic table with a region's file (same header); repeatable.")
        Map<String, Path> overrides = new java.util.LinkedHashMap<>();

        @Override
        int execute(PrintWriter out) {
            PackBuilder builder = new PackBuilder(source).version(version).progress(System.err);
            overrides.forEach(builder::override);
            PackBuilder.BuiltPack pack = builder.build(this.out);
            out.println(pack.dir());
            for (ManifestEntry entry : pack.manifest().files()) {
                if (entry.path().startsWith("tables/")) {
                    out.printf(Locale.ROOT, "  %-36s %-9s %,8d%n", entry.path(), entry.kind().json(), entry.rows());
                }
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print a pack's manifest: version, dates and one line per file.")
    static final class Show extends Base {
        @Option(names = "--pack", paramLabel = "DIR", description = "Pack directory (default: newest under var/kb).")
        Path pack;

        @Override
        int execute(PrintWriter out) {
            Path dir = pack != null ? pack : KnowledgePacks.newest(DEFAULT_PACKS).orElseThrow(() -> new PackException(
                    "no pack under " + DEFAULT_PACKS.toAbsolutePath() + "; build one with `kb build` or give --pack DIR"));
            Manifest m = Manifest.read(dir);
            out.println("version        " + m.version());
            out.println("built_at       " + m.builtAt());
            out.println("effective      " + m.effectiveFrom() + " .. " + (m.effectiveTo() == null ? "open"
                    : m.effectiveTo()));
            out.println("source_root    " + m.sourceRoot());
            out.println("generator      " + m.generator());
            out.println("content_sha256 " + m.contentSha256());
            out.printf(Locale.ROOT, "%-44s %-9s %9s  %-12s %s%n", "path", "kind", "rows", "sha256", "source");
            for (ManifestEntry e : m.files()) {
                out.printf(Locale.ROOT, "%-44s %-9s %9s  %-12s %s%n", e.path(), e.kind().json(),
                        e.rows() == null ? "-" : String.format(Locale.ROOT, "%,d", e.rows()),
                        e.sha256().substring(0, 12), e.source());
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Verify every file of a pack against its manifest and parse every table.")
    static final class Verify extends Base {
        @Option(names = "--pack", paramLabel = "DIR", required = true, description = "Pack directory.")
        Path pack;

        @Override
        int execute(PrintWriter out) {
            KnowledgePack loaded = KnowledgePack.load(pack);
            List<ManifestEntry> files = loaded.manifest().files();
            out.println("OK " + loaded.version() + ": " + files.size() + " files verified, "
                    + files.stream().filter(f -> f.path().startsWith("tables/")).count() + " tables parsed");
            out.flush();
            return 0;
        }
    }
}
