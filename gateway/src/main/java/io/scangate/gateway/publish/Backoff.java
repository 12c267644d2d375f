package io.scangate.gateway.publish;

import java.time.Duration;
import java.util.function.LongUnaryOperator;

/**
 * Exponential backoff with full jitter: the n-th delay is uniform in [0, min(max, min * 2^n)], so that a
 * fleet of gateways cut off by the same outage does not reconnect in lock-step.
 */
final class Backoff {

    private final long minMillis;
    private final long maxMillis;
    /** Given a bound, returns a uniform value in [0, bound]. */
    private final LongUnaryOperator jitter;
    private int attempt;

    Backoff(Duration min, Duration max, LongUnaryOperator jitter) {
        this.minMillis = Math.max(1, min.toMillis());
        this.maxMillis = Math.max(minMillis, max.toMillis());
        this.jitter = jitter;
    }

    /** The delay before the next attempt; every call widens the range until it reaches the maximum. */
    Duration next() {
        long ceiling = Math.min(maxMillis, minMillis << Math.min(attempt, 40));
        attempt++;
        return Duration.ofMillis(jitter.applyAsLong(ceiling));
    }

    /** The next delay starts again from the minimum range. */
    void reset() {
        attempt = 0;
    }

    int attempts() {
        return attempt;
    }
}
