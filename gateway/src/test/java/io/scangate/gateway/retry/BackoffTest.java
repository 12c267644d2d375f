package io.scangate.gateway.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void ceilingDoublesUpToTheMaximumAndResets() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1_000), bound -> bound);
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            delays.add(backoff.next().toMillis());
        }
        assertThat(delays).containsExactly(100L, 200L, 400L, 800L, 1_000L, 1_000L, 1_000L);
        backoff.reset();
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void fullJitterSpreadsDelaysOverTheWholeRange() {
        Random random = new Random(42);
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60),
                bound -> (long) (random.nextDouble() * (bound + 1)));
        for (int i = 0; i < 10; i++) {
            backoff.next();
        }
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 200; i++) {
            long delay = backoff.next().toMillis();
            min = Math.min(min, delay);
            max = Math.max(max, delay);
        }
        assertThat(min).isBetween(0L, 6_000L);
        assertThat(max).isBetween(54_000L, 60_000L);
    }

    @Test
    void manyAttemptsNeverOverflow() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), bound -> bound);
        for (int i = 0; i < 1_000; i++) {
            assertThat(backoff.next()).isEqualTo(i < 6 ? Duration.ofSeconds(1L << i) : Duration.ofSeconds(60));
        }
    }

    @Test
    void theDefaultJitterIsUniformOverTheRange() {
        long sum = 0;
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 2_000; i++) {
            long delay = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1)).next().toMillis();
            assertThat(delay).isBetween(0L, 1_000L);
            sum += delay;
            min = Math.min(min, delay);
            max = Math.max(max, delay);
        }
        assertThat(min).isLessThan(100);
        assertThat(max).isGreaterThan(900);
        assertThat(sum / 2_000.0).isBetween(400.0, 600.0);
    }
}
