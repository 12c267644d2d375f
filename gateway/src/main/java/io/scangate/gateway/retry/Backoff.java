package io.scangate.gateway.retry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongUnaryOperator;

/**
 * Exponential backoff with full jitter: the n-th delay is uniform in [0, min(max, min * 2^n)], so that a
 * fleet of gateways (or the lanes of one gateway) cut off by the same outage does not reconnect in
 * lock-step. Not thread-safe: each connection owns one and uses it from one thread.
 */
public final class Backoff {

    private final long minMillis;
    private final long maxMillis;
    /** Given a bound, returns a uniform value in [0, bound]. */
    private final LongUnaryOperator jitter;
    private int attempt;

    public Backoff(Duration min, Duration max) {
        this(min, max, bound -> ThreadLocalRandom.current().nextLong(bound + 1));
    }

    /** @param jitter given a bound, returns a value in [0, bound]; tests pass a deterministic one */
    public Backoff(Duration min, Duration max, LongUnaryOperator jitter) {
        this.minMillis = Math.max(1, min.toMillis());
        this.maxMillis = Math.max(minMillis, max.toMillis());
        this.jitter = jitter;
    }

    /** The delay before the next attempt; every call widens the range until it reaches the maximum. */
    public Duration next() {
        long ceiling = Math.min(maxMillis, minMillis << Math.min(attempt, 40));
        attempt++;
        return Duration.ofMillis(jitter.applyAsLong(ceiling));
    }

    /** The next delay starts again from the minimum range. */
    public void reset() {
        attempt = 0;
    }

    public int attempts() {
        return attempt;
    }
}
