package io.scangate.driver.aspect;

import io.netty.util.concurrent.ScheduledFuture;
import io.scangate.driver.DeviceContext;
import io.scangate.proto.v1.Envelope;
import io.scangate.proto.v1.MeasurementKind;
import io.scangate.proto.v1.OccupancyClose;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The occupancy state machine, fed one monitor block per poll. An occupancy is open while any Occup bit
 * (0x000F) is set; the object counter names it. The counter may advance when a vehicle arrives or when it
 * leaves: an occupancy opening with a fresh advance takes the newest value, an open one without a value
 * takes the first new one. Advances no occupancy can claim are vehicles that came and went between two
 * polls: each still gets a RadiationScan (no intervals, {@code seen_by=object_counter}), since a passage
 * must never vanish silently.
 *
 * <p>While the lane is empty each poll interval's counts go out as background measurements. Runs on the
 * device's executor only; lives in the driver, so an occupancy survives a reconnect.
 */
final class PassageTracker {

    static final String SEEN_BY = "seen_by";
    private static final Logger log = LoggerFactory.getLogger(PassageTracker.class);
    private static final int COUNTER_MODULO = 0x10000;

    private final AspectModbusConfig config;
    private final DeviceContext device;
    private MonitorBlock previous;
    private Instant previousAt;
    private Passage open;
    private ScheduledFuture<?> timeout;
    private Integer counterBeforeReset;

    PassageTracker(AspectModbusConfig config, DeviceContext device) {
        this.config = config;
        this.device = device;
    }

    boolean occupied() {
        return open != null;
    }

    void onMonitor(MonitorBlock block) {
        Instant now = device.now();
        PollInterval interval = PollInterval.between(previous, block);
        List<Integer> counters = newCounters(block);
        if (open == null && !block.occupied()) {
            counters.forEach(counter -> emitUnobserved(counter, block, now));
            emitBackground(interval);
        } else if (open == null) {
            openWithNewest(counters, block, interval, now);
        } else {
            continueOpen(counters, block, interval, now);
        }
        previous = block;
        previousAt = now;
        armTimeout();
    }

    /** The gateway stops: what is open is closed now rather than lost. */
    void stop() {
        cancelTimeout();
        if (open != null) {
            open.deviceField("interrupted_by", "gateway_stop");
            close(OccupancyClose.OCCUPANCY_CLOSE_INTERRUPTED, device.now());
        }
    }

    private void openWithNewest(List<Integer> counters, MonitorBlock block, PollInterval interval, Instant now) {
        for (int i = 0; i < counters.size() - 1; i++) {
            emitUnobserved(counters.get(i), block, now);
        }
        open = new Passage(now, block, interval);
        if (!counters.isEmpty()) {
            assignCounter(counters.get(counters.size() - 1));
        }
    }

    private void continueOpen(List<Integer> counters, MonitorBlock block, PollInterval interval, Instant now) {
        List<Integer> unclaimed = new ArrayList<>(counters);
        if (!unclaimed.isEmpty() && !open.hasCounter()) {
            assignCounter(unclaimed.remove(0));
        }
        if (!unclaimed.isEmpty() && block.occupied()) {
            // A second counter advance while the Occup bits never cleared: the next vehicle followed on.
            open.deviceField("closed_by", "object_counter");
            close(OccupancyClose.OCCUPANCY_CLOSE_NORMAL, previousAt);
            openWithNewest(unclaimed, block, interval, now);
            return;
        }
        open.add(block, interval, now);
        if (!block.occupied()) {
            close(OccupancyClose.OCCUPANCY_CLOSE_NORMAL, now);
            unclaimed.forEach(counter -> emitUnobserved(counter, block, now));
        } else if (open.intervals() >= config.maxIntervalsPerOccupancy()) {
            String before = open.id();
            open.deviceField("interrupted_by", "interval_limit");
            close(OccupancyClose.OCCUPANCY_CLOSE_INTERRUPTED, now);
            open = new Passage(now, block, null);
            open.deviceField("continues", before);
        }
    }

    /**
     * The object-counter values used since the last poll, oldest first. A small advance (rollover
     * included) is that many vehicles; a drop to a small value is a reset (values since counted from 1);
     * anything else is reported as a jump and claims nothing.
     */
    private List<Integer> newCounters(MonitorBlock block) {
        List<Integer> values = new ArrayList<>();
        if (previous == null) {
            return values;
        }
        int last = previous.objectCount();
        int now = block.objectCount();
        int advance = Math.floorMod(now - last, COUNTER_MODULO);
        if (advance == 0) {
            return values;
        }
        if (advance <= config.maxCounterJump()) {
            for (int i = 1; i <= advance; i++) {
                values.add((last + i) % COUNTER_MODULO);
            }
        } else if (now <= config.maxCounterJump()) {
            log.info("device={} reason=object_counter_reset previous={} now={}", deviceId(), last, now);
            counterBeforeReset = last;
            for (int i = 1; i <= now; i++) {
                values.add(i);
            }
        } else {
            device.decodeError("counter_jump", "object count went from " + last + " to " + now
                    + ", more than maxCounterJump=" + config.maxCounterJump() + " vehicles");
        }
        return values;
    }

    private void assignCounter(int counter) {
        name(open, counter);
    }

    private void name(Passage passage, int counter) {
        passage.counter(counter);
        if (counterBeforeReset != null) {
            passage.deviceField("counter_reset", "true");
            passage.deviceField("previous_counter", Integer.toString(counterBeforeReset));
            counterBeforeReset = null;
        }
    }

    private void emitUnobserved(int counter, MonitorBlock block, Instant now) {
        log.info("device={} reason=passage_between_polls object_count={}", deviceId(), counter);
        Passage unobserved = new Passage(previousAt == null ? now : previousAt, block, null);
        name(unobserved, counter);
        unobserved.deviceField(SEEN_BY, "object_counter");
        emit(unobserved, OccupancyClose.OCCUPANCY_CLOSE_NORMAL, now);
    }

    private void emitBackground(PollInterval interval) {
        if (interval == null) {
            return;
        }
        device.emit(AspectMessages.background(MeasurementKind.MEASUREMENT_KIND_GAMMA_BACKGROUND,
                AspectMessages.GAMMA_COUNT_TAG, interval.gammaCounts(), interval.length()));
        device.emit(AspectMessages.background(MeasurementKind.MEASUREMENT_KIND_NEUTRON_BACKGROUND,
                AspectMessages.NEUTRON_COUNT_TAG, interval.neutronCounts(), interval.length()));
    }

    private void close(OccupancyClose kind, Instant end) {
        Passage closing = open;
        open = null;
        emit(closing, kind, end);
    }

    private void emit(Passage passage, OccupancyClose kind, Instant end) {
        device.emit(Envelope.newBuilder().setRadiationScan(passage.close(kind, end, config.speedKmhPerUnit())));
    }

    private void armTimeout() {
        cancelTimeout();
        if (open != null) {
            timeout = device.executor().schedule(this::onTimeout, config.occupancyTimeout().toNanos(),
                    TimeUnit.NANOSECONDS);
        }
    }

    private void onTimeout() {
        timeout = null;
        if (open != null) {
            log.warn("device={} reason=occupancy_timeout occupancy={} detail=no poll answered for {}",
                    deviceId(), open.id(), config.occupancyTimeout());
            close(OccupancyClose.OCCUPANCY_CLOSE_TIMEOUT, open.lastPoll());
        }
    }

    private void cancelTimeout() {
        if (timeout != null) {
            timeout.cancel(false);
            timeout = null;
        }
    }

    private String deviceId() {
        return device.device().getDeviceId();
    }
}
