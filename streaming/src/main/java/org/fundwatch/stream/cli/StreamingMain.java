package org.fundwatch.stream.cli;

import org.fundwatch.cli.BenchCommand;
import org.fundwatch.cli.FundwatchCli;
import org.fundwatch.gateway.cli.AuditCommand;
import org.fundwatch.gateway.cli.GatewayBenchCommand;
import org.fundwatch.gateway.cli.ServeCommand;
import org.fundwatch.stream.demo.StreamDemoCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Entry point of the streaming jar ({@code java -jar fundwatch-streaming-…-job.jar stream|serve|audit|bench …}):
 * the Flink job, the hospital gateway and the offline audit. {@code bin/fundwatch} dispatches these commands here.
 */
@Command(name = "fundwatch", mixinStandardHelpOptions = true, version = "fundwatch 0.1.0-SNAPSHOT",
        description = "Fundwatch streaming: the Flink job, the hospital gateway and the offline audit.")
public final class StreamingMain implements Runnable {
    @Spec
    CommandSpec spec;

    private StreamingMain() {
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    /** The command line with every streaming command and Fundwatch's error handling; exposed for tests. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new StreamingMain());
        CommandLine bench = new CommandLine(new BenchCommand());
        cli.addSubcommand("demo", new StreamDemoCommand());
        cli.addSubcommand("stream", new StreamCommand());
        cli.addSubcommand("serve", new ServeCommand());
        cli.addSubcommand("audit", new AuditCommand());
        bench.addSubcommand("stream", new StreamBenchCommand());
        bench.addSubcommand("gateway", new GatewayBenchCommand());
        cli.addSubcommand("bench", bench);
        return FundwatchCli.withErrorHandling(cli);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
