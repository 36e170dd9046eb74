package org.fundwatch.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code fundwatch bench …}: the benchmarks of the knowledge-base family, each printing its figure on one line
 * ({@code bench drg}, {@code bench generate}). Subcommands are added in {@link FundwatchCli#commandLine()}, so
 * that the same command classes also serve under their own families (e.g. {@code drg bench}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run a benchmark and print its figure: bench drg | bench generate.")
public final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing benchmark: drg or generate");
    }
}
