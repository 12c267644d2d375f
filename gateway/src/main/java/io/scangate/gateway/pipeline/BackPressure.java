package io.scangate.gateway.pipeline;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import io.scangate.gateway.journal.Journal;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops reading from devices when the journal fills past its high-water mark and resumes below its
 * low-water mark: a full journal slows the devices down (TCP flow control) instead of losing results.
 */
public final class BackPressure {

    private static final Logger log = LoggerFactory.getLogger(BackPressure.class);

    private final Journal journal;
    private final double highWater;
    private final double lowWater;
    private final BiConsumer<Boolean, String> pauseDevices;
    private volatile boolean paused;
    private volatile boolean refusedSinceCheck;
    private ScheduledFuture<?> watch;

    /** @param pauseDevices called with (true, reason) to pause every device and (false, reason) to resume */
    public BackPressure(Journal journal, double highWater, double lowWater, BiConsumer<Boolean, String> pauseDevices) {
        this.journal = journal;
        this.highWater = highWater;
        this.lowWater = lowWater;
        this.pauseDevices = pauseDevices;
    }

    public void start(EventExecutor executor, long periodMillis) {
        watch = executor.scheduleAtFixedRate(this::check, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** An append was refused: pause at once, without waiting for the next check. */
    public void journalFull() {
        refusedSinceCheck = true;
        if (!paused) {
            setPaused(true, "journal full: append refused");
        }
    }

    public boolean paused() {
        return paused;
    }

    void check() {
        double used = journal.stats().usedFraction();
        boolean refused = refusedSinceCheck;
        refusedSinceCheck = false;
        if (!paused && used >= highWater) {
            setPaused(true, String.format("journal %.0f%% full (high water %.0f%%)", used * 100, highWater * 100));
        } else if (paused && used < lowWater && !refused) {
            setPaused(false, String.format("journal %.0f%% full (below low water %.0f%%)", used * 100, lowWater * 100));
        }
    }

    private synchronized void setPaused(boolean value, String reason) {
        if (paused == value) {
            return;
        }
        paused = value;
        log.warn("component=journal action={} reason=\"{}\"", value ? "pause_devices" : "resume_devices", reason);
        pauseDevices.accept(value, reason);
    }

    public void stop() {
        if (watch != null) {
            watch.cancel(false);
        }
    }
}
