package io.scangate.gateway.host;

import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import io.scangate.driver.Driver;
import io.scangate.gateway.config.TransportConfig;
import io.scangate.gateway.metrics.GatewayMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one serial port open for a device (e.g. a VM-250 on RS-232): opens it, reopens it with jittered backoff
 * when it vanishes (unplugged, USB re-enumeration) or stays silent past the idle timeout, and releases the port
 * and its reader thread before the next attempt. The port's bytes reach the driver through a
 * {@link SerialChannel} on the device's event loop, wrapped in the same {@link HostHandlers} as a TCP link.
 */
final class SerialLink implements DeviceLink, HostHandlers.Owner, PortSession.Listener {

    private static final Logger log = LoggerFactory.getLogger(SerialLink.class);

    private final DeviceRuntime runtime;
    private final SerialPortSettings settings;
    private final Reconnects reconnects;
    private final HostHandlers handlers;
    private PortSession session;
    private SerialChannel channel;
    private boolean stopped;
    private boolean paused;

    SerialLink(DeviceRuntime runtime, TransportConfig transport, Driver driver, GatewayMetrics metrics) {
        this.runtime = runtime;
        this.settings = SerialPortSettings.of(transport);
        this.reconnects = new Reconnects(runtime, transport, metrics);
        this.handlers = new HostHandlers(runtime, transport, driver, reconnects.backoff(), this,
                "serial port " + transport.port() + " closed");
    }

    @Override
    public void start() {
        open();
    }

    @Override
    public Future<?> stop() {
        stopped = true;
        reconnects.cancel();
        if (session == null) {
            return runtime.eventLoop().newSucceededFuture(null);
        }
        if (channel != null) {
            channel.close();
        }
        session.close();
        // Netty fires channelInactive in a task queued by close(); a task queued after the release runs after it,
        // so whoever waits for stop() also sees the driver told that the link is down.
        Promise<Void> stopped = runtime.eventLoop().newPromise();
        session.released().addListener(f -> runtime.eventLoop().execute(() -> stopped.setSuccess(null)));
        return stopped;
    }

    /** Back-pressure: the reader thread stops reading, so the bytes wait in the OS and UART buffers. */
    @Override
    public void paused(boolean value) {
        paused = value;
        if (channel != null) {
            channel.config().setAutoRead(!value);
        }
    }

    @Override
    public boolean stopping() {
        return stopped;
    }

    @Override
    public void linkLost(String reason) {
        channel = null;
        scheduleReopen(reason);
    }

    @Override
    public void opened(SerialChannel opened) {
        if (stopped || opened.session() != session) {
            opened.session().close();
            return;
        }
        log.info("device={} state=port-open port={} line=\"{}\"", runtime.device().getDeviceId(), settings.path(),
                settings.describe());
        channel = opened;
        handlers.install(opened.pipeline());
        opened.config().setAutoRead(!paused);
        runtime.eventLoop().register(opened).addListener(f -> {
            if (!f.isSuccess()) {
                opened.session().close();
                openFailed(opened.session(), "cannot attach serial port " + settings.path() + ": " + f.cause());
            }
        });
    }

    @Override
    public void openFailed(PortSession failed, String reason) {
        if (failed != session) {
            return;
        }
        runtime.link(false, reason);
        scheduleReopen(reason);
    }

    private void open() {
        if (stopped) {
            return;
        }
        if (session != null && !session.released().isDone()) {
            // The old port handle must be gone first: some drivers refuse a second open of the same port.
            session.released().addListener(f -> open());
            return;
        }
        session = new PortSession(runtime.device().getDeviceId(), settings, runtime.eventLoop(), this);
        session.start();
    }

    private void scheduleReopen(String reason) {
        if (!stopped) {
            reconnects.schedule(reason, this::open);
        }
    }
}
