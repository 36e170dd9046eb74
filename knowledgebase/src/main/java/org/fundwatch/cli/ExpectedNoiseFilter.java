package org.fundwatch.cli;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Drops Flink's warnings about checkpoints that a task declined because it was not running yet or was already
 * closing. Flink's own failure manager does not count these as failed checkpoints: the next checkpoint is taken as
 * usual. They come with a 30-line stack trace, and every bounded run prints one at its end, when the file source
 * finishes reading while a checkpoint barrier is on its way. Any other checkpoint failure still shows, with its trace.
 */
public final class ExpectedNoiseFilter extends Filter<ILoggingEvent> {
    /** The logger of Flink's checkpoint failure warnings. */
    static final String CHECKPOINT_FAILURES = "org.apache.flink.runtime.checkpoint.CheckpointFailureManager";

    /** How Flink words the two harmless reasons (CheckpointFailureReason.CHECKPOINT_DECLINED_TASK_NOT_READY/_CLOSING). */
    private static final String[] HARMLESS = {"Checkpoint was declined (tasks not ready)",
            "Checkpoint was declined (task is closing)"};

    @Override
    public FilterReply decide(ILoggingEvent event) {
        if (CHECKPOINT_FAILURES.equals(event.getLoggerName()) && harmless(event.getThrowableProxy())) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }

    /** Whether the warning's exception is one of the harmless declines (its own message, not a cause's). */
    private static boolean harmless(IThrowableProxy thrown) {
        if (thrown == null || thrown.getMessage() == null) {
            return false;
        }
        for (String reason : HARMLESS) {
            if (thrown.getMessage().startsWith(reason)) {
                return true;
            }
        }
        return false;
    }
}
