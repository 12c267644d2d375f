package io.scangate.gateway.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LongSummaryStatistics;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void delaysStayWithinTheDoublingCeilingAndTheCap() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(3));
        long[] ceilings = {100, 200, 400, 800, 1600, 3000, 3000, 3000};
        for (long ceiling : ceilings) {
            assertThat(backoff.nextDelayMillis()).isBetween(0L, ceiling);
        }
    }

    @Test
    void delaysAreSpreadAcrossTheWholeRangeSoThatLanesDoNotReconnectInStep() {
        LongSummaryStatistics stats = LongStream.range(0, 2_000).map(i -> {
            Backoff b = new Backoff(Duration.ofMillis(1000), Duration.ofMillis(1000));
            return b.nextDelayMillis();
        }).summaryStatistics();

        assertThat(stats.getMin()).isLessThan(100);
        assertThat(stats.getMax()).isGreaterThan(900);
        assertThat(stats.getAverage()).isBetween(400.0, 600.0);
    }

    @Test
    void resetStartsAgainFromTheMinimum() {
        Backoff backoff = new Backoff(Duration.ofMillis(10), Duration.ofSeconds(60));
        for (int i = 0; i < 12; i++) {
            backoff.nextDelayMillis();
        }
        backoff.reset();

        assertThat(backoff.attempts()).isZero();
        assertThat(backoff.nextDelayMillis()).isBetween(0L, 10L);
    }
}
