package io.scangate.gateway.pipeline;

import com.google.protobuf.Timestamp;
import io.netty.util.concurrent.EventExecutor;
import io.scangate.gateway.journal.Journal;
import io.scangate.gateway.metrics.GatewayMetrics;
import io.scangate.proto.v1.DeviceRef;
import io.scangate.proto.v1.Envelope;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The one path every result takes from a driver to the journal: stamp the envelope (event id, gateway,
 * boot epoch, sequence, receive time, device), choose its lane, append it durably in order per device.
 */
public final class EventPipeline {

    private final String gatewayId;
    private final long bootEpoch;
    private final AtomicLong sequence = new AtomicLong();
    private final Journal journal;
    private final GatewayMetrics metrics;
    private final Runnable onJournalFull;
    private final Duration retryDelay;
    private volatile Consumer<Envelope> journalled = envelope -> { };

    /**
     * @param onJournalFull called when an append is refused for lack of space: the gateway pauses
     *     reading from devices until the journal drains
     */
    public EventPipeline(String gatewayId, long bootEpoch, Journal journal, GatewayMetrics metrics,
                         Runnable onJournalFull, Duration retryDelay) {
        this.gatewayId = gatewayId;
        this.bootEpoch = bootEpoch;
        this.journal = journal;
        this.metrics = metrics;
        this.onJournalFull = onJournalFull;
        this.retryDelay = retryDelay;
    }

    /** Completes the envelope. Event ids are UUIDv7: unique without coordination, stable once journalled. */
    public Envelope stamp(Envelope.Builder message, DeviceRef device, Instant receivedAt) {
        return message
                .setEventId(EventIds.next(receivedAt.toEpochMilli()).toString())
                .setGatewayId(gatewayId)
                .setBootEpoch(bootEpoch)
                .setSequence(sequence.incrementAndGet())
                .setReceiveTime(timestamp(receivedAt))
                .setDevice(device)
                .build();
    }

    /** A per-device, ordered way into the journal; use it only from {@code executor}. */
    public Outbox outbox(String deviceId, EventExecutor executor) {
        return new Outbox(deviceId, executor, journal, metrics, onJournalFull, retryDelay, e -> journalled.accept(e));
    }

    /**
     * Sees every envelope once it is durable in the journal, on the appending device's executor (the lane
     * correlator's hook). It must return quickly and never throw.
     */
    public void onJournalled(Consumer<Envelope> observer) {
        this.journalled = observer;
    }

    public long bootEpoch() {
        return bootEpoch;
    }

    public long lastSequence() {
        return sequence.get();
    }

    public static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }
}
