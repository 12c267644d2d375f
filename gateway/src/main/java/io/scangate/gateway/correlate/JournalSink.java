package io.scangate.gateway.correlate;

import io.netty.util.concurrent.EventExecutor;
import io.scangate.gateway.pipeline.EventPipeline;
import io.scangate.gateway.pipeline.Outbox;
import io.scangate.proto.v1.DeviceRef;
import io.scangate.proto.v1.Envelope;
import io.scangate.proto.v1.Inspection;
import java.time.Clock;

/**
 * The gateway's sink: an inspection is stamped and journalled like a device message, from a pseudo-device
 * {@value #DEVICE_ID} of its lane, so that it is published at {@code scangate/v1/{site}/{lane}/inspection/inspection}.
 */
public final class JournalSink implements Correlator.Sink {

    public static final String DEVICE_ID = "inspection";

    private final EventPipeline pipeline;
    private final String site;
    private final Clock clock;
    private final Outbox outbox;

    /** Use it only from {@code executor}, the correlator's. */
    public JournalSink(EventPipeline pipeline, String site, EventExecutor executor, Clock clock) {
        this.pipeline = pipeline;
        this.site = site;
        this.clock = clock;
        this.outbox = pipeline.outbox("correlator", executor);
    }

    @Override
    public String emit(String lane, Inspection inspection) {
        DeviceRef device = DeviceRef.newBuilder().setDeviceId(DEVICE_ID).setFamily("CORRELATOR").setDriver("correlator")
                .setSite(site).setLane(lane).build();
        Envelope envelope = pipeline.stamp(Envelope.newBuilder().setInspection(inspection), device, clock.instant());
        outbox.submit(envelope);
        return envelope.getEventId();
    }

    @Override
    public long pending() {
        return outbox.pending();
    }
}
