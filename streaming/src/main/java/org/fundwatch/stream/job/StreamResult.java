package org.fundwatch.stream.job;

import org.apache.flink.api.common.JobExecutionResult;
import org.fundwatch.stream.parse.ParseFunction;

/**
 * The counts of a finished run: every record read is processed or dead-lettered ({@link #reconciles()}).
 *
 * @param feeLines fee lines in the processed 2204/2301 messages
 * @param millis   wall-clock run time
 */
public record StreamResult(long recordsIn, long processed, long deadLettered, long feeLines, long millis,
                           long postEvaluationsSkipped) {

    /** The counts of a finished run (its accumulators). */
    public static StreamResult of(JobExecutionResult r) {
        return new StreamResult(FundwatchJob.counter(r, ParseFunction.RECORDS_IN),
                FundwatchJob.counter(r, ParseFunction.PROCESSED), FundwatchJob.counter(r, ParseFunction.DEAD_LETTERED),
                FundwatchJob.counter(r, ParseFunction.FEE_LINES), r.getNetRuntime(),
                FundwatchJob.counter(r, org.fundwatch.stream.eval.PersonEvaluator.POST_SKIPPED));
    }

    /** records in = processed + dead-lettered. */
    public boolean reconciles() {
        return recordsIn == processed + deadLettered;
    }

    @Override
    public String toString() {
        return "records in " + recordsIn + " = processed " + processed + " + dead-lettered " + deadLettered
                + (reconciles() ? "" : " (MISMATCH)") + "; fee lines " + feeLines + "; " + millis + " ms";
    }
}
