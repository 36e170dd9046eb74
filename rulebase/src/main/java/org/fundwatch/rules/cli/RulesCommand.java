package org.fundwatch.rules.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.fundwatch.pack.KnowledgePack;
import org.fundwatch.rules.engine.RuleEngine;
import org.fundwatch.rules.pack.Backtest;
import org.fundwatch.rules.pack.BacktestDataset;
import org.fundwatch.rules.pack.DetectionScore;
import org.fundwatch.rules.pack.Coverage;
import org.fundwatch.rules.pack.PackDiff;
import org.fundwatch.rules.pack.PackTestRunner;
import org.fundwatch.rules.pack.PackValidator;
import org.fundwatch.rules.pack.PackVersion;
import org.fundwatch.rules.pack.RulePackRegistry;
import org.fundwatch.rules.source.RulePackSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rules}: the rule authors' lifecycle — validate and test a pack's sources, build them into an immutable
 * registry version, publish / retire versions, and compare packs (diff, catalogue coverage, backtest on data).
 * Usage errors exit 2; a failure exits 1 with one line saying what to do; {@code validate}/{@code test}/{@code build}
 * exit 1 when the pack is invalid or a test fails.
 */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Validate, test, build, publish and compare rule packs (rules-<version>).",
        subcommands = {RulesCommand.Validate.class, RulesCommand.Test.class, RulesCommand.Build.class,
                RulesCommand.Publish.class, RulesCommand.Retire.class, RulesCommand.ListVersions.class,
                RulesCommand.Diff.class, RulesCommand.CoverageCommand.class, RulesCommand.BacktestCommand.class,
                RulesBenchCommand.class})
