package io.scangate.driver.vm250;

import io.scangate.proto.v1.DetectorCounts;
import java.util.List;

/**
 * Sigma and threshold of an occupancy (DESIGN 4.1): BG is the sum of the gamma background over the
 * detectors the background has a value for; FG the largest sum, over the same detectors, of
 * {@code window} consecutive gamma intervals (a window spans one second, the unit of the background).
 * Windows with a missing value are skipped.
 */
final class GammaStatistics {

    private GammaStatistics() {
    }

    /** Summed background, or NaN when no background is known. */
    static double backgroundSum(List<Integer> background) {
        if (background == null) {
            return Double.NaN;
        }
        long sum = 0;
        int present = 0;
        for (Integer count : background) {
            if (count != null) {
                sum += count;
                present++;
            }
        }
        return present == 0 ? Double.NaN : sum;
    }

    /**
     * (FG - BG) / sqrt(BG), or NaN when there is no background, BG is 0, or no complete window. One pass
     * over the intervals: the window slides, adding the interval that enters and taking off the one that
     * leaves, and counts the intervals inside it that miss a value.
     *
     * @param window intervals in a window, at least 1
     */
    static double sigma(List<DetectorCounts> gamma, List<Integer> background, int window) {
        double bg = backgroundSum(background);
        if (!(bg > 0)) {
            return Double.NaN;
        }
        boolean[] counted = detectorsWithBackground(background);
        long[] sums = new long[gamma.size()];
        long sum = 0;
        int incomplete = 0;
        long foreground = -1;
        for (int i = 0; i < gamma.size(); i++) {
            sums[i] = intervalSum(gamma.get(i), counted);
            if (sums[i] == INCOMPLETE) {
                incomplete++;
            } else {
                sum += sums[i];
            }
            int leaving = i - window;
            if (leaving >= 0) {
                if (sums[leaving] == INCOMPLETE) {
                    incomplete--;
                } else {
                    sum -= sums[leaving];
                }
            }
            if (leaving >= -1 && incomplete == 0) {
                foreground = Math.max(foreground, sum);
            }
        }
        return foreground < 0 ? Double.NaN : (foreground - bg) / Math.sqrt(bg);
    }

    /** BG + N*sqrt(BG), or NaN when BG or N is unknown. */
    static double threshold(List<Integer> background, Double nSigma) {
        double bg = backgroundSum(background);
        if (nSigma == null || !(bg > 0)) {
            return Double.NaN;
        }
        return bg + nSigma * Math.sqrt(bg);
    }

    /** An interval missing a value for a detector that has a background; it spoils every window it is in. */
    private static final long INCOMPLETE = Long.MIN_VALUE;

    private static boolean[] detectorsWithBackground(List<Integer> background) {
        boolean[] counted = new boolean[background.size()];
        for (int detector = 0; detector < counted.length; detector++) {
            counted[detector] = background.get(detector) != null;
        }
        return counted;
    }

    /** Sum of one interval over the detectors that have a background, or {@link #INCOMPLETE}. */
    private static long intervalSum(DetectorCounts interval, boolean[] counted) {
        long sum = 0;
        for (int detector = 0; detector < counted.length; detector++) {
            if (!counted[detector]) {
                continue;
            }
            if (detector >= interval.getCountsCount() || !interval.getPresent(detector)) {
                return INCOMPLETE;
            }
            sum += interval.getCounts(detector);
        }
        return sum;
    }
}
