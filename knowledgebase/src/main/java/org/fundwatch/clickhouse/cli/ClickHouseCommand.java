package org.fundwatch.clickhouse.cli;

import org.fundwatch.cli.Progress;
import org.fundwatch.clickhouse.AppliedMigration;
import org.fundwatch.clickhouse.ClickHouseConfig;
import org.fundwatch.clickhouse.ClickHouseEnvironment;
import org.fundwatch.clickhouse.ClickHouseStore;
import org.fundwatch.clickhouse.LocalClickHouse;
import org.fundwatch.clickhouse.LocalServer;
import org.fundwatch.clickhouse.Migration;
import org.fundwatch.clickhouse.Migrations;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code fundwatch clickhouse start|stop|status|migrate}: runs the project-local ClickHouse under
 * {@code var/clickhouse} and keeps its schema current. With {@code FUNDWATCH_CLICKHOUSE_URL} set, every
 * subcommand works on that server instead and never starts or stops a local process.
 */
@Command(name = "clickhouse", mixinStandardHelpOptions = true,
        description = "Run the local ClickHouse and migrate its schema (or use FUNDWATCH_CLICKHOUSE_URL).",
        subcommands = {ClickHouseCommand.Start.class, ClickHouseCommand.Stop.class, ClickHouseCommand.Status.class,
                ClickHouseCommand.Migrate.class},
        footer = {"", "Environment: FUNDWATCH_CLICKHOUSE_URL (e.g. http://host:8123) selects another server;",
                "FUNDWATCH_CLICKHOUSE_USER, _PASSWORD and _DATABASE (default fundwatch) go with it."})
