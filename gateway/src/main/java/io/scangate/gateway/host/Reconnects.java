package io.scangate.gateway.host;

import io.netty.util.concurrent.ScheduledFuture;
import io.scangate.gateway.config.TransportConfig;
import io.scangate.gateway.metrics.GatewayMetrics;
import io.scangate.gateway.retry.Backoff;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a link tries again after a loss or a failed attempt: jittered backoff that only a stable period resets
 * (see {@link HostHandlers}), one pending attempt at a time. Used on the device's event loop only.
 */
final class Reconnects {

    private static final Logger log = LoggerFactory.getLogger(Reconnects.class);

    private final DeviceRuntime runtime;
    private final GatewayMetrics metrics;
    private final Backoff backoff;
    private ScheduledFuture<?> pending;

    Reconnects(DeviceRuntime runtime, TransportConfig transport, GatewayMetrics metrics) {
        this.runtime = runtime;
        this.metrics = metrics;
        this.backoff = new Backoff(transport.reconnectMin(), transport.reconnectMax());
    }

    Backoff backoff() {
        return backoff;
    }

    /** Runs {@code attempt} after the next backoff delay, unless an attempt is already pending. */
    void schedule(String reason, Runnable attempt) {
        if (pending != null) {
            return;
        }
        long delay = backoff.next().toMillis();
        metrics.reconnect(runtime.device().getDeviceId());
        log.info("device={} reason=\"{}\" action=reconnect delay_ms={} attempt={}",
                runtime.device().getDeviceId(), reason, delay, backoff.attempts());
        pending = runtime.eventLoop().schedule(() -> {
            pending = null;
            attempt.run();
        }, delay, TimeUnit.MILLISECONDS);
    }

    void cancel() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }
}
