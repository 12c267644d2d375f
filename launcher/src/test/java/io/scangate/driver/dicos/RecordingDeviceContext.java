package io.scangate.driver.dicos;

import io.netty.util.concurrent.EventExecutor;
import io.scangate.driver.BlobStore;
import io.scangate.driver.DeviceCondition;
import io.scangate.driver.DeviceContext;
import io.scangate.gateway.journal.JournalFullException;
import io.scangate.proto.v1.DeviceRef;
import io.scangate.proto.v1.Envelope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A DeviceContext backed by a real blob store that records what the driver emits and reports. The test
 * can make the journal refuse durable emits, as a full journal does. Readable from the test thread.
 */
final class RecordingDeviceContext implements DeviceContext {

    record DecodeError(String reason, String detail) {
    }

    private final DeviceRef device = DeviceRef.newBuilder()
            .setDeviceId("gate2-xray").setDriver("dicos").setSite("test-port").setLane("gate2").build();
    private final EventExecutor executor;
    private final BlobStore blobs;
    private final List<Envelope> emitted = Collections.synchronizedList(new ArrayList<>());
    private final List<DecodeError> decodeErrors = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger frames = new AtomicInteger();
    private volatile boolean journalFull;

    RecordingDeviceContext(EventExecutor executor, BlobStore blobs) {
        this.executor = executor;
        this.blobs = blobs;
    }

    void journalFull(boolean full) {
        journalFull = full;
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
        return Instant.now();
    }

    @Override
    public void emit(Envelope.Builder message) {
        requireLoop();
        emitted.add(message.build());
    }

    @Override
    public CompletionStage<Void> emitDurably(Envelope.Builder message) {
        requireLoop();
        if (journalFull) {
            return CompletableFuture.failedFuture(new JournalFullException("journal quota reached (test)"));
        }
        emitted.add(message.build());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public BlobStore blobs() {
        requireLoop();
        return blobs;
    }

    @Override
    public void frameReceived() {
        frames.incrementAndGet();
    }

    @Override
    public void decodeError(String reason, String detail) {
        decodeErrors.add(new DecodeError(reason, detail));
    }

    @Override
    public void condition(DeviceCondition condition, boolean active, String reason) {
        throw new AssertionError("the dicos driver reports no conditions");
    }

    List<Envelope> emitted() {
        synchronized (emitted) {
            return List.copyOf(emitted);
        }
    }

    List<DecodeError> decodeErrors() {
        synchronized (decodeErrors) {
            return List.copyOf(decodeErrors);
        }
    }

    int frames() {
        return frames.get();
    }

    /** The SPI promises the driver's callbacks run on the device's loop; hold the driver to it. */
    private void requireLoop() {
        if (!executor.inEventLoop()) {
            throw new AssertionError("DeviceContext called off the device's event loop: "
                    + Thread.currentThread().getName());
        }
    }
}
