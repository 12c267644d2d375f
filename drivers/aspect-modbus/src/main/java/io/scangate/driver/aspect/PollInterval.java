package io.scangate.driver.aspect;

import java.time.Duration;

/**
 * What the device counted between two polls: the differences of its free-running counters. Lengths come
 * from the device's own elapsed-time register, so gateway scheduling jitter does not distort rates.
 *
 * @param gammaCounts gamma counts in the interval (single channel)
 * @param neutronCounts neutron counts in the interval (single channel)
 * @param length how long the interval was, by the device's clock
 */
record PollInterval(long gammaCounts, long neutronCounts, Duration length) {

    private static final long UINT32 = 0xFFFF_FFFFL;
    /** A difference this large means the clock went backwards (device restart), not forwards. */
    private static final long HALF_RANGE = 1L << 31;

    /**
     * The interval from {@code before} to {@code after}, or null when there is none to measure: no
     * earlier poll, the device signals Reset, or its clock stood still or went backwards (restarted).
     */
    static PollInterval between(MonitorBlock before, MonitorBlock after) {
        if (before == null || (after.inputs() & MonitorBlock.RESET) != 0) {
            return null;
        }
        long millis = (after.elapsedMillis() - before.elapsedMillis()) & UINT32;
        if (millis == 0 || millis >= HALF_RANGE) {
            return null;
        }
        return new PollInterval(
                (after.gamma().count() - before.gamma().count()) & UINT32,
                (after.neutron().count() - before.neutron().count()) & UINT32,
                Duration.ofMillis(millis));
    }
}
