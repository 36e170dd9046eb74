package org.fundwatch.stream.cli;

import org.fundwatch.cli.FundwatchCli;
import picocli.CommandLine;

/**
 * The entry point for a Flink cluster: {@code flink run [-d] -c org.fundwatch.stream.cli.ClusterMain <job jar> --in …}
 * with the options of {@code fundwatch stream}. It runs that command where Flink runs a program's {@code main}: in the
 * client, or in the JobManager in application mode. So it never calls {@code System.exit} (in application mode that
 * would stop the JobManager), and a failure is thrown for Flink to report. {@link StreamingMain} stays the local
 * launcher's entry point, whose exit status is the command's.
 */
public final class ClusterMain {
    private ClusterMain() {
    }

    public static void main(String[] args) {
        int status = FundwatchCli.withErrorHandling(new CommandLine(new StreamCommand())).execute(args);
        if (status != 0) {
            throw new IllegalStateException("fundwatch stream failed with status " + status + " (see the messages above)");
        }
    }
}
