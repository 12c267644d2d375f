package io.scangate.gateway.testing;

import com.google.protobuf.Timestamp;
import io.scangate.proto.v1.ConveyanceId;
import io.scangate.proto.v1.DeviceRef;
import io.scangate.proto.v1.DeviceSetup;
import io.scangate.proto.v1.DeviceState;
import io.scangate.proto.v1.DeviceStatus;
import io.scangate.proto.v1.Envelope;
import io.scangate.proto.v1.RadiationMeasurement;
import io.scangate.proto.v1.RadiationScan;
import io.scangate.proto.v1.RawRecord;
import io.scangate.proto.v1.XrayScan;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Well-formed envelopes as the pipeline would stamp them, one body kind per factory method. */
public final class Envelopes {

    public static final String SITE = "test-port";
    public static final String GATEWAY = "gw-test";
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private Envelopes() {
    }

    /** An envelope with a fresh event id, the next sequence number and the given device and body. */
    public static Envelope.Builder stamped(String lane, String device) {
        Instant now = Instant.now();
        return Envelope.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setGatewayId(GATEWAY)
                .setBootEpoch(3)
                .setSequence(SEQUENCE.incrementAndGet())
                .setReceiveTime(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
                .setDevice(DeviceRef.newBuilder()
                        .setDeviceId(device)
                        .setFamily("RADIATION_PORTAL")
                        .setVendor("test")
                        .setDriver("vm250")
                        .setSite(SITE)
                        .setLane(lane));
    }

    public static Envelope radiationScan(String lane, String device, boolean gammaAlarm) {
        return stamped(lane, device).setRadiationScan(RadiationScan.newBuilder()
                .setOccupancyId(UUID.randomUUID().toString())
                .setGammaAlarm(gammaAlarm)).build();
    }

    public static Envelope measurement(String lane, String device) {
        return stamped(lane, device).setRadiationMeasurement(RadiationMeasurement.newBuilder()
                .setSourceTag("GB").addCounts(400).addCounts(410).addPresent(true).addPresent(true)).build();
    }

    public static Envelope setup(String lane, String device) {
        return stamped(lane, device).setDeviceSetup(DeviceSetup.newBuilder().setSourceTag("SG1")).build();
    }

    public static Envelope status(String lane, String device, DeviceState state) {
        return stamped(lane, device).setDeviceStatus(DeviceStatus.newBuilder().setState(state)).build();
    }

    public static Envelope raw(String lane, String device) {
        return stamped(lane, device).setRawRecord(RawRecord.newBuilder().setTag("NX").setReason("unknown tag"))
                .build();
    }

    public static Envelope xrayScan(String lane, String device) {
        return stamped(lane, device).setXrayScan(XrayScan.newBuilder().setScanId(UUID.randomUUID().toString())).build();
    }

    public static Envelope conveyance(String lane, String device) {
        return stamped(lane, device).setConveyanceId(ConveyanceId.newBuilder().setLicencePlate("AB-123-C")).build();
    }
}
