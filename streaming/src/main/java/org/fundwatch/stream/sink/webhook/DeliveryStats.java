package org.fundwatch.stream.sink.webhook;

/**
 * Counters of one dispatcher since it started.
 *
 * @param submitted      warnings accepted for delivery (their institution has a subscription)
 * @param delivered      acknowledged with 2xx
 * @param retries        failed attempts that were scheduled again
 * @param undeliverable  given up on (permanent 4xx, or {@link RetryPolicy#giveUpAfter()} exceeded)
 * @param unsubscribed   skipped because their institution has no subscription
 * @param pending        accepted and not yet delivered nor given up on
 */
public record DeliveryStats(long submitted, long delivered, long retries, long undeliverable, long unsubscribed,
                            long pending) {
}
