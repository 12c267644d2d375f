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

    /** (FG - BG) / sqrt(BG), or NaN when there is no background, BG is 0, or no complete window. */
    static double sigma(List<DetectorCounts> gamma, List<Integer> background, int window) {
        double bg = backgroundSum(background);
        if (!(bg > 0)) {
            return Double.NaN;
        }
        long foreground = -1;
        for (int start = 0; start + window <= gamma.size(); start++) {
            long sum = windowSum(gamma, background, start, window);
            foreground = Math.max(foreground, sum);
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

    /** Sum of one window over the detectors that have a background, or -1 when a value is missing. */
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
