package io.scangate.driver.vm250;

import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import io.scangate.proto.v1.DetectorCounts;
import io.scangate.proto.v1.DeviceSetup;
import io.scangate.proto.v1.Envelope;
import io.scangate.proto.v1.RadiationMeasurement;
import io.scangate.proto.v1.RawRecord;
import io.scangate.proto.v1.Speed;
import java.time.Instant;
import java.util.List;

/** Maps VM-250 records to the normalised contract. Stateless. */
final class Vm250Messages {

    static final String UNKNOWN_TAG = "unknown tag";

    private Vm250Messages() {
    }

    static Envelope.Builder measurement(Vm250Record.Counts record) {
        RadiationMeasurement.Builder measurement = RadiationMeasurement.newBuilder()
                .setKind(record.tag().measurementKind())
                .setSourceTag(record.tag().name());
        for (Integer count : record.counts()) {
            measurement.addCounts(count == null ? 0 : count).addPresent(count != null);
        }
        return Envelope.newBuilder().setRadiationMeasurement(measurement);
    }

    static Envelope.Builder setup(Vm250Record.Setup record) {
        return Envelope.newBuilder().setDeviceSetup(DeviceSetup.newBuilder()
                .setSourceTag(record.tag())
                .putAllValues(SetupNames.values(record.tag(), record.fields()))
                .addAllFields(record.fields()));
    }

    static Envelope.Builder raw(String tag, byte[] line, String reason) {
        return Envelope.newBuilder().setRawRecord(RawRecord.newBuilder()
                .setTag(tag)
                .setPayload(ByteString.copyFrom(line))
                .setReason(reason));
    }

    static DetectorCounts detectorCounts(List<Integer> counts, Duration offset, Duration length, boolean alarm) {
        DetectorCounts.Builder interval = DetectorCounts.newBuilder()
                .setOffset(offset)
                .setLength(length)
                .setAlarm(alarm);
        for (Integer count : counts) {
            interval.addCounts(count == null ? 0 : count).addPresent(count != null);
        }
        return interval.build();
    }

    static Speed speed(Vm250Record.Speed record) {
        return Speed.newBuilder()
                .setSecondsPerFoot(record.secondsPerFoot())
                .setMph(record.mph())
                .setKmh(record.kmh())
                .build();
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder()
                .setSeconds(instant.getEpochSecond())
                .setNanos(instant.getNano())
                .build();
    }

    /** Protobuf durations keep seconds and nanos of the same sign, unlike java.time. */
    static Duration duration(long nanos) {
        return Duration.newBuilder()
                .setSeconds(nanos / 1_000_000_000L)
                .setNanos((int) (nanos % 1_000_000_000L))
                .build();
    }
}
