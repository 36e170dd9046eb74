package org.fundwatch.rules.cli;

import org.fundwatch.cli.FundwatchCli;
import picocli.CommandLine;

/** Entry point of the rulebase CLI jar ({@code java -jar fundwatch-rulebase-…-cli.jar validate …}). */
public final class RulesMain {
    private RulesMain() {
    }

    /** {@link RulesCommand} with Fundwatch's error handling ({@link FundwatchCli#withErrorHandling}). */
    public static CommandLine commandLine() {
        return FundwatchCli.withErrorHandling(new CommandLine(new RulesCommand()));
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
