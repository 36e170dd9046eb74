package org.fundwatch.drg.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code fundwatch drg …}: the CHS-DRG 1.1 grouper. */
@Command(name = "drg", mixinStandardHelpOptions = true,
        description = "CHS-DRG 1.1 grouping: group cases from CSV, benchmark the grouper.",
        subcommands = {DrgGroupCommand.class, DrgBenchCommand.class})
public final class DrgCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: group or bench");
    }
}
