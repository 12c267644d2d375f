package io.scangate.driver.aspect;

import com.google.protobuf.Timestamp;
import io.scangate.proto.v1.DetectorCounts;
import io.scangate.proto.v1.DeviceSetup;
import io.scangate.proto.v1.Envelope;
import io.scangate.proto.v1.MeasurementKind;
import io.scangate.proto.v1.RadiationMeasurement;
import io.scangate.proto.v1.Speed;
import java.time.Duration;
import java.time.Instant;

/** Maps Aspect register values to the normalised contract. Stateless. */
final class AspectMessages {

    static final String GAMMA_COUNT_TAG = "gamma_count";
    static final String NEUTRON_COUNT_TAG = "neutron_count";
    static final String HEADER_TAG = "header";
    private static final double KM_PER_MILE = 1.609344;
    private static final double METRES_PER_FOOT = 0.3048;

    private AspectMessages() {
    }

    /** Counts of one channel over one idle poll interval: a background reading. */
    static Envelope.Builder background(MeasurementKind kind, String tag, long counts, Duration length) {
        return Envelope.newBuilder().setRadiationMeasurement(RadiationMeasurement.newBuilder()
                .setKind(kind)
                .setSourceTag(tag)
                .addCounts(saturated(counts))
                .addPresent(true)
                .setRealTime(duration(length)));
    }

    static Envelope.Builder header(HeaderBlock header, int[] registers) {
        DeviceSetup.Builder setup = DeviceSetup.newBuilder()
                .setSourceTag(HEADER_TAG)
                .putValues("signature", String.format("0x%04X", header.signature()))
                .putValues("headerRegisters", Integer.toString(header.headerRegisters()))
                .putValues("monitorBlockId", Integer.toString(header.monitorBlockId()))
                .putValues("monitorBase", Integer.toString(header.monitorBase()))
                .putValues("monitorRegisters", Integer.toString(header.monitorRegisters()));
        for (int register : registers) {
            setup.addFields(Integer.toString(register));
        }
        return Envelope.newBuilder().setDeviceSetup(setup);
    }

    /** One channel's counts over one poll interval; Aspect monitors report one summed channel. */
    static DetectorCounts detectorCounts(long counts, Duration offset, Duration length, boolean alarm) {
        return DetectorCounts.newBuilder()
                .setOffset(duration(offset))
                .setLength(duration(length))
                .addCounts(saturated(counts))
                .addPresent(true)
                .setAlarm(alarm)
                .build();
    }

    static Speed speed(double kmh) {
        return Speed.newBuilder()
                .setKmh(kmh)
                .setMph(kmh / KM_PER_MILE)
                .setSecondsPerFoot(METRES_PER_FOOT / (kmh / 3.6))
                .build();
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    /** Protobuf durations keep seconds and nanos of the same sign, unlike java.time. */
    static com.google.protobuf.Duration duration(Duration duration) {
        long nanos = duration.toNanos();
        return com.google.protobuf.Duration.newBuilder()
                .setSeconds(nanos / 1_000_000_000L)
                .setNanos((int) (nanos % 1_000_000_000L))
                .build();
    }

    /** The contract's counts are uint32; a uint32 difference always fits, this only guards the cast. */
    private static int saturated(long counts) {
        return (int) Math.min(counts, 0xFFFF_FFFFL);
    }
}
