package org.fundwatch.stream.sink.webhook;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * When to try a transiently failed delivery again: exponential backoff with jitter, capped.
 * The n-th retry waits {@code min(maxDelay, initialDelay × multiplier^(n-1))}, reduced by a random fraction of up to
 * {@code jitter} so that many senders that failed together do not retry in lockstep. A receiver's
 * {@code Retry-After} is honoured up to {@code maxDelay}.
 *
 * @param giveUpAfter after this long since the first attempt a warning that still fails is recorded as undeliverable;
 *                    {@code null} retries for as long as it takes (the default: nothing is dropped while a receiver is
 *                    down, its warnings wait in order)
 */
public record RetryPolicy(Duration initialDelay, Duration maxDelay, double multiplier, double jitter,
                          Duration giveUpAfter) implements Serializable {

    /** 1 s, doubling, capped at 5 min, 50 % jitter, never give up. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5), 2.0, 0.5, null);

    public RetryPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= initialDelay <= maxDelay");
        }
        if (multiplier < 1.0) {
            throw new IllegalArgumentException("multiplier must be >= 1");
        }
        if (jitter < 0.0 || jitter > 1.0) {
            throw new IllegalArgumentException("jitter must be within [0, 1]");
        }
        if (giveUpAfter != null && giveUpAfter.isNegative()) {
            throw new IllegalArgumentException("giveUpAfter must not be negative");
        }
    }

    /** The wait before retry number {@code retry} (1 = first retry). */
    public Duration delayBefore(int retry, RandomGenerator random) {
        double base = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, retry - 1));
        double capped = Math.min(base, maxDelay.toMillis());
        double jittered = capped * (1.0 - jitter * random.nextDouble());
        return Duration.ofMillis(Math.max(0L, Math.round(jittered)));
    }

    /** The wait before a retry the receiver asked to delay by {@code retryAfter}: the longer of both, capped. */
    public Duration delayBefore(int retry, RandomGenerator random, Duration retryAfter) {
        Duration backoff = delayBefore(retry, random);
        if (retryAfter == null || retryAfter.compareTo(backoff) <= 0) {
            return backoff;
        }
        return retryAfter.compareTo(maxDelay) > 0 ? maxDelay : retryAfter;
    }
}
