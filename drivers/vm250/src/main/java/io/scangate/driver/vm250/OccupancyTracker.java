package io.scangate.driver.vm250;

import io.netty.util.concurrent.ScheduledFuture;
import io.scangate.driver.DeviceContext;
import io.scangate.proto.v1.Envelope;
import io.scangate.proto.v1.OccupancyClose;
import io.scangate.proto.v1.RadiationScan;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The occupancy state machine: idle, or one open {@link Occupancy}. Occupied lines (GS GA NS NA SP) open
 * one; GX closes it NORMAL; a background line (GB GH GL NB NH) closes it INTERRUPTED, since the lane is
 * empty again; silence for {@code occupancyTimeout} closes it TIMEOUT. A link drop closes nothing: the
 * passage may continue after a reconnect, and the timer covers it if it does not. Runs on the device's
 * executor only.
 */
final class OccupancyTracker {

    private static final Logger log = LoggerFactory.getLogger(OccupancyTracker.class);
    private static final List<Integer> UNREADABLE = Arrays.asList(null, null, null, null);

    private final Vm250Config config;
    private final DeviceContext device;
    private final LaneState lane;
    private Occupancy open;
    private ScheduledFuture<?> timer;
    private Long lastCounter;

    OccupancyTracker(Vm250Config config, DeviceContext device, LaneState lane) {
        this.config = config;
        this.device = device;
        this.lane = lane;
    }

    boolean isOpen() {
        return open != null;
    }

    /** GS GA NS NA. */
    void onInterval(CountsTag tag, List<Integer> counts) {
        Instant now = device.now();
        Occupancy occupancy = occupancyFor(now);
        boolean alarm = tag.role() == CountsTag.Role.ALARM;
        if (tag.radiation() == CountsTag.Radiation.GAMMA) {
            occupancy.addGamma(counts, alarm, now);
        } else {
            occupancy.addNeutron(counts, alarm, now);
        }
    }

    void onSpeed(Vm250Record.Speed speed) {
        Instant now = device.now();
        occupancyFor(now).addSpeed(speed, now);
    }

    /**
     * GX. Tracks the device counter even without an open occupancy, so that a reset is seen.
     *
     * @return false when no occupancy was open, so the caller keeps the line some other way
     */
    boolean onEnd(Vm250Record.OccupancyEnd end) {
        Long counter = end.occupancyCounter();
        boolean reset = counter != null && lastCounter != null && counter < lastCounter;
        Long previous = lastCounter;
        if (counter != null) {
            lastCounter = counter;
        }
        if (open == null) {
            return false;
        }
        if (counter != null) {
            open.deviceCounter(counter);
        }
        if (reset) {
            log.info("device={} reason=occupancy_counter_reset previous={} now={}",
                    deviceId(), previous, counter);
            open.deviceField("counter_reset", "true");
            open.deviceField("previous_counter", Long.toString(previous));
        }
        putIfPresent("neutronBackgroundX1000", end.neutronBackgroundX1000());
        putIfPresent("field3", end.field3());
        putIfPresent("field4", end.field4());
        close(OccupancyClose.OCCUPANCY_CLOSE_NORMAL, device.now());
        return true;
    }

    /** A background or background-fault line: the lane is empty, so an open occupancy ended without GX. */
    void onLaneEmpty(String tag) {
        if (open != null) {
            open.deviceField("interrupted_by", tag);
            close(OccupancyClose.OCCUPANCY_CLOSE_INTERRUPTED, open.lastLine());
        }
    }

    /** A line the driver did not map; kept in the open occupancy (the raw record is emitted anyway). */
    void onUnmapped(String text) {
        if (open == null) {
            return;
        }
        if (open.lines() >= config.maxIntervalsPerOccupancy()) {
            open.deviceField("unmapped_not_kept", "true");
            return;
        }
        open.addUnmapped(text);
    }

    /**
     * A line with a known tag whose fields could not be read. The tag still says what the device meant:
     * an interval whose values are all missing, an end of occupancy without values, or an empty lane.
     */
    void onUnreadable(String tag, String text) {
        CountsTag countsTag = CountsTag.of(tag);
        if (countsTag != null && countsTag.occupied()) {
            onInterval(countsTag, UNREADABLE);
            onUnmapped(text);
        } else if (countsTag != null) {
            onLaneEmpty(tag);
        } else if ("GX".equals(tag) && open != null) {
            onUnmapped(text);
            open.deviceField("end_unreadable", "true");
            close(OccupancyClose.OCCUPANCY_CLOSE_NORMAL, device.now());
        } else {
            onUnmapped(text);
        }
    }

    /** The gateway stops: an open occupancy is emitted now rather than lost. */
    void stop() {
        if (open != null) {
            open.deviceField("interrupted_by", "gateway_stop");
            close(OccupancyClose.OCCUPANCY_CLOSE_INTERRUPTED, open.lastLine());
        }
        cancelTimer();
    }

    private Occupancy occupancyFor(Instant now) {
        if (open != null && open.lines() >= config.maxIntervalsPerOccupancy()) {
            String previous = open.id();
            log.warn("device={} reason=occupancy_line_limit occupancy={} limit={} detail=continued in a new one",
                    deviceId(), previous, config.maxIntervalsPerOccupancy());
            open.deviceField("line_limit_reached", "true");
            close(OccupancyClose.OCCUPANCY_CLOSE_INTERRUPTED, open.lastLine());
            open = new Occupancy(now, lane, config, 0);
            open.deviceField("continues", previous);
            armTimer(config.occupancyTimeout());
        } else if (open == null) {
            open = new Occupancy(now, lane, config, config.preTriggerIntervals());
            armTimer(config.occupancyTimeout());
        }
        return open;
    }

    private void close(OccupancyClose kind, Instant end) {
        cancelTimer();
        Occupancy closing = open;
        open = null;
        RadiationScan scan = closing.close(kind, end, lane.nSigma());
        if (kind == OccupancyClose.OCCUPANCY_CLOSE_NORMAL) {
            log.debug("device={} occupancy={} close={} gammaAlarm={} neutronAlarm={}", deviceId(),
                    scan.getOccupancyId(), kind, scan.getGammaAlarm(), scan.getNeutronAlarm());
        } else {
            log.info("device={} occupancy={} close={} reason=no_gx detail={}", deviceId(),
                    scan.getOccupancyId(), kind, scan.getDeviceFieldsMap());
        }
        device.emit(Envelope.newBuilder().setRadiationScan(scan));
    }

    /**
     * One timer per occupancy, not one per line: when it fires early (lines kept arriving) it re-arms
     * itself for the time still left.
     */
    private void armTimer(Duration delay) {
        cancelTimer();
        timer = device.executor().schedule(this::checkTimeout, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void checkTimeout() {
        timer = null;
        if (open == null) {
            return;
        }
        Duration silent = Duration.between(open.lastLine(), device.now());
        Duration left = config.occupancyTimeout().minus(silent);
        if (left.isNegative() || left.isZero()) {
            close(OccupancyClose.OCCUPANCY_CLOSE_TIMEOUT, open.lastLine());
        } else {
            armTimer(left);
        }
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void putIfPresent(String key, Long value) {
        if (value != null) {
            open.deviceField(key, Long.toString(value));
        }
    }

    private String deviceId() {
        return device.device().getDeviceId();
    }
}
