package io.scangate.gateway.image;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import io.scangate.gateway.blob.BlobJanitor;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the blob janitor's sweep periodically: the timer is an event loop's, the disk work is the blob I/O
 * executor's. The period is a tenth of the retention, between 1 s and 1 min.
 */
public final class BlobRetention {

    private static final Logger log = LoggerFactory.getLogger(BlobRetention.class);

    private final BlobJanitor janitor;
    private final Executor io;
    private final AtomicBoolean running = new AtomicBoolean();
    private ScheduledFuture<?> timer;

    public BlobRetention(BlobJanitor janitor, Executor io) {
        this.janitor = janitor;
        this.io = io;
    }

    public static Duration period(Duration retention) {
        long millis = Math.max(1_000, Math.min(60_000, retention.toMillis() / 10));
        return Duration.ofMillis(millis);
    }

    public void start(EventExecutor timerLoop, Duration retention) {
        long millis = period(retention).toMillis();
        timer = timerLoop.scheduleAtFixedRate(this::sweepSoon, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void sweepSoon() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            io.execute(() -> {
                try {
                    janitor.sweep();
                } catch (IOException | RuntimeException e) {
                    log.warn("blob_store=sweep reason=failed detail=\"{}\" action=retry_next_period", e.toString());
                } finally {
                    running.set(false);
                }
            });
        } catch (RejectedExecutionException e) {
            running.set(false);
        }
    }

    public void stop() {
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
