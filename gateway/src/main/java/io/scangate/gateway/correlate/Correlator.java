package io.scangate.gateway.correlate;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import io.scangate.proto.v1.Envelope;
import io.scangate.proto.v1.Inspection;
import io.scangate.proto.v1.MissingReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins the journalled results of each configured lane into {@link Inspection}s (see {@link LaneWindow} for how)
 * and hands each one to a {@link Sink} (the gateway's: stamp, journal, publish like any device message). Runs on
 * one Netty event executor: every method except {@link #journalled} and {@link #stop} must be called on it.
 */
public final class Correlator {

    /** Where inspections go. */
    public interface Sink {
        /** Takes the inspection for durable publication; returns the envelope event id it was given. */
        String emit(String lane, Inspection inspection);

        /** Inspections taken but not yet durable. */
        long pending();
    }

    private static final Logger log = LoggerFactory.getLogger(Correlator.class);

    private final CorrelationSettings settings;
    private final EventExecutor executor;
    private final Clock clock;
    private final Sink sink;
    private final CorrelationMetrics metrics;
    private final Map<String, LaneWindow> windows = new LinkedHashMap<>();
    private ScheduledFuture<?> sweeper;
    private boolean stateWriteScheduled;
    private boolean stopped;

    public Correlator(CorrelationSettings settings, String site, EventExecutor executor, Clock clock, Sink sink,
                      MeterRegistry registry) {
        this.settings = settings;
        this.executor = executor;
        this.clock = clock;
        this.sink = sink;
        this.metrics = new CorrelationMetrics(registry);
        for (LaneSettings lane : settings.lanes()) {
            windows.put(lane.lane(), new LaneWindow(lane, site, this::emit));
        }
    }

    /** Restores the state of the last run (publishing what was open as "gateway restarted") and starts the sweeps. */
    public void start() {
        executor.submit(() -> {
            restore();
            long period = settings.sweepInterval().toMillis();
            sweeper = executor.scheduleAtFixedRate(this::sweep, period, period, TimeUnit.MILLISECONDS);
        }).syncUninterruptibly();
        log.info("component=correlator state=started lanes={}", windows.keySet());
    }

    /**
     * The gateway's hook: called (on any thread, inside the journal's completion of a device's append) with every
     * envelope once it is durable. It never throws: a failure here must not stall that device's outbox.
     */
    public void journalled(Envelope envelope) {
        try {
            LaneWindow window = windows.get(envelope.getDevice().getLane());
            if (window == null || envelope.getBodyCase() == Envelope.BodyCase.INSPECTION) {
                return;
            }
            Part part = Part.of(envelope);
            if (part == null) {
                return;
            }
            if (executor.inEventLoop()) {
                accept(window, part);
            } else {
                executor.execute(() -> accept(window, part));
            }
        } catch (RuntimeException e) {
            log.error("component=correlator event_id={} reason=correlation_failed detail=\"{}\" action=published_alone",
                    envelope.getEventId(), e.toString());
        }
    }

    /** Publishes what is due (settled, past deadline); runs every {@code sweepInterval}. */
    public void sweep() {
        Instant now = clock.instant();
        boolean changed = false;
        for (LaneWindow window : windows.values()) {
            changed |= window.sweep(now);
            metrics.open(window.settings().lane(), window.openCount());
        }
        if (changed) {
            stateChanged();
        }
    }

    /**
     * Orderly stop, after the devices flushed: every open vehicle is published as incomplete ("gateway stopped"),
     * the state is written, and the call waits (up to {@code timeoutMillis}) until those inspections are durable.
     */
    public void stop(long timeoutMillis) {
        executor.submit(() -> {
            if (sweeper != null) {
                sweeper.cancel(false);
            }
            Instant now = clock.instant();
            windows.values().forEach(w -> w.closeAll(MissingReason.MISSING_REASON_GATEWAY_STOPPED, "gateway stopped", now));
            stopped = true;
            writeState();
        }).awaitUninterruptibly(timeoutMillis);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (System.nanoTime() < deadline && executor.submit(sink::pending).syncUninterruptibly().getNow() > 0) {
            executor.schedule(() -> { }, 20, TimeUnit.MILLISECONDS).awaitUninterruptibly();
        }
        log.info("component=correlator state=stopped");
    }

    private void accept(LaneWindow window, Part part) {
        if (stopped) {
            log.warn("component=correlator lane={} event_id={} reason=after_stop action=published_alone",
                    window.settings().lane(), part.eventId());
            return;
        }
        if (!window.accept(part, clock.instant())) {
            metrics.ignored(window.settings().lane(), LaneSettings.partName(part.kind()));
            return;
        }
        stateChanged();
    }

    private String emit(LaneSettings lane, Inspection inspection) {
        String eventId = sink.emit(lane.lane(), inspection);
        metrics.published(lane.lane(), inspection.getRevision() > 1, inspection.getComplete());
        if ("evicted".equals(inspection.getClosedBy())) {
            metrics.evicted(lane.lane());
            log.warn("component=correlator lane={} inspection={} reason=too_many_open_vehicles max_open={} action=closed_incomplete",
                    lane.lane(), inspection.getInspectionId(), lane.maxOpen());
        }
        log.info("component=correlator lane={} inspection={} revision={} complete={} closed_by=\"{}\" missing=\"{}\" event_id={}",
                lane.lane(), inspection.getInspectionId(), inspection.getRevision(), inspection.getComplete(),
                inspection.getClosedBy(), inspection.getMissingList().stream()
                        .map(m -> LaneSettings.partName(m.getPart()) + ":" + m.getReason().name())
                        .collect(Collectors.joining(",")), eventId);
        return eventId;
    }

    /** One state write for a burst of changes. */
    private void stateChanged() {
        if (settings.stateFile() != null && !stateWriteScheduled) {
            stateWriteScheduled = true;
            executor.execute(this::writeState);
        }
    }

    private void writeState() {
        stateWriteScheduled = false;
        if (settings.stateFile() == null) {
            return;
        }
        try {
            StateFile.write(settings.stateFile(), windows);
        } catch (IOException e) {
            log.error("component=correlator file={} reason=state_write_failed detail=\"{}\" action=retry_on_next_change",
                    settings.stateFile(), e.toString());
        }
    }

    private void restore() {
        Path file = settings.stateFile();
        if (file == null) {
            return;
        }
        Map<String, StateFile.LaneState> state;
        try {
            state = StateFile.read(file);
        } catch (IOException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".unreadable");
            log.error("component=correlator file={} reason=state_unreadable detail=\"{}\" action=moved_aside to={}",
                    file, e.toString(), aside);
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                log.error("component=correlator file={} reason=cannot_move_aside detail=\"{}\"", file, moveFailed.toString());
            }
            return;
        }
        Instant now = clock.instant();
        state.forEach((lane, s) -> {
            LaneWindow window = windows.get(lane);
            if (window == null) {
                s.open().forEach(v -> log.warn("component=correlator lane={} inspection={} reason=lane_no_longer_correlated"
                        + " action=dropped_open_join parts_published_alone=true", lane, v.id()));
                return;
            }
            if (!s.open().isEmpty()) {
                log.warn("component=correlator lane={} open={} reason=gateway_restarted action=publish_incomplete", lane, s.open().size());
            }
            window.restore(s.open(), s.recent(), now);
        });
        writeState();
    }
}
