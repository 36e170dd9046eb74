package org.fundwatch.stream.sink.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void backsOffExponentiallyUpToTheCapWithJitterBelowTheBase() {
        RetryPolicy p = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 2.0, 0.5, null);
        Random random = new Random(7);
        long[] base = {1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000};
        for (int retry = 1; retry <= base.length; retry++) {
            for (int k = 0; k < 50; k++) {
                long ms = p.delayBefore(retry, random).toMillis();
                long b = base[retry - 1];
                assertTrue(ms <= b && ms >= b / 2, "retry " + retry + ": " + ms + " not in [" + b / 2 + ", " + b + "]");
            }
        }
        RetryPolicy noJitter = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 2.0, 0.0, null);
        assertEquals(Duration.ofSeconds(4), noJitter.delayBefore(3, random));
        assertEquals(Duration.ofSeconds(30), noJitter.delayBefore(1000, random));
    }

    @Test
    void honoursRetryAfterUpToTheCap() {
        RetryPolicy p = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 2.0, 0.0, null);
        Random random = new Random(1);
        assertEquals(Duration.ofSeconds(10), p.delayBefore(1, random, Duration.ofSeconds(10)));
        assertEquals(Duration.ofSeconds(30), p.delayBefore(1, random, Duration.ofHours(1)));
        assertEquals(Duration.ofSeconds(4), p.delayBefore(3, random, Duration.ofSeconds(1)));
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(Duration.ofSeconds(5), Duration.ofSeconds(1), 2.0, 0.5, null));
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(5), 0.5, 0.5, null));
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(5), 2.0, 1.5, null));
    }
}
