package io.scangate.driver.vm250;

import io.scangate.proto.v1.OccupancyClose;
import io.scangate.proto.v1.RadiationScan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.DoubleConsumer;

/**
 * One open occupancy: collects intervals, speeds and unmapped lines, then builds the RadiationScan.
 *
 * <p>Offset convention: the occupancy starts when its first line arrives. Gamma interval {@code k}
 * (counting GS and GA lines from 0) starts at {@code (k - preTrigger) * gammaInterval}, so the five
 * pre-trigger lines of a VM-250 lie at -1.0, -0.8, -0.6, -0.4 and -0.2 s and the first live interval at
 * 0. Neutron interval {@code k} starts at {@code k * neutronInterval}.
 */
final class Occupancy {

    private final RadiationScan.Builder scan;
    private final List<Integer> gammaBackground;
    private final Duration gammaInterval;
    private final Duration neutronInterval;
    private final int preTrigger;
    /** Interval lengths as sent: the same for every interval, so made once. */
    private final com.google.protobuf.Duration gammaLength;
    private final com.google.protobuf.Duration neutronLength;
    private int gammaIndex;
    private int neutronIndex;
    private int lines;
    private Instant lastLine;

    Occupancy(Instant start, LaneState lane, Vm250Config config, int preTrigger) {
        this.gammaBackground = lane.gammaBackground();
        this.gammaInterval = config.gammaInterval();
        this.neutronInterval = config.neutronInterval();
        this.gammaLength = Vm250Messages.duration(gammaInterval.toNanos());
        this.neutronLength = Vm250Messages.duration(neutronInterval.toNanos());
        this.preTrigger = preTrigger;
        this.lastLine = start;
        this.scan = RadiationScan.newBuilder()
                .setOccupancyId(UUID.randomUUID().toString())
                .setStartTime(Vm250Messages.timestamp(start));
        // A detector the device reported as *** gets NaN, so that positions still match detectors.
        addBackground(lane.gammaBackground(), scan::addGammaBackground);
        addBackground(lane.neutronBackground(), scan::addNeutronBackground);
    }

    String id() {
        return scan.getOccupancyId();
    }

    /** Receive time of the last line that belonged to this occupancy. */
    Instant lastLine() {
        return lastLine;
    }

    /** Lines held so far (intervals, speeds, unmapped lines): what the line limit counts. */
    int lines() {
        return lines;
    }

    void addGamma(List<Integer> counts, boolean alarm, Instant at) {
        long offsetNanos = offsetNanos(gammaInterval, gammaIndex - (long) preTrigger);
        gammaIndex++;
        scan.addGamma(Vm250Messages.detectorCounts(counts, Vm250Messages.duration(offsetNanos), gammaLength, alarm));
        scan.setGammaAlarm(scan.getGammaAlarm() || alarm);
        hold(at);
    }

    void addNeutron(List<Integer> counts, boolean alarm, Instant at) {
        long offsetNanos = offsetNanos(neutronInterval, neutronIndex);
        neutronIndex++;
        scan.addNeutron(
                Vm250Messages.detectorCounts(counts, Vm250Messages.duration(offsetNanos), neutronLength, alarm));
        scan.setNeutronAlarm(scan.getNeutronAlarm() || alarm);
        hold(at);
    }

    /**
     * Start of interval {@code index} in nanoseconds; plain long arithmetic, since {@code Duration}'s own
     * multiplication divides through BigInteger. The configuration puts no upper bound on an interval, so
     * the product is checked: it fails as {@code Duration.toNanos()} did, instead of wrapping round.
     */
    private static long offsetNanos(Duration interval, long index) {
        return Math.multiplyExact(interval.toNanos(), index);
    }

    void addSpeed(Vm250Record.Speed speed, Instant at) {
        scan.addSpeed(Vm250Messages.speed(speed));
        hold(at);
    }

    /** A line the driver did not map; it does not keep the occupancy alive. */
    void addUnmapped(String text) {
        scan.addUnmapped(text);
        lines++;
    }

    void deviceField(String key, String value) {
        scan.putDeviceFields(key, value);
    }

    void deviceCounter(long counter) {
        scan.setDeviceCounter(counter).setDeviceCounterPresent(true);
    }

    RadiationScan close(OccupancyClose kind, Instant end, Double nSigma) {
        int window = (int) Math.max(1, Math.round(1e9 / gammaInterval.toNanos()));
        scan.setClose(kind).setEndTime(Vm250Messages.timestamp(end));
        double sigma = GammaStatistics.sigma(scan.getGammaList(), gammaBackground, window);
        if (!Double.isNaN(sigma)) {
            scan.setGammaSigma(sigma).setGammaSigmaPresent(true);
        }
        double threshold = GammaStatistics.threshold(gammaBackground, nSigma);
        if (!Double.isNaN(threshold)) {
            scan.setGammaThreshold(threshold).setGammaThresholdPresent(true);
        }
        return scan.build();
    }

    private void hold(Instant at) {
        lines++;
        lastLine = at;
    }

    private static void addBackground(List<Integer> counts, DoubleConsumer sink) {
        if (counts == null) {
            return;
        }
        for (Integer count : counts) {
            sink.accept(count == null ? Double.NaN : count);
        }
    }
}
