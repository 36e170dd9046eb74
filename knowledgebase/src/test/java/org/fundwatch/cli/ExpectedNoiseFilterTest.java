package org.fundwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

/**
 * Only Flink's harmless checkpoint declines (a task not running yet, or closing) are dropped; every other checkpoint
 * failure, and the same words from another logger or in a cause, still reach the console.
 */
class ExpectedNoiseFilterTest {
    private final LoggerContext context = new LoggerContext();
    private final ExpectedNoiseFilter filter = new ExpectedNoiseFilter();

    private FilterReply decide(String logger, Throwable thrown) {
        Logger l = context.getLogger(logger);
        return filter.decide(new LoggingEvent(Logger.class.getName(), l, Level.WARN,
                "Failed to trigger or complete checkpoint 6 for job j. (0 consecutive failed attempts so far)", thrown,
                null));
    }

    @Test
    void harmlessDeclinesAreDropped() {
        assertEquals(FilterReply.DENY, decide(ExpectedNoiseFilter.CHECKPOINT_FAILURES,
                new IllegalStateException("Checkpoint was declined (task is closing)")));
        assertEquals(FilterReply.DENY, decide(ExpectedNoiseFilter.CHECKPOINT_FAILURES,
                new IllegalStateException("Checkpoint was declined (tasks not ready)")));
    }

    @Test
    void realFailuresStillShow() {
        assertEquals(FilterReply.NEUTRAL, decide(ExpectedNoiseFilter.CHECKPOINT_FAILURES,
                new IllegalStateException("Checkpoint expired before completing.")));
        assertEquals(FilterReply.NEUTRAL, decide(ExpectedNoiseFilter.CHECKPOINT_FAILURES,
                new IllegalStateException("Asynchronous task checkpoint failed.",
                        new IllegalStateException("Checkpoint was declined (task is closing)"))));
        assertEquals(FilterReply.NEUTRAL, decide(ExpectedNoiseFilter.CHECKPOINT_FAILURES, null));
        assertEquals(FilterReply.NEUTRAL, decide("org.fundwatch.stream.job.FundwatchJob",
                new IllegalStateException("Checkpoint was declined (task is closing)")));
    }
}
