package io.scangate.gateway.correlate;

import io.scangate.gateway.pipeline.EventPipeline;
import io.scangate.proto.v1.CheckDigitResult;
import io.scangate.proto.v1.ContainerCode;
import io.scangate.proto.v1.ConveyanceId;
import io.scangate.proto.v1.DeviceRef;
import io.scangate.proto.v1.Envelope;
import io.scangate.proto.v1.ImageRef;
import io.scangate.proto.v1.InspectionPart;
import io.scangate.proto.v1.RadiationScan;
import io.scangate.proto.v1.XrayScan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Parts of a test lane as journalled envelopes, with the times the correlator joins on. */
final class LaneParts {

    static final String LANE = "lane1";
    static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");

    private LaneParts() {
    }

    /** conveyance at 0, radiation 8 s later (+-6 s), X-ray 40 s after that (+-10 s); deadline 3 min, settle 5 s. */
    static LaneSettings lane(int maxOpen) {
        return new LaneSettings(LANE, List.of(
                new ExpectedPart(InspectionPart.INSPECTION_PART_CONVEYANCE, Duration.ZERO, Duration.ofSeconds(5)),
                new ExpectedPart(InspectionPart.INSPECTION_PART_RADIATION, Duration.ofSeconds(8), Duration.ofSeconds(6)),
                new ExpectedPart(InspectionPart.INSPECTION_PART_XRAY, Duration.ofSeconds(40), Duration.ofSeconds(10))),
                Duration.ofMinutes(3), Duration.ofSeconds(5), maxOpen, 16, Duration.ofMinutes(30));
    }

    static Instant at(double seconds) {
        return T0.plusMillis(Math.round(seconds * 1000));
    }

    static Part conveyance(double readAt, String plate, String... codes) {
        ConveyanceId.Builder c = ConveyanceId.newBuilder().setLicencePlate(plate).setSourceDevice("lane1-ocr");
        for (String code : codes) {
            c.addContainers(ContainerCode.newBuilder().setCode(code).setCheck(CheckDigitResult.CHECK_DIGIT_VALID));
        }
        Envelope e = envelope("lane1-ocr", at(readAt + 0.5)).setDeviceTime(EventPipeline.timestamp(at(readAt)))
                .setConveyanceId(c).build();
        return Part.of(e);
    }

    static Part radiation(double startAt, boolean alarm) {
        Envelope e = envelope("lane1-rpm", at(startAt + 10)).setRadiationScan(RadiationScan.newBuilder()
                .setOccupancyId(UUID.randomUUID().toString())
                .setStartTime(EventPipeline.timestamp(at(startAt)))
                .setEndTime(EventPipeline.timestamp(at(startAt + 10)))
                .setGammaAlarm(alarm)).build();
        return Part.of(e);
    }

    static Part xray(double acquiredAt, String study, String view) {
        Envelope e = envelope("lane1-xray", at(acquiredAt + 12)).setDeviceTime(EventPipeline.timestamp(at(acquiredAt)))
                .setXrayScan(XrayScan.newBuilder().setScanId(UUID.randomUUID().toString()).setStudyInstanceUid(study)
                        .setAcquisitionTime(EventPipeline.timestamp(at(acquiredAt)))
                        .addImages(ImageRef.newBuilder().setSha256(Integer.toHexString(study.hashCode()) + view).setView(view)))
                .build();
        return Part.of(e);
    }

    private static Envelope.Builder envelope(String device, Instant received) {
        return Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setGatewayId("gw")
                .setReceiveTime(EventPipeline.timestamp(received))
                .setDevice(DeviceRef.newBuilder().setDeviceId(device).setLane(LANE).setSite("port"));
    }
}
