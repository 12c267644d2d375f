package io.scangate.driver;

import io.netty.util.concurrent.EventExecutor;
import io.scangate.proto.v1.DeviceRef;
import io.scangate.proto.v1.Envelope;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/** What the host gives a driver. Safe to call only from {@link #executor()}. */
public interface DeviceContext {

    /** Who this device is, as configured. */
    DeviceRef device();

    /** The device's event loop: schedule timers here; every driver callback already runs here. */
    EventExecutor executor();

    /** The gateway's clock (tests and replays may substitute their own). */
    Instant now();

    /**
     * Hands over one normalised result. Set the body and, when the device says when it happened,
     * {@code device_time}; the host stamps event id, gateway, sequence, receive time and device, then
     * journals it. Never blocks: if the journal is full the host stops reading from the device instead.
     */
    void emit(Envelope.Builder message);

    /**
     * Like {@link #emit}, for protocols that acknowledge to the device (DICOM C-STORE-RSP): the stage
     * completes once the message is durable in the journal, or exceptionally (e.g. with the journal's
     * full exception) so that the driver can refuse with the protocol's own status instead of lying.
     */
    CompletionStage<Void> emitDurably(Envelope.Builder message);

    /** The gateway's blob store for large results; results reference blobs by their SHA-256. */
    BlobStore blobs();

    /** Counts one frame (line, PDU, document) received from the device; keeps "last message" fresh. */
    void frameReceived();

    /**
     * Reports input the driver could not use. The host counts it per device and reason, logs it with
     * the device id, and keeps going; a driver never throws for bad input.
     *
     * @param reason short, low-cardinality reason used as a metric tag, e.g. {@code line_too_long}
     * @param detail free text for the log line, e.g. the offending bytes, abbreviated
     */
    void decodeError(String reason, String detail);

    /** Sets or clears a condition the device reports; the host publishes a status change if it changes. */
    void condition(DeviceCondition condition, boolean active, String reason);
}
