package org.fundwatch.stream.sink.webhook;

/** What a delivery attempt's result means for the warning. */
enum DeliveryOutcome {
    /** 2xx: the receiver has it. */
    DELIVERED,
    /** 5xx, 408, 429 or no response at all (connection refused, reset, timeout): try again later. */
    RETRY,
    /** Any other status (400, 401, 403, 404, 410, 3xx…): the request itself is refused; retrying cannot help. */
    PERMANENT;

    /** The outcome of HTTP status {@code status}. */
    static DeliveryOutcome ofStatus(int status) {
        if (status >= 200 && status < 300) {
            return DELIVERED;
        }
        if (status >= 500 || status == 408 || status == 429) {
            return RETRY;
        }
        return PERMANENT;
    }
}
