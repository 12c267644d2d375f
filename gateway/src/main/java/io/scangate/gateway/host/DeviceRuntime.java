package io.scangate.gateway.host;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import io.scangate.driver.BlobStore;
import io.scangate.driver.DeviceCondition;
import io.scangate.driver.DeviceContext;
import io.scangate.gateway.image.ImageDelivery;
import io.scangate.gateway.metrics.GatewayMetrics;
import io.scangate.gateway.pipeline.EventPipeline;
import io.scangate.gateway.pipeline.Outbox;
import io.scangate.proto.v1.DeviceRef;
import io.scangate.proto.v1.DeviceState;
import io.scangate.proto.v1.DeviceStatus;
import io.scangate.proto.v1.Envelope;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What one device's driver sees of the gateway; everything runs on the device's event loop. */
final class DeviceRuntime implements DeviceContext {

    private static final Logger log = LoggerFactory.getLogger(DeviceRuntime.class);
    private static final int MAX_DETAIL = 120;

    private final DeviceRef device;
    private final EventLoop eventLoop;
    private final Clock clock;
    private final EventPipeline pipeline;
    private final Outbox outbox;
    private final GatewayMetrics metrics;
    private final DeviceStatusTracker status = new DeviceStatusTracker();
    private final BlobStore blobs;
    private final ImageDelivery images;
    private Instant since;
    private Instant lastMessage;
    private long frames;
    private long decodeErrors;
    private long reconnects;

    DeviceRuntime(DeviceRef device, EventLoop eventLoop, Clock clock, EventPipeline pipeline, GatewayMetrics metrics,
                  BlobStore blobs) {
        this(device, eventLoop, clock, pipeline, metrics, blobs, ImageDelivery.disabled());
    }

    DeviceRuntime(DeviceRef device, EventLoop eventLoop, Clock clock, EventPipeline pipeline, GatewayMetrics metrics,
                  BlobStore blobs, ImageDelivery images) {
        this.blobs = blobs;
        this.images = images;
        this.device = device;
        this.eventLoop = eventLoop;
        this.clock = clock;
        this.pipeline = pipeline;
        this.metrics = metrics;
        this.outbox = pipeline.outbox(device.getDeviceId(), eventLoop);
        this.since = clock.instant();
    }

    @Override
    public DeviceRef device() {
        return device;
    }

    @Override
    public EventExecutor executor() {
        return eventLoop;
    }

    EventLoop eventLoop() {
        return eventLoop;
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public void emit(Envelope.Builder message) {
        if (message.getBodyCase() == Envelope.BodyCase.BODY_NOT_SET) {
            decodeError("driver_emitted_empty_message", "driver " + device.getDriver() + " emitted an envelope without a body");
            return;
        }
        if (images.expands(message)) {
            // Retried until durable like any emit; a scan whose images cannot be planned still goes alone.
            images.deliver(message, eventLoop, this::stamp, envelope -> {
                outbox.submit(envelope);
                return CompletableFuture.completedFuture(null);
            }).whenComplete((done, error) -> {
                if (error != null) {
                    eventLoop.execute(() -> {
                        decodeError("image_not_deliverable", String.valueOf(error.getMessage()));
                        outbox.submit(stamp(message));
                    });
                }
            });
            return;
        }
        outbox.submit(stamp(message));
    }

    private Envelope stamp(Envelope.Builder message) {
        return pipeline.stamp(message, device, now());
    }

    @Override
    public CompletionStage<Void> emitDurably(Envelope.Builder message) {
        if (message.getBodyCase() == Envelope.BodyCase.BODY_NOT_SET) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("envelope without a body"));
        }
        if (images.expands(message)) {
            // The scan, its manifests and chunk references: the stage completes once all of them are durable.
            return images.deliver(message, eventLoop, this::stamp, outbox::submitOnce);
        }
        return outbox.submitOnce(stamp(message));
    }

    @Override
    public BlobStore blobs() {
        return blobs;
    }

    @Override
    public void frameReceived() {
        frames++;
        lastMessage = now();
        metrics.frameReceived(device.getDeviceId());
    }

    @Override
    public void decodeError(String reason, String detail) {
        decodeErrors++;
        metrics.decodeError(device.getDeviceId(), reason);
        log.warn("device={} reason={} detail=\"{}\"", device.getDeviceId(), reason, abbreviate(detail));
    }

    @Override
    public void condition(DeviceCondition condition, boolean active, String reason) {
        if (status.condition(condition, active, reason)) {
            publishStatus();
        }
    }

    void link(boolean up, String reason) {
        if (!up) {
            reconnects++;
        }
        if (status.link(up, reason)) {
            publishStatus();
        }
    }

    void paused(boolean paused, String reason) {
        if (status.paused(paused, reason)) {
            publishStatus();
        }
    }

    DeviceState state() {
        return status.state();
    }

    /** Why the device is in its state, as published in its status. */
    String stateReason() {
        return status.reason();
    }

    /** Decode errors the driver reported since start, so that a link can tell whether one input was clean. */
    long decodeErrors() {
        return decodeErrors;
    }

    long pendingAppends() {
        return outbox.pending();
    }

    private void publishStatus() {
        since = now();
        DeviceStatus.Builder body = DeviceStatus.newBuilder()
                .setState(status.state())
                .setReason(status.reason())
                .setSince(EventPipeline.timestamp(since))
                .setFault(status.active(DeviceCondition.FAULT))
                .setTamper(status.active(DeviceCondition.TAMPER))
                .putCounters("frames", frames)
                .putCounters("decode_errors", decodeErrors)
                .putCounters("link_losses", reconnects);
        if (lastMessage != null) {
            body.setLastMessageTime(EventPipeline.timestamp(lastMessage));
        }
        metrics.deviceState(device.getDeviceId(), status.state());
        log.info("device={} state={} reason=\"{}\"", device.getDeviceId(),
                status.state().name().substring("DEVICE_STATE_".length()), status.reason());
        emit(Envelope.newBuilder().setDeviceStatus(body));
    }

    private static String abbreviate(String detail) {
        if (detail == null) {
            return "";
        }
        String printable = detail.replaceAll("[^\\x20-\\x7e]", "?").replace('"', '\'');
        return printable.length() <= MAX_DETAIL ? printable : printable.substring(0, MAX_DETAIL) + "...(" + detail.length() + " chars)";
    }
}
