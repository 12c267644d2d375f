package io.scangate.driver.vm250;

import io.scangate.driver.DriverConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code params:} block of a {@code vm250} device. Every key is optional; a key left out (bound as
 * {@code null}) takes the default named on its component.
 *
 * @param maxLineLength longest line accepted, in bytes without the line end (default 256); longer lines
 *     are skipped and reported
 * @param occupancyTimeout an occupancy with no occupied line (GS GA NS NA SP) for this long is closed as
 *     TIMEOUT (default 10s)
 * @param gammaInterval length of one gamma interval, GS/GA (default 200ms)
 * @param neutronInterval length of one neutron interval, NS/NA (default 1s)
 * @param preTriggerIntervals how many of an occupancy's first gamma lines are history from before its
 *     start (default 5, i.e. 1 s at 200 ms)
 * @param nSigma N of the threshold BG + N*sqrt(BG); when absent, NSigma from the device's SG1 is used
 * @param maxIntervalsPerOccupancy most lines (intervals, speeds, unmapped lines) one occupancy holds; at
 *     the limit it is closed as INTERRUPTED and the passage continues in a new one (default 2000)
 */
public record Vm250Config(
        Integer maxLineLength,
        Duration occupancyTimeout,
        Duration gammaInterval,
        Duration neutronInterval,
        Integer preTriggerIntervals,
        Double nSigma,
        Integer maxIntervalsPerOccupancy) implements DriverConfig {

    public static final int DEFAULT_MAX_LINE_LENGTH = 256;
    public static final Duration DEFAULT_OCCUPANCY_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_GAMMA_INTERVAL = Duration.ofMillis(200);
    public static final Duration DEFAULT_NEUTRON_INTERVAL = Duration.ofSeconds(1);
    public static final int DEFAULT_PRE_TRIGGER_INTERVALS = 5;
    public static final int DEFAULT_MAX_INTERVALS_PER_OCCUPANCY = 2000;

    public Vm250Config {
        maxLineLength = maxLineLength == null ? DEFAULT_MAX_LINE_LENGTH : maxLineLength;
        occupancyTimeout = occupancyTimeout == null ? DEFAULT_OCCUPANCY_TIMEOUT : occupancyTimeout;
        gammaInterval = gammaInterval == null ? DEFAULT_GAMMA_INTERVAL : gammaInterval;
        neutronInterval = neutronInterval == null ? DEFAULT_NEUTRON_INTERVAL : neutronInterval;
        preTriggerIntervals = preTriggerIntervals == null ? DEFAULT_PRE_TRIGGER_INTERVALS : preTriggerIntervals;
        maxIntervalsPerOccupancy = maxIntervalsPerOccupancy == null
                ? DEFAULT_MAX_INTERVALS_PER_OCCUPANCY : maxIntervalsPerOccupancy;
    }

    /** All defaults; {@code nSigma} taken from the device. */
    public static Vm250Config defaults() {
        return new Vm250Config(null, null, null, null, null, null, null);
    }

    @Override
    public List<String> validate() {
        List<String> problems = new ArrayList<>();
        if (maxLineLength < 32 || maxLineLength > 65_536) {
            problems.add("maxLineLength: must be between 32 and 65536 bytes, got " + maxLineLength
                    + " (core VM-250 lines are about 30 bytes; the default is 256)");
        }
        requirePositive(problems, "occupancyTimeout", occupancyTimeout, "10s");
        requirePositive(problems, "gammaInterval", gammaInterval, "200ms");
        requirePositive(problems, "neutronInterval", neutronInterval, "1s");
        if (preTriggerIntervals < 0 || preTriggerIntervals > 100) {
            problems.add("preTriggerIntervals: must be between 0 and 100, got " + preTriggerIntervals
                    + " (VM-250 sends 5: 1 s of history at 200 ms)");
        }
        if (nSigma != null && !(nSigma > 0 && nSigma < 100)) {
            problems.add("nSigma: must be above 0 and below 100, got " + nSigma
                    + " (leave it out to use NSigma from the device's SG1 line)");
        }
        if (maxIntervalsPerOccupancy < 10 || maxIntervalsPerOccupancy > 1_000_000) {
            problems.add("maxIntervalsPerOccupancy: must be between 10 and 1000000, got "
                    + maxIntervalsPerOccupancy + " (a 20 s passage has about 130 lines; the default is 2000)");
        }
        return problems;
    }

    private static void requirePositive(List<String> problems, String key, Duration value, String example) {
        if (value.isNegative() || value.isZero()) {
            problems.add(key + ": must be above zero, got " + value + " (e.g. " + example + ")");
        }
    }
}