public final class RulesCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing subcommand: validate, test, build, publish, retire, list, diff, coverage, backtest or bench");
    }

    /** {@code --pack DIR}. */
    static final class PackOption {
        @Option(names = "--pack", paramLabel = "DIR", description = "Pack source directory (default: rulebase/packs/national).")
        Path pack = Locations.DEFAULT_PACK;
    }

    /** {@code --kb DIR}. */
    static final class KbOption {
        @Option(names = "--kb", paramLabel = "DIR", description = "Knowledge pack directory (default: newest under var/kb).")
        Path kb;
    }

    /** {@code --registry DIR --name NAME}. */
    static final class RegistryOptions {
        @Option(names = "--registry", paramLabel = "DIR", description = "Pack registry (default: var/rules-registry).")
        Path registry = RulePackRegistry.DEFAULT;

        @Option(names = "--name", paramLabel = "NAME", description = "Pack name in the registry (default: national).")
        String name = "national";

        RulePackRegistry open() {
            return new RulePackRegistry(registry);
        }
    }

    abstract static class Base implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--verbose", description = "Print stack traces of failures.")
        boolean verbose;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                return execute(out);
            } finally {
                out.flush();
            }
        }

        abstract int execute(PrintWriter out);

        PrintWriter err() {
            return spec.commandLine().getErr();
        }
    }

    /** Validates and, when valid, returns the source and engine; prints problems otherwise. */
    static PackValidator.Result validate(Path pack, KnowledgePack kb, PrintWriter err) {
        PackValidator.Result result = PackValidator.validate(pack, kb);
        result.problems().forEach(err::println);
        if (!result.valid()) {
            err.println(result.problems().size() + " problem(s) in " + pack);
        }
        err.flush();
        return result;
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check a pack: metadata, knowledge tables, tests present, DRL compiles; file:line: problems.")
    static final class Validate extends Base {
        @Mixin
        PackOption pack;
        @Mixin
        KbOption kb;

        @Override
        int execute(PrintWriter out) {
            PackValidator.Result result = validate(pack.pack, Locations.knowledgePack(kb.kb), err());
            if (!result.valid()) {
                return 1;
            }
            RulePackSource s = result.source();
            out.printf(Locale.ROOT, "%s/%s valid: %d rules, %d test cases, %d DRL files%n", s.info().name(),
                    s.info().version(), s.rules().size(), s.tests().values().stream().mapToInt(List::size).sum(),
                    s.drlFiles().size());
            return 0;
        }
    }

    /** Prints the test table and failures; returns the report. */
    static PackTestRunner.Report runTests(RulePackSource source, RuleEngine engine, String kbVersion, PrintWriter out) {
        PackTestRunner.Report report = PackTestRunner.run(source, engine, kbVersion);
        out.printf(Locale.ROOT, "%-32s %-28s %5s %6s %6s%n", "rule", "name", "cases", "passed", "failed");
        for (PackTestRunner.RuleResult r : report.rules()) {
            out.printf(Locale.ROOT, "%-32s %-28s %5d %6d %6d%n", r.ruleId(), r.name(), r.cases(), r.passed(), r.failed());
        }
        out.printf(Locale.ROOT, "%-32s %-28s %5d %6d %6d%n", "total", "", report.cases(), report.passed(),
                report.failed());
        for (PackTestRunner.RuleResult r : report.rules()) {
            for (PackTestRunner.CaseFailure f : r.failures()) {
                out.println("FAIL " + r.ruleId() + " " + f.where() + ": " + f.message());
            }
        }
        return report;
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Run every rule's test cases through the engine; exit 1 when one fails.")
    static final class Test extends Base {
        @Mixin
        PackOption pack;
        @Mixin
        KbOption kb;

        @Override
        int execute(PrintWriter out) {
            KnowledgePack knowledge = Locations.knowledgePack(kb.kb);
            PackValidator.Result result = validate(pack.pack, knowledge, err());
            if (!result.valid()) {
                return 1;
            }
            return runTests(result.source(), result.engine(), knowledge.version(), out).failed() == 0 ? 0 : 1;
        }
    }

    @Command(name = "build", mixinStandardHelpOptions = true,
            description = "Validate, test and copy a pack into the registry as an immutable, content-hashed version.")
    static final class Build extends Base {
        @Mixin
        PackOption pack;
        @Mixin
        KbOption kb;
        @Mixin
        RegistryOptions registry;

        @Option(names = "--allow-failing", description = "Build even when tests fail (recorded as draft; never publishable).")
        boolean allowFailing;

        @Override
        int execute(PrintWriter out) {
            KnowledgePack knowledge = Locations.knowledgePack(kb.kb);
            PackValidator.Result result = validate(pack.pack, knowledge, err());
            if (!result.valid()) {
                return 1;
            }
            PackTestRunner.Report report = runTests(result.source(), result.engine(), knowledge.version(), out);
            if (report.failed() > 0 && !allowFailing) {
                err().println(report.failed() + " test case(s) failed; nothing built (fix them, or --allow-failing to"
                        + " keep a draft that can never be published)");
                return 1;
            }
            RulePackSource s = result.source();
            // The compiled executable model goes into the version, so loading it later needs no DRL compilation.
            RulePackRegistry.Built built = registry.open().build(s.dir(), s.info(), report.summary(),
                    result.engine().compiledModel().write());
            PackVersion v = built.version();
            out.printf(Locale.ROOT, "%s %s sha256 %s status %s%n", built.created() ? "built" : "already built (same content)",
                    v.label(), v.artifact().contentSha256(), v.status());
            out.println(v.dir());
            return report.failed() == 0 ? 0 : 1;
        }
    }

    @Command(name = "publish", mixinStandardHelpOptions = true,
            description = "Publish a built, fully tested version; it supersedes earlier ones from its effective time.")
    static final class Publish extends Base {
        @Parameters(index = "0", paramLabel = "VERSION", description = "Version in the registry, e.g. 1.1.0.")
        String version;
        @Mixin
        RegistryOptions registry;

        @Option(names = "--effective-from", paramLabel = "T", converter = Locations.TimeConverter.class,
                description = "In force from (2025-07-01 = midnight Beijing time, or ISO time); default now.")
        Instant effectiveFrom;

        @Option(names = "--note", paramLabel = "TEXT", description = "Why / who (kept in the status entry).")
        String note;

        @Override
        int execute(PrintWriter out) {
            PackVersion v = registry.open().publish(registry.name, version, effectiveFrom, note);
            out.println("published " + v.label() + " effective from " + v.effectiveFrom().orElseThrow());
            return 0;
        }
    }

    @Command(name = "retire", mixinStandardHelpOptions = true, description = "End a published version at a time.")
    static final class Retire extends Base {
        @Parameters(index = "0", paramLabel = "VERSION", description = "Published version.")
        String version;
        @Mixin
        RegistryOptions registry;

        @Option(names = "--at", paramLabel = "T", converter = Locations.TimeConverter.class,
                description = "Not in force from this time on; default now.")
        Instant at;

        @Option(names = "--note", paramLabel = "TEXT", description = "Why / who (kept in the status entry).")
        String note;

        @Override
        int execute(PrintWriter out) {
            PackVersion v = registry.open().retire(registry.name, version, at, note);
            out.println("retired " + v.label() + " at " + v.retiredAt().orElseThrow());
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List registry versions with status, effective time and hash; marks the one in force now.")
    static final class ListVersions extends Base {
        @Mixin
        RegistryOptions registry;

        @Override
        int execute(PrintWriter out) {
            RulePackRegistry reg = registry.open();
            List<PackVersion> versions = reg.list();
            if (versions.isEmpty()) {
                out.println("no versions in " + reg.root());
                return 0;
            }
            Instant now = Instant.now();
            out.printf(Locale.ROOT, "  %-12s %-10s %-10s %-22s %-22s %s%n", "pack", "version", "status", "effective_from",
                    "retired_at", "sha256");
            for (PackVersion v : versions) {
                boolean active = reg.active(v.name(), now).map(a -> a.version().equals(v.version())).orElse(false);
                out.printf(Locale.ROOT, "%s %-12s %-10s %-10s %-22s %-22s %s%n", active ? "*" : " ", v.name(), v.version(),
                        v.status(), v.effectiveFrom().map(Instant::toString).orElse("-"),
                        v.retiredAt().map(Instant::toString).orElse("-"), v.artifact().contentSha256().substring(0, 12));
            }
            return 0;
        }
    }

    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = "Rules added, removed and changed (logic vs metadata fields vs tests) between two packs.")
    static final class Diff extends Base {
        @Parameters(index = "0", paramLabel = "A", description = "Older pack: registry version or source directory.")
        String a;
        @Parameters(index = "1", paramLabel = "B", description = "Newer pack: registry version or source directory.")
        String b;
        @Mixin
        RegistryOptions registry;

        @Override
        int execute(PrintWriter out) {
            RulePackRegistry reg = registry.open();
            PackDiff diff = PackDiff.between(RulePackSource.load(Locations.pack(a, reg, registry.name)),
                    RulePackSource.load(Locations.pack(b, reg, registry.name)));
            out.println("diff " + diff.from() + " → " + diff.to());
            if (diff.isEmpty()) {
                out.println("no changes");
                return 0;
            }
            diff.added().forEach(id -> out.println("+ " + id + "  added"));
            diff.removed().forEach(id -> out.println("- " + id + "  removed"));
            diff.changed().forEach(c -> out.println("~ " + c.ruleId() + "  " + c.describe()));
            if (!diff.packFields().isEmpty()) {
                out.println("~ pack.yaml  " + String.join(", ", diff.packFields()));
            }
            out.printf(Locale.ROOT, "%d added, %d removed, %d changed%n", diff.added().size(), diff.removed().size(),
                    diff.changed().size());
            return 0;
        }
    }

    @Command(name = "coverage", mixinStandardHelpOptions = true,
            description = "Coverage of the 88 rule classes of the 2025 national catalogue: implemented / partial / not_yet.")
    static final class CoverageCommand extends Base {
        @Option(names = "--pack", paramLabel = "DIR|VERSION",
                description = "Pack source directory or registry version (default: rulebase/packs/national).")
        String pack = Locations.DEFAULT_PACK.toString();
        @Mixin
        KbOption kb;
        @Mixin
        RegistryOptions registry;

        @Option(names = "--json", description = "Print {\"total\",\"implemented\",\"partial\",\"rules\":[…]} instead of a table.")
        boolean json;

        @Override
        int execute(PrintWriter out) {
            RulePackSource source = RulePackSource.load(Locations.pack(pack, registry.open(), registry.name));
            Coverage coverage = Coverage.of(source, Coverage.locateCatalog(Locations.knowledgePackDir(kb.kb)));
            if (json) {
                try {
                    out.println(new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT)
                            .writeValueAsString(coverage));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
                return 0;
            }
            out.printf(Locale.ROOT, "%3s  %-16s %-12s %-30s %s%n", "seq", "code", "status", "name", "rules / reason");
            for (Coverage.Row r : coverage.rules()) {
                String detail = r.status().equals(Coverage.IMPLEMENTED) ? String.join(", ", r.ruleIds())
                        : (r.ruleIds() == null ? "" : String.join(", ", r.ruleIds()) + " — ") + r.reason();
                out.printf(Locale.ROOT, "%3d  %-16s %-12s %-30s %s%n", r.seq(), r.code() == null ? "-" : r.code(),
                        r.status(), r.name(), detail);
            }
            out.printf(Locale.ROOT, "total %d: implemented %d, partial %d, not yet %d%n", coverage.total(),
                    coverage.implemented(), coverage.partial(), coverage.notYet());
            return 0;
        }
    }

    @Command(name = "backtest", mixinStandardHelpOptions = true,
            description = "Run pack(s) over a dataset: hits and amount at risk per rule, change between versions, "
                    + "recall/precision when ground-truth.jsonl exists.")
    static final class BacktestCommand extends Base {
        @Option(names = "--pack", required = true, paramLabel = "V", description = "Registry version or source directory.")
        String pack;
        @Option(names = "--against", paramLabel = "V2", description = "Second pack to compare with.")
        String against;
        @Option(names = "--in", required = true, paramLabel = "DIR",
                description = "Dataset: generator output (messages/*.jsonl, persons.jsonl) or a directory of message files.")
        Path in;
        @Option(names = "--dead-letters", paramLabel = "N", description = "Print the first N dead letters (default 10).")
        int showDeadLetters = 10;
        @Mixin
        KbOption kb;
        @Mixin
        RegistryOptions registry;

        @Override
        int execute(PrintWriter out) {
            KnowledgePack knowledge = Locations.knowledgePack(kb.kb);
            RulePackRegistry reg = registry.open();
            List<Backtest.Candidate> candidates = new ArrayList<>();
            for (String spec : against == null ? List.of(pack) : List.of(pack, against)) {
                RulePackSource source = RulePackSource.load(Locations.pack(spec, reg, registry.name));
                candidates.add(new Backtest.Candidate(source.info().name() + "/" + source.info().version(),
                        RuleEngine.compile(source, knowledge)));
            }
            Backtest.Result result = Backtest.run(new BacktestDataset(in, knowledge), candidates,
                    in.resolve("ground-truth.jsonl"));
            print(result, out);
            return result.counts().reconciles() ? 0 : 1;
        }

        void print(Backtest.Result result, PrintWriter out) {
            BacktestDataset.Counts c = result.counts();
            out.printf(Locale.ROOT, "lines %,d = used %,d + skipped (other transactions) %,d + dead letters %,d%s%n",
                    c.lines(), c.used(), c.skipped(), c.deadLettered(), c.reconciles() ? "" : "  (DOES NOT RECONCILE)");
            out.printf(Locale.ROOT, "contexts evaluated %,d%n", c.contexts());
            c.deadLetterReasons().forEach((reason, n) -> out.printf(Locale.ROOT, "  dead letters %,6d  %s%n", n, reason));
            result.deadLetters().stream().limit(showDeadLetters)
                    .forEach(d -> out.println("  dead letter " + d.where() + ": " + d.reason()));
            List<Backtest.PackResult> packs = result.packs();
            Backtest.PackResult a = packs.get(0);
            Backtest.PackResult b = packs.size() > 1 ? packs.get(1) : null;
            TreeSet<String> ids = new TreeSet<>(a.rules().keySet());
            if (b != null) {
                ids.addAll(b.rules().keySet());
            }
            if (b == null) {
                out.printf(Locale.ROOT, "%-32s %10s %16s%n", "rule (" + a.label() + ")", "hits", "amount_yuan");
            } else {
                out.printf(Locale.ROOT, "%-32s %10s %16s %10s %16s %10s %16s%n", "rule", "hits A", "amount A", "hits B",
                        "amount B", "Δ hits", "Δ amount");
            }
            for (String id : ids) {
                Backtest.RuleTotals ta = a.rules().get(id);
                long hitsA = ta == null ? 0 : ta.hits();
                long fenA = ta == null ? 0 : ta.amountFen();
                if (b == null) {
                    out.printf(Locale.ROOT, "%-32s %,10d %16s%n", id, hitsA, yuan(fenA));
                } else {
                    Backtest.RuleTotals tb = b.rules().get(id);
                    long hitsB = tb == null ? 0 : tb.hits();
                    long fenB = tb == null ? 0 : tb.amountFen();
                    out.printf(Locale.ROOT, "%-32s %,10d %16s %,10d %16s %+,10d %16s%n", id, hitsA, yuan(fenA), hitsB,
                            yuan(fenB), hitsB - hitsA, yuan(fenB - fenA));
                }
            }
            for (Backtest.PackResult p : packs) {
                out.printf(Locale.ROOT, "%s: %,d findings, %s yuan at risk, %,d rule failures%n", p.label(), p.hits(),
                        yuan(p.amountFen()), p.failures());
            }
            if (result.hasGroundTruth()) {
                for (Backtest.PackResult p : packs) {
                    out.println("ground truth — " + p.label());
                    out.printf(Locale.ROOT, "  %-18s %-24s %6s %8s %7s %9s%n", "code", "rule class", "cases", "detected",
                            "recall", "precision");
                    for (DetectionScore.ClassScore s : p.scores()) {
                        out.printf(Locale.ROOT, "  %-18s %-24s %6d %8d %7s %9s%n", s.code() == null ? "-" : s.code(),
                                s.ruleClass(), s.cases(), s.detected(), ratio(s.recall()), ratio(s.precision()));
                    }
                }
            }
        }

        private static String yuan(long fen) {
            return BigDecimal.valueOf(fen, 2).toPlainString();
        }

        private static String ratio(double r) {
            return Double.isNaN(r) ? "-" : String.format(Locale.ROOT, "%.3f", r);
        }
    }

}
