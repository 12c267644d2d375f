package io.scangate.gateway.tail;

/**
 * A linear VOI window (DICOM PS3.3 C.11.2.1.2): maps stored values to 8-bit display grey. Values below the
 * window are black, above it white.
 *
 * @param center window centre, in stored-value units
 * @param width window width, at least 1
 */
record Window(double center, double width) {

    Window {
        if (!(width >= 1) || !Double.isFinite(center)) {
            throw new IllegalArgumentException("window needs a finite centre and a width >= 1, got " + center + "/" + width);
        }
    }

    /** Lower share of pixels left black and upper share left white by {@link #percentile}. */
    static final double CLIP = 0.005;

    /** The grey level of one stored value. */
    int grey(int value) {
        double low = center - 0.5 - (width - 1) / 2;
        double high = center - 0.5 + (width - 1) / 2;
        if (value <= low) {
            return 0;
        }
        if (value > high) {
            return 255;
        }
        return (int) Math.round(((value - (center - 0.5)) / (width - 1) + 0.5) * 255);
    }

    /**
     * The window spanning the 0.5th to the 99.5th percentile of the values, so that a few hot or dead
     * detector pixels do not flatten the picture.
     *
     * @param histogram counts of the values {@code minimum}, {@code minimum + 1}, ...
     * @param minimum the value counted in {@code histogram[0]}
     */
    static Window percentile(long[] histogram, int minimum) {
        long total = 0;
        for (long count : histogram) {
            total += count;
        }
        if (total == 0) {
            return new Window(minimum + 0.5, 1);
        }
        int low = valueAt(histogram, (long) Math.floor(total * CLIP));
        int high = valueAt(histogram, (long) Math.ceil(total * (1 - CLIP)) - 1);
        double width = Math.max(1, high - low + 1);
        return new Window(minimum + low + width / 2, width);
    }

    /** The bin holding the {@code rank}-th smallest value (0-based). */
    private static int valueAt(long[] histogram, long rank) {
        long seen = 0;
        for (int bin = 0; bin < histogram.length; bin++) {
            seen += histogram[bin];
            if (seen > rank) {
                return bin;
            }
        }
        return histogram.length - 1;
    }
}
