package io.scangate.bench;

import java.util.Arrays;

/** A growable, thread-safe list of long samples with percentiles. */
final class LongSamples {

    private long[] values = new long[1024];
    private int size;

    synchronized void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    synchronized int size() {
        return size;
    }

    /** The value at quantile {@code q} (0..1, nearest rank), or -1 when empty. */
    synchronized long quantile(double q) {
        if (size == 0) {
            return -1;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))];
    }

    synchronized double mean() {
        return size == 0 ? Double.NaN : Arrays.stream(values, 0, size).average().orElse(Double.NaN);
    }
}
