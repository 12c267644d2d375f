package io.scangate.driver.vm250;

import static org.assertj.core.api.Assertions.assertThat;

import io.scangate.proto.v1.DetectorCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The sliding-window sigma against the straightforward computation it replaced, on random occupancies:
 * missing values, intervals with fewer detectors than the background, backgrounds with missing or zero
 * detectors, windows longer than the occupancy.
 */
class GammaSigmaEquivalenceTest {

    @Test
    void slidingWindowSigmaEqualsEveryWindowSummedAfresh() {
        SplittableRandom random = new SplittableRandom(41);
        int withSigma = 0;
        for (int n = 0; n < 20_000; n++) {
            List<Integer> background = background(random);
            List<DetectorCounts> gamma = occupancy(random);
            int window = 1 + random.nextInt(8);

            double expected = referenceSigma(gamma, background, window);
            double actual = GammaStatistics.sigma(gamma, background, window);

            // Double.compare: exactly the same value, NaN included.
            assertThat(Double.compare(actual, expected))
                    .as("sigma %s, expected %s; background %s window %d gamma %s", actual, expected,
                            background, window, gamma)
                    .isZero();
            withSigma += Double.isNaN(expected) ? 0 : 1;
        }
        // The comparison must not pass only because both sides are NaN.
        assertThat(withSigma).isGreaterThan(5_000);
    }

    private static List<Integer> background(SplittableRandom random) {
        if (random.nextInt(20) == 0) {
            return null;
        }
        List<Integer> background = new ArrayList<>();
        int detectors = random.nextInt(6);
        for (int d = 0; d < detectors; d++) {
            int kind = random.nextInt(10);
            background.add(kind == 0 ? null : kind == 1 ? 0 : 50 + random.nextInt(500));
        }
        return background;
    }

    private static List<DetectorCounts> occupancy(SplittableRandom random) {
        List<DetectorCounts> gamma = new ArrayList<>();
        int intervals = random.nextInt(40);
        // Half the occupancies are clean; in the others one value in forty is missing.
        int missingOneIn = random.nextBoolean() ? 0 : 40;
        for (int i = 0; i < intervals; i++) {
            DetectorCounts.Builder interval = DetectorCounts.newBuilder();
            int detectors = random.nextInt(30) == 0 ? random.nextInt(4) : 4 + random.nextInt(2);
            for (int d = 0; d < detectors; d++) {
                boolean present = missingOneIn == 0 || random.nextInt(missingOneIn) != 0;
                interval.addCounts(present ? random.nextInt(1_000_000_000) : 0).addPresent(present);
            }
            gamma.add(interval.build());
        }
        return gamma;
    }

    /** The computation as it was: each window summed over all its intervals and detectors. */
    private static double referenceSigma(List<DetectorCounts> gamma, List<Integer> background, int window) {
        double bg = GammaStatistics.backgroundSum(background);
        if (!(bg > 0)) {
            return Double.NaN;
        }
        long foreground = -1;
        for (int start = 0; start + window <= gamma.size(); start++) {
            foreground = Math.max(foreground, windowSum(gamma, background, start, window));
        }
        return foreground < 0 ? Double.NaN : (foreground - bg) / Math.sqrt(bg);
    }

    private static long windowSum(List<DetectorCounts> gamma, List<Integer> background, int start, int window) {
        long sum = 0;
        for (int i = start; i < start + window; i++) {
            DetectorCounts interval = gamma.get(i);
            for (int detector = 0; detector < background.size(); detector++) {
                if (background.get(detector) == null) {
                    continue;
                }
                if (detector >= interval.getCountsCount() || !interval.getPresent(detector)) {
                    return -1;
                }
                sum += interval.getCounts(detector);
            }
        }
        return sum;
    }
}
