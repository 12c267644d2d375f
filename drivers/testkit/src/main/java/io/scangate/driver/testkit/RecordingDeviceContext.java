package io.scangate.driver.testkit;

import io.netty.util.concurrent.EventExecutor;
import io.scangate.driver.BlobStore;
import io.scangate.driver.DeviceCondition;
import io.scangate.driver.DeviceContext;
import io.scangate.proto.v1.DeviceRef;
import io.scangate.proto.v1.Envelope;
import io.scangate.proto.v1.RadiationMeasurement;
import io.scangate.proto.v1.RadiationScan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A DeviceContext for driver tests (a unit seam, not a stand-in for the host): it records everything the
 * driver says, in order, with a clock the test moves. Safe to read from the test thread while a real event
 * loop writes. {@link #emitDurably} is durable at once; {@link #blobs()} fails the test unless a store is
 * given, since most drivers store none.
 */
public final class RecordingDeviceContext implements DeviceContext {

    /** One thing the driver told the host, in the order it did. */
    public sealed interface Event {
    }

    public record Emitted(Envelope message) implements Event {
    }

    public record Condition(DeviceCondition condition, boolean active, String reason) implements Event {
    }

    public record DecodeError(String reason, String detail) implements Event {
    }

    private final DeviceRef device;
    private final EventExecutor executor;
    private final List<Event> events = Collections.synchronizedList(new ArrayList<>());
    private volatile Instant now = Instant.parse("2026-11-26T08:00:00Z");
    private final AtomicInteger frames = new AtomicInteger();

    /** @param device who the driver is told it is (its driver and lane show in the messages) */
    public RecordingDeviceContext(DeviceRef device, EventExecutor executor) {
        this.device = device;
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

    public void advanceClock(Duration by) {
        now = now.plus(by);
    }

    @Override
    public void emit(Envelope.Builder message) {
        events.add(new Emitted(message.build()));
    }

    @Override
    public CompletionStage<Void> emitDurably(Envelope.Builder message) {
        emit(message);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public BlobStore blobs() {
        throw new AssertionError("driver " + device.getDriver() + " asked for the blob store, which it does not use");
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

    public List<Event> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    public List<Envelope> emitted() {
        return events().stream().filter(Emitted.class::isInstance).map(e -> ((Emitted) e).message()).toList();
    }

    public List<DecodeError> decodeErrors() {
        return events().stream().filter(DecodeError.class::isInstance).map(DecodeError.class::cast).toList();
    }

    public List<Condition> conditions() {
        return events().stream().filter(Condition.class::isInstance).map(Condition.class::cast).toList();
    }

    public List<RadiationScan> scans() {
        return emitted().stream().filter(Envelope::hasRadiationScan).map(Envelope::getRadiationScan).toList();
    }

    public List<RadiationMeasurement> measurements() {
        return emitted().stream().filter(Envelope::hasRadiationMeasurement)
                .map(Envelope::getRadiationMeasurement).toList();
    }

    public int frames() {
        return frames.get();
    }
}
