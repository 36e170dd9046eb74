package org.fundwatch.cli;

import java.util.Arrays;
import org.fundwatch.clickhouse.cli.ClickHouseCommand;
import org.fundwatch.drg.cli.DrgBenchCommand;
import org.fundwatch.drg.cli.DrgCommand;
import org.fundwatch.generate.cli.GenerateBenchCommand;
import org.fundwatch.generate.cli.GenerateCommand;
import org.fundwatch.pack.cli.KbCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Root of the knowledge-base command family run by {@code bin/fundwatch}. Every subcommand has
 * {@code --help}; wrong use exits 2 with picocli's message, a failure exits 1 with one line saying
 * what went wrong (the stack trace only with {@code FUNDWATCH_VERBOSE=1}).
 */
@Command(name = "fundwatch", mixinStandardHelpOptions = true, version = "fundwatch 0.1.0-SNAPSHOT",
        description = "Fundwatch — intelligent supervision of China's medical-insurance fund.",
        subcommands = {KbCommand.class, GenerateCommand.class, DrgCommand.class, ClickHouseCommand.class})
public final class FundwatchCli implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    /** Builds the command line with Fundwatch's error handling; exposed for tests. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new FundwatchCli());
        CommandLine bench = new CommandLine(new BenchCommand());
        bench.addSubcommand("drg", new DrgBenchCommand());
        bench.addSubcommand("generate", new GenerateBenchCommand());
        cli.addSubcommand("bench", bench);
        return withErrorHandling(cli);
    }

    /**
     * Installs Fundwatch's failure handling on {@code cli} (also used by stand-alone entry points such as the rules
     * CLI jar): a runtime failure prints {@code fundwatch <command>: <message>} and exits 1, with the stack trace only
     * when verbose.
     */
    public static CommandLine withErrorHandling(CommandLine cli) {
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            String name = commandLine.getCommandSpec().qualifiedName();
            commandLine.getErr().println((name.startsWith("fundwatch") ? name : "fundwatch " + name) + ": " + describe(ex));
            if (verbose()) {
                ex.printStackTrace(commandLine.getErr());
            }
            return 1;
        });
        return cli;
    }

    private static String describe(Throwable ex) {
        String message = ex.getMessage();
        return message == null || message.isBlank() ? ex.getClass().getSimpleName() : message;
    }

    private static boolean verbose() {
        return "1".equals(System.getenv("FUNDWATCH_VERBOSE"))
                || Arrays.asList(System.getProperty("sun.java.command", "").split(" ")).contains("--verbose");
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
