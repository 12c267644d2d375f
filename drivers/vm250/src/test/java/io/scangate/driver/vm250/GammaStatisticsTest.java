package io.scangate.driver.vm250;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.scangate.proto.v1.DetectorCounts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class GammaStatisticsTest {

    private static final List<Integer> BACKGROUND = List.of(100, 100, 100, 100);

    @Test
    void sigmaUsesTheBestWindowOfFiveIntervals() {
        List<DetectorCounts> gamma = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            gamma.add(interval(20, 20, 20, 20));
        }
        gamma.set(6, interval(40, 40, 40, 40));

        assertThat(GammaStatistics.sigma(gamma, BACKGROUND, 5)).isCloseTo((480 - 400) / 20.0, within(1e-9));
    }

    @Test
    void thresholdIsBackgroundPlusNSigmas() {
        assertThat(GammaStatistics.threshold(BACKGROUND, 5.0)).isEqualTo(500.0);
        assertThat(GammaStatistics.threshold(BACKGROUND, null)).isNaN();
        assertThat(GammaStatistics.threshold(null, 5.0)).isNaN();
    }

    @Test
    void sigmaIsNotANumberWithoutACompleteWindowOrBackground() {
        List<DetectorCounts> four = List.of(interval(1, 1, 1, 1), interval(1, 1, 1, 1), interval(1, 1, 1, 1),
                interval(1, 1, 1, 1));
        assertThat(GammaStatistics.sigma(four, BACKGROUND, 5)).isNaN();
        assertThat(GammaStatistics.sigma(four, null, 2)).isNaN();
        assertThat(GammaStatistics.sigma(four, List.of(0, 0, 0, 0), 2)).isNaN();
        assertThat(GammaStatistics.sigma(four, Arrays.asList(null, null, null, null), 2)).isNaN();
    }

    private static DetectorCounts interval(Integer... counts) {
        return Vm250Messages.detectorCounts(Arrays.asList(counts), Vm250Messages.duration(0),
                Vm250Messages.duration(Duration.ofMillis(200).toNanos()), false);
    }
}