public final class ClickHouseCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    @Spec
    CommandSpec spec;

    @Option(names = "--var-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Directory of the local server: config, data, logs (default: ${DEFAULT-VALUE}).")
    Path varDir = LocalClickHouse.defaultVarDir();

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean verbose;

    private final Map<String, String> env;
    private final LocalClickHouse local;

    public ClickHouseCommand() {
        this(System.getenv(), new LocalClickHouse());
    }

    /** For tests: another environment and local-server manager. */
    ClickHouseCommand(Map<String, String> env, LocalClickHouse local) {
        this.env = Map.copyOf(env);
        this.local = local;
    }

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing subcommand: start, stop, status or migrate");
    }

    ClickHouseEnvironment environment() {
        return new ClickHouseEnvironment(env, varDir, local);
    }

    /** Runs {@code body}; a failure becomes a message on stderr and exit code 1. */
    int run(CommandSpec sub, Callable<Integer> body) {
        try {
            return body.call();
        } catch (Exception e) {
            PrintWriter err = sub.commandLine().getErr();
            err.println("error: " + e.getMessage());
            if (verbose) {
                e.printStackTrace(err);
            } else {
                err.println("(run with --verbose for details)");
            }
            err.flush();
            return 1;
        }
    }

    static String describe(Migration m) {
        return "V%03d %s".formatted(m.version(), m.name());
    }

    /** Runs the bundled migrations, printing what was applied. */
    static Migrations.Result migrate(ClickHouseStore store, PrintWriter out) {
        Migrations migrations = Migrations.bundled(store);
        Migrations.Result result;
        try (Progress progress = new Progress("migrate", migrations.migrations().size())) {
            result = migrations.migrate();
            progress.advance(migrations.migrations().size());
        }
        for (Migration m : result.appliedNow()) {
            out.println("applied:    " + describe(m));
        }
        out.println("schema:     " + store.database() + " is current (" + result.appliedNow().size() + " applied now, "
                + result.alreadyApplied().size() + " before)");
        return result;
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Start the local ClickHouse (or reuse the running one) and migrate the schema.")
    static final class Start implements Callable<Integer> {
        @ParentCommand
        ClickHouseCommand parent;
        @Spec
        CommandSpec spec;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
                description = "How long to wait for the server to answer /ping (default: ${DEFAULT-VALUE}).")
        long timeoutSeconds;

        @Option(names = "--no-migrate", description = "Only start; do not run the schema migrations.")
        boolean noMigrate;

        @Override
        public Integer call() {
            return parent.run(spec, () -> {
                PrintWriter out = spec.commandLine().getOut();
                ClickHouseEnvironment.Started started = parent.environment().start(Duration.ofSeconds(timeoutSeconds));
                LocalServer server = started.local();
                try (ClickHouseStore store = ClickHouseStore.open(started.config())) {
                    if (server == null) {
                        out.println("external:   " + started.config().url() + " (" + ClickHouseConfig.ENV_URL
                                + "), version " + store.version());
                    } else {
                        out.println((started.startedNow() ? "started:    " : "running:    ") + server.url()
                                + " (pid " + server.pid() + ", ClickHouse " + store.version() + ", data in "
                                + server.varDir() + ")");
                    }
                    if (!noMigrate) {
                        migrate(store, out);
                    }
                }
                out.flush();
                return 0;
            });
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stop the local ClickHouse (never an external FUNDWATCH_CLICKHOUSE_URL server).")
    static final class Stop implements Callable<Integer> {
        @ParentCommand
        ClickHouseCommand parent;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return parent.run(spec, () -> {
                PrintWriter out = spec.commandLine().getOut();
                ClickHouseEnvironment environment = parent.environment();
                if (environment.external()) {
                    out.println("external:   " + ClickHouseConfig.fromEnvironment(parent.env).url() + " is set by "
                            + ClickHouseConfig.ENV_URL + "; nothing to stop");
                } else {
                    long pid = parent.local.status(parent.varDir).pid();
                    out.println(environment.stop() ? "stopped:    ClickHouse (pid " + pid + ")"
                            : "not running: no local ClickHouse in " + parent.varDir.toAbsolutePath().normalize());
                }
                out.flush();
                return 0;
            });
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Show URL, version, pid, whether it runs, and the applied migrations.")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        ClickHouseCommand parent;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return parent.run(spec, () -> {
                PrintWriter out = spec.commandLine().getOut();
                ClickHouseEnvironment environment = parent.environment();
                Optional<LocalServer> localServer = environment.localStatus();
                if (localServer.isPresent()) {
                    LocalServer server = localServer.get();
                    out.println("server:     local, " + server.varDir());
                    out.println("url:        " + (server.httpPort() > 0 ? server.url() : "(never started)"));
                    out.println("running:    " + (server.running() ? (server.healthy() ? "yes" : "yes, not answering")
                            : "no"));
                    out.println("pid:        " + (server.running() ? String.valueOf(server.pid()) : "-"));
                    out.println("log:        " + server.logFile());
                } else {
                    out.println("server:     external (" + ClickHouseConfig.ENV_URL + ")");
                    out.println("url:        " + ClickHouseConfig.fromEnvironment(parent.env).url());
                }
                Optional<ClickHouseConfig> config = environment.currentConfig();
                if (config.isPresent()) {
                    try (ClickHouseStore store = ClickHouseStore.open(config.get())) {
                        if (store.ping()) {
                            if (localServer.isEmpty()) {
                                out.println("running:    yes");
                            }
                            out.println("version:    " + store.version());
                            printMigrations(store, out);
                        } else if (localServer.isEmpty()) {
                            out.println("running:    no (does not answer /ping)");
                        }
                    }
                }
                out.flush();
                return 0;
            });
        }

        private static void printMigrations(ClickHouseStore store, PrintWriter out) {
            Migrations migrations = Migrations.bundled(store);
            List<AppliedMigration> applied = migrations.applied();
            out.println("database:   " + store.database());
            if (applied.isEmpty()) {
                out.println("migrations: none applied");
            }
            for (AppliedMigration a : applied) {
                out.println("applied:    V%03d %s at %s (sha256 %s)".formatted(a.version(), a.name(),
                        TIME.format(a.appliedAt()), a.checksum().substring(0, 12)));
            }
            for (Migration m : migrations.pending()) {
                out.println("pending:    " + describe(m));
            }
        }
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = "Apply pending schema migrations to the running server.")
    static final class Migrate implements Callable<Integer> {
        @ParentCommand
        ClickHouseCommand parent;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return parent.run(spec, () -> {
                PrintWriter out = spec.commandLine().getOut();
                ClickHouseConfig config = parent.environment().currentConfig().orElseThrow(() ->
                        new IllegalStateException("No local ClickHouse is running in "
                                + parent.varDir.toAbsolutePath().normalize() + ": run `fundwatch clickhouse start` "
                                + "(it migrates too), or set " + ClickHouseConfig.ENV_URL + "."));
                try (ClickHouseStore store = ClickHouseStore.open(config)) {
                    migrate(store, out);
                }
                out.flush();
                return 0;
            });
        }
    }
}
