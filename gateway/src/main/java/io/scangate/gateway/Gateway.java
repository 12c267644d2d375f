package io.scangate.gateway;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.channel.EventLoopGroup;
import io.scangate.gateway.config.BoundDevice;
import io.scangate.gateway.config.GatewayConfig;
import io.scangate.gateway.config.LoadedConfig;
import io.scangate.gateway.host.DeviceHost;
import io.scangate.gateway.journal.Journal;
import io.scangate.gateway.metrics.GatewayMetrics;
import io.scangate.gateway.ops.OpsHttpServer;
import io.scangate.gateway.pipeline.BackPressure;
import io.scangate.gateway.pipeline.EventPipeline;
import io.scangate.gateway.publish.Publisher;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running gateway: journal, publisher, event loops, one host per device, back-pressure and the
 * operations endpoint, started in dependency order and stopped in reverse.
 */
public final class Gateway implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Gateway.class);
    private static final long DEVICE_STOP_MILLIS = 5_000;

    private final GatewayConfig config;
    private final PrometheusMeterRegistry registry;
    private final Journal journal;
    private final Publisher publisher;
    private final EventLoopGroup group;
    private final BackPressure backPressure;
    private final List<DeviceHost> devices;
    private final OpsHttpServer ops;
    private final long bootEpoch;

    private Gateway(GatewayConfig config, PrometheusMeterRegistry registry, Journal journal, Publisher publisher,
                    EventLoopGroup group, BackPressure backPressure, List<DeviceHost> devices, OpsHttpServer ops,
                    long bootEpoch) {
        this.config = config;
        this.registry = registry;
        this.journal = journal;
        this.publisher = publisher;
        this.group = group;
        this.backPressure = backPressure;
        this.devices = devices;
        this.ops = ops;
        this.bootEpoch = bootEpoch;
    }

    public static Gateway start(LoadedConfig loaded, Clock clock) throws IOException {
        GatewayConfig c = loaded.gateway();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        GatewayMetrics metrics = new GatewayMetrics(registry);

        Path journalDir = Path.of(c.journal().directory());
        long bootEpoch = BootEpoch.next(journalDir);
        Journal journal = Components.openJournal(c, registry);
        Publisher publisher = Components.publisher(c, journal, registry);
        publisher.start();

        EventLoopGroup group = Transports.eventLoopGroup(c.ops().ioThreads());
        List<DeviceHost> devices = new ArrayList<>();
        BackPressure backPressure = new BackPressure(journal, c.journal().highWater(), c.journal().lowWater(),
                (paused, reason) -> devices.forEach(d -> d.paused(paused, reason)));
        EventPipeline pipeline = new EventPipeline(c.gatewayId(), bootEpoch, journal, metrics,
                backPressure::journalFull, Duration.ofMillis(200));
        for (BoundDevice device : loaded.devices()) {
            devices.add(DeviceHost.start(device, c.site(), group.next(), Transports.clientChannel(), clock, pipeline, metrics));
        }
        backPressure.start(group.next(), 100);

        OpsHttpServer ops = null;
        if (c.ops().httpPort() >= 0) {
            Gateway[] self = new Gateway[1];
            ops = OpsHttpServer.start(group, Transports.serverChannel(), c.ops().httpBind(), c.ops().httpPort(),
                    registry::scrape, () -> self[0] == null ? new OpsHttpServer.Health(false, "{\"status\":\"STARTING\"}") : self[0].health());
            Gateway gateway = new Gateway(c, registry, journal, publisher, group, backPressure, List.copyOf(devices), ops, bootEpoch);
            self[0] = gateway;
            log.info("component=gateway state=started gateway={} site={} devices={} boot_epoch={} ops_port={}",
                    c.gatewayId(), c.site(), devices.size(), bootEpoch, ops.port());
            return gateway;
        }
        log.info("component=gateway state=started gateway={} site={} devices={} boot_epoch={}",
                c.gatewayId(), c.site(), devices.size(), bootEpoch);
        return new Gateway(c, registry, journal, publisher, group, backPressure, List.copyOf(devices), null, bootEpoch);
    }

    public int opsPort() {
        return ops == null ? -1 : ops.port();
    }

    public long bootEpoch() {
        return bootEpoch;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public Journal journal() {
        return journal;
    }

    /** Healthy while the broker is reachable and the journal accepts results. */
    public OpsHttpServer.Health health() {
        var stats = journal.stats();
        boolean mqtt = publisher.connected();
        boolean healthy = mqtt && !backPressure.paused();
        StringBuilder json = new StringBuilder(256)
                .append("{\"status\":\"").append(healthy ? "UP" : "DEGRADED").append('"')
                .append(",\"gateway\":\"").append(config.gatewayId()).append('"')
                .append(",\"bootEpoch\":").append(bootEpoch)
                .append(",\"mqtt\":{\"connected\":").append(mqtt).append('}')
                .append(",\"journal\":{\"stored\":").append(stats.stored())
                .append(",\"inFlight\":").append(stats.inFlight())
                .append(",\"deadLettered\":").append(stats.deadLettered())
                .append(",\"usedFraction\":").append(String.format(java.util.Locale.ROOT, "%.4f", stats.usedFraction()))
                .append(",\"paused\":").append(backPressure.paused()).append('}')
                .append(",\"devices\":{");
        for (int i = 0; i < devices.size(); i++) {
            DeviceHost d = devices.get(i);
            json.append(i == 0 ? "" : ",").append('"').append(d.id()).append("\":\"")
                    .append(d.state().name().substring("DEVICE_STATE_".length())).append('"');
        }
        json.append("}}\n");
        return new OpsHttpServer.Health(healthy, json.toString());
    }

    /**
     * Stops devices first (their open state is flushed into the journal), then the publisher (which
     * leaves unacknowledged entries in the journal for the next start), then the journal.
     */
    @Override
    public void close() {
        log.info("component=gateway state=stopping");
        if (ops != null) {
            ops.close();
        }
        backPressure.stop();
        devices.forEach(d -> d.stop(DEVICE_STOP_MILLIS));
        publisher.close();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        journal.close();
        registry.close();
        log.info("component=gateway state=stopped");
    }
}
