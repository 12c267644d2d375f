package io.scangate.gateway.host;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter: the n-th retry waits a uniform random time in
 * [0, min(max, min * 2^n)]. Random spread keeps a fleet of gateways (or lanes) from reconnecting in
 * step after a shared outage. Not thread-safe: each device uses its own, on its event loop.
 */
public final class Backoff {

    private final long minMillis;
    private final long maxMillis;
    private int attempt;

    public Backoff(Duration min, Duration max) {
        this.minMillis = Math.max(1, min.toMillis());
        this.maxMillis = Math.max(minMillis, max.toMillis());
    }

    /** The delay before the next attempt; each call counts one more failure. */
    public long nextDelayMillis() {
        long ceiling = attempt >= 30 ? maxMillis : Math.min(maxMillis, minMillis << attempt);
        attempt++;
        return ThreadLocalRandom.current().nextLong(ceiling + 1);
    }

    /** The link has been stable: the next failure starts again from the minimum. */
    public void reset() {
        attempt = 0;
    }

    public int attempts() {
        return attempt;
    }
}
