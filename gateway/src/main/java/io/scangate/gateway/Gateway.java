package io.scangate.gateway;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.channel.EventLoopGroup;
import io.scangate.gateway.blob.BlobReferences;
import io.scangate.gateway.blob.FileBlobStore;
import io.scangate.gateway.image.ImageRecovery;
import io.scangate.gateway.image.Images;
import io.scangate.gateway.config.BoundDevice;
import io.scangate.gateway.config.GatewayConfig;
import io.scangate.gateway.config.LoadedConfig;
import io.scangate.gateway.correlate.Correlator;
import io.scangate.gateway.correlate.JournalSink;
import io.scangate.gateway.host.DeviceHost;
import io.scangate.gateway.host.HostServices;
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
import java.util.concurrent.ExecutorService;
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
    private final ExecutorService blobIo;
    private final Images images;
    private final long bootEpoch;
    private final Correlator correlator;
    private EventLoopGroup opsGroup;
    private OpsHttpServer ops;

    private Gateway(GatewayConfig config, PrometheusMeterRegistry registry, Journal journal, Publisher publisher,
                    EventLoopGroup group, ExecutorService blobIo, Images images, BackPressure backPressure,
                    List<DeviceHost> devices, long bootEpoch, Correlator correlator) {
        this.images = images;
        this.config = config;
        this.correlator = correlator;
        this.registry = registry;
        this.journal = journal;
        this.publisher = publisher;
        this.group = group;
        this.backPressure = backPressure;
        this.devices = devices;
        this.blobIo = blobIo;
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

        long bootEpoch = BootEpoch.next(Path.of(c.journal().directory()));
        BlobReferences blobReferences = new BlobReferences();
        Journal journal = Components.openJournal(c, registry, new ImageRecovery(blobReferences));
        ExecutorService blobIo = Components.blobIo();
        FileBlobStore blobStore = Components.blobStore(c, blobIo);
        Images images = blobStore == null ? Images.none()
                : Images.open(blobStore, blobReferences, blobIo, registry, clock);
        Publisher publisher = Components.publisher(c, journal, registry, images.chunkSource());
        publisher.start();

        EventLoopGroup group = Transports.eventLoopGroup(c.ops().ioThreads());
        List<DeviceHost> devices = new ArrayList<>();
        BackPressure backPressure = new BackPressure(journal, c.journal().highWater(), c.journal().lowWater(),
                (paused, reason) -> devices.forEach(d -> d.paused(paused, reason)));
        EventPipeline pipeline = new EventPipeline(c.gatewayId(), bootEpoch, journal, metrics,
                backPressure::journalFull, Duration.ofMillis(200));
        HostServices services = new HostServices(c.site(), clock, pipeline, metrics, images.blobStore(),
                Transports.clientChannel(), Transports.serverChannel(), images.delivery());
        Correlator correlator = startCorrelator(c, pipeline, group, clock, registry);
        for (BoundDevice device : loaded.devices()) {
            devices.add(DeviceHost.start(device, group.next(), services));
        }
        backPressure.start(group.next(), 100);
        images.startRetention(group.next());

        Gateway gateway = new Gateway(c, registry, journal, publisher, group, blobIo, images, backPressure,
                List.copyOf(devices), bootEpoch, correlator);
        if (c.ops().httpPort() >= 0) {
            gateway.startOps();
        }
        log.info("component=gateway state=started gateway={} site={} devices={} boot_epoch={} ops_port={}",
                c.gatewayId(), c.site(), devices.size(), bootEpoch, gateway.opsPort());
        return gateway;
    }

    /** The lane correlator observes what is durable and journals its inspections; null when no lane is configured. */
    private static Correlator startCorrelator(GatewayConfig c, EventPipeline pipeline, EventLoopGroup group, Clock clock,
                                              PrometheusMeterRegistry registry) {
        if (c.correlation().lanes().isEmpty()) {
            return null;
        }
        var executor = group.next();
        Correlator correlator = new Correlator(c.correlation().toSettings(Path.of(c.journal().directory())), c.site(),
                executor, clock, new JournalSink(pipeline, c.site(), executor, clock), registry);
        correlator.start();
        pipeline.onJournalled(correlator::journalled);
        return correlator;
    }

    /** The ops endpoint has an event loop of its own, so that a scrape still answers when devices saturate theirs. */
    private void startOps() {
        opsGroup = Transports.eventLoopGroup(1);
        ops = OpsHttpServer.start(opsGroup, Transports.serverChannel(), config.ops().httpBind(), config.ops().httpPort(),
                registry::scrape, this::health);
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
     * Stops devices first (their open state is flushed into the journal, pending blob commits finish), then
     * the publisher (which
     * leaves unacknowledged entries in the journal for the next start), then the journal.
     */
    @Override
    public void close() {
        log.info("component=gateway state=stopping");
        if (ops != null) {
            ops.close();
            opsGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
        backPressure.stop();
        images.stop();
        devices.forEach(d -> d.stop(DEVICE_STOP_MILLIS));
        if (correlator != null) {
            correlator.stop(DEVICE_STOP_MILLIS);
        }
        Components.shutdown(blobIo);
        publisher.close();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        journal.close();
        registry.close();
        log.info("component=gateway state=stopped");
    }
}
