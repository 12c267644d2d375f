package io.scangate.gateway.host;

import io.netty.channel.EventLoop;
import io.scangate.driver.Driver;
import io.scangate.driver.DriverConfig;
import io.scangate.driver.DriverFactory;
import io.scangate.gateway.config.BoundDevice;
import io.scangate.gateway.config.DeviceConfig;
import io.scangate.gateway.config.TransportConfig;
import io.scangate.proto.v1.DeviceRef;
import io.scangate.proto.v1.DeviceState;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/** One configured device: its driver, its runtime context and its transport, pinned to one event loop. */
public final class DeviceHost {

    private final DeviceRuntime runtime;
    private final Driver driver;
    private final DeviceLink link;

    private DeviceHost(DeviceRuntime runtime, Driver driver, DeviceLink link) {
        this.runtime = runtime;
        this.driver = driver;
        this.link = link;
    }

    /** Creates the driver on the device's event loop and starts connecting. */
    public static DeviceHost start(BoundDevice bound, EventLoop eventLoop, HostServices services) {
        DeviceConfig c = bound.config();
        DeviceRef ref = DeviceRef.newBuilder()
                .setDeviceId(c.id())
                .setFamily(Objects.requireNonNullElse(c.family(), bound.factory().family()))
                .setVendor(Objects.requireNonNullElse(c.vendor(), ""))
                .setModel(Objects.requireNonNullElse(c.model(), ""))
                .setDriver(bound.factory().type())
                .setSite(services.site())
                .setLane(c.lane())
                .build();
        DeviceRuntime runtime = new DeviceRuntime(ref, eventLoop, services.clock(), services.pipeline(),
                services.metrics(), services.blobs(), services.images());
        return eventLoop.submit(() -> {
            Driver driver = create(bound.factory(), bound.params(), runtime);
            DeviceLink link = link(c.transport(), runtime, driver, services);
            runtime.link(false, startingReason(c.transport()));
            link.start();
            return new DeviceHost(runtime, driver, link);
        }).syncUninterruptibly().getNow();
    }

    /** The transport kind picks the link; the driver's pipeline is the same over either. */
    private static DeviceLink link(TransportConfig transport, DeviceRuntime runtime, Driver driver, HostServices services) {
        return switch (transport.kind()) {
            case TransportConfig.SERIAL -> new SerialLink(runtime, transport, driver, services.metrics());
            case TransportConfig.TCP_SERVER -> new TcpServerLink(runtime, transport, driver, services.serverChannel(),
                    services.metrics());
            case TransportConfig.DIRECTORY -> new DirectoryLink(runtime, transport, driver);
            default -> new TcpClientLink(runtime, transport, driver, services.clientChannel(), services.metrics());
        };
    }

    private static String startingReason(TransportConfig transport) {
        return switch (transport.kind()) {
            case TransportConfig.SERIAL -> "opening " + transport.peer();
            case TransportConfig.TCP_SERVER -> "starting to listen on " + transport.peer();
            case TransportConfig.DIRECTORY -> "starting to watch " + transport.peer();
            default -> "connecting to " + transport.peer();
        };
    }

    @SuppressWarnings("unchecked")
    private static <C extends DriverConfig> Driver create(DriverFactory<C> factory, DriverConfig params, DeviceRuntime rt) {
        return factory.create((C) params, rt);
    }

    public String id() {
        return runtime.device().getDeviceId();
    }

    public DeviceState state() {
        return runtime.state();
    }

    /** Stops or resumes reading from the device (journal back-pressure). */
    public void paused(boolean paused, String reason) {
        runtime.eventLoop().execute(() -> {
            link.paused(paused);
            runtime.paused(paused, reason);
        });
    }

    /**
     * Closes the link and lets the driver flush open state (an open occupancy is emitted as interrupted),
     * then waits until everything it emitted is durable in the journal, at most {@code timeoutMillis}.
     */
    public void stop(long timeoutMillis) {
        runtime.eventLoop().submit(() -> {
            link.stop();
            driver.stop();
        }).awaitUninterruptibly(timeoutMillis, TimeUnit.MILLISECONDS);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (System.nanoTime() < deadline
                && runtime.eventLoop().submit(runtime::pendingAppends).syncUninterruptibly().getNow() > 0) {
            runtime.eventLoop().schedule(() -> { }, 20, TimeUnit.MILLISECONDS).awaitUninterruptibly();
        }
    }
}
