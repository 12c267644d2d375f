package io.scangate.driver.n42;

import io.netty.util.concurrent.EventExecutor;
import io.scangate.driver.BlobStore;
import io.scangate.driver.DeviceCondition;
import io.scangate.driver.DeviceContext;
import io.scangate.proto.v1.DeviceRef;
import io.scangate.proto.v1.Envelope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A DeviceContext that records everything in order, with a clock the test moves. Safe to read from the
 * test thread while a real event loop writes.
 */
final class RecordingDeviceContext implements DeviceContext {

    /** One thing the driver told the host, in the order it did. */
    sealed interface Event {
    }

    record Emitted(Envelope message) implements Event {
    }

    record Condition(DeviceCondition condition, boolean active, String reason) implements Event {
    }

    record DecodeError(String reason, String detail) implements Event {
    }

    private final DeviceRef device = DeviceRef.newBuilder()
            .setDeviceId("lane3-spectro").setDriver("n42").setSite("test-port").setLane("lane3").build();
    private final EventExecutor executor;
    private final List<Event> events = Collections.synchronizedList(new ArrayList<>());
    private volatile Instant now = Instant.parse("2026-11-26T08:00:00Z");
    private final AtomicInteger frames = new AtomicInteger();

    RecordingDeviceContext(EventExecutor executor) {
        this.executor = executor;
    }

    @Override
    public DeviceRef device() {
        return device;
    }

    @Override
    public EventExecutor executor() {
        return executor;
    }

    @Override
    public Instant now() {
        return now;
    }

    void advanceClock(Duration by) {
        now = now.plus(by);
    }

    @Override
    public void emit(Envelope.Builder message) {
        events.add(new Emitted(message.build()));
    }

    /** N42 has no device acknowledgement; recorded like {@link #emit} and durable at once. */
    @Override
    public CompletionStage<Void> emitDurably(Envelope.Builder message) {
        emit(message);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public BlobStore blobs() {
        throw new UnsupportedOperationException("the N42 driver stores no blobs: spectra travel in the messages");
    }

    @Override
    public void frameReceived() {
        frames.incrementAndGet();
    }

    @Override
    public void decodeError(String reason, String detail) {
        events.add(new DecodeError(reason, detail));
    }

    @Override
    public void condition(DeviceCondition condition, boolean active, String reason) {
        events.add(new Condition(condition, active, reason));
    }

    List<Event> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    List<Envelope> emitted() {
        return events().stream().filter(Emitted.class::isInstance).map(e -> ((Emitted) e).message()).toList();
    }

    List<DecodeError> decodeErrors() {
        return events().stream().filter(DecodeError.class::isInstance).map(DecodeError.class::cast).toList();
    }

    int frames() {
        return frames.get();
    }
}
