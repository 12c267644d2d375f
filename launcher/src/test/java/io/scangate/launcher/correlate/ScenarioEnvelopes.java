package io.scangate.launcher.correlate;

import io.scangate.gateway.metrics.GatewayMetrics;
import io.scangate.gateway.pipeline.EventPipeline;
import io.scangate.gateway.testing.MemoryJournal;
import io.scangate.proto.v1.CheckDigitResult;
import io.scangate.proto.v1.ContainerCode;
import io.scangate.proto.v1.ConveyanceId;
import io.scangate.proto.v1.DeviceRef;
import io.scangate.proto.v1.EnergyChannel;
import io.scangate.proto.v1.Envelope;
import io.scangate.proto.v1.ImageRef;
import io.scangate.proto.v1.OccupancyClose;
import io.scangate.proto.v1.RadiationScan;
import io.scangate.proto.v1.XrayScan;
import io.scangate.simulator.vehicle.Iso6346;
import io.scangate.simulator.vehicle.PartEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Turns the simulator's vehicle part events into envelopes as the drivers build them (OCR: codes with their
 * check-digit flag and the read time; VM-250: a scan stamped with the gateway's start and end time, no device
 * time; DICOS: one scan per image with the acquisition time) and stamps them as the gateway's pipeline does.
 */
final class ScenarioEnvelopes {

    static final String LANE = "lane1";
    static final String SITE = "test-port";

    private final EventPipeline pipeline = new EventPipeline("gw-test", 1, new MemoryJournal(),
            new GatewayMetrics(new SimpleMeterRegistry()), () -> { }, Duration.ofMillis(100));
    /** Event id -> the simulated vehicle it came from: the ground truth of every join. */
    final Map<String, Long> vehicleOf = new HashMap<>();

    Envelope envelope(PartEvent part) {
        Envelope.Builder body;
        if (part instanceof PartEvent.OcrRead ocr) {
            body = ocr(ocr);
        } else if (part instanceof PartEvent.RpmOccupancy rpm) {
            body = rpm(rpm);
        } else {
            body = xray((PartEvent.XrayImage) part);
        }
        String device = LANE + "-" + part.kind().name().toLowerCase();
        Envelope stamped = pipeline.stamp(body, DeviceRef.newBuilder().setDeviceId(device).setSite(SITE).setLane(LANE)
                .setFamily(part.kind().name()).build(), Instant.ofEpochMilli(part.deliverMillis()));
        vehicleOf.put(stamped.getEventId(), part.vehicle());
        return stamped;
    }

    private static Envelope.Builder ocr(PartEvent.OcrRead ocr) {
        ConveyanceId.Builder id = ConveyanceId.newBuilder().setLicencePlate(ocr.plate())
                .setLicencePlateConfidence(ocr.plate().isEmpty() ? 0 : 0.93).setSourceDevice(LANE + "-ocr");
        for (int i = 0; i < ocr.containerCodes().size(); i++) {
            String code = ocr.containerCodes().get(i);
            boolean valid = Iso6346.checkDigit(code) == code.charAt(10) - '0';
            id.addContainers(ContainerCode.newBuilder().setCode(code).setConfidence(0.9)
                    .setPosition(i == 0 ? "FRONT" : "REAR")
                    .setCheck(valid ? CheckDigitResult.CHECK_DIGIT_VALID : CheckDigitResult.CHECK_DIGIT_INVALID));
        }
        return Envelope.newBuilder().setDeviceTime(EventPipeline.timestamp(Instant.ofEpochMilli(ocr.atMillis())))
                .setConveyanceId(id);
    }

    private static Envelope.Builder rpm(PartEvent.RpmOccupancy rpm) {
        return Envelope.newBuilder().setRadiationScan(RadiationScan.newBuilder()
                .setOccupancyId(UUID.randomUUID().toString())
                .setStartTime(EventPipeline.timestamp(Instant.ofEpochMilli(rpm.atMillis())))
                .setEndTime(EventPipeline.timestamp(Instant.ofEpochMilli(rpm.atMillis() + rpm.durationMillis())))
                .setClose(OccupancyClose.OCCUPANCY_CLOSE_NORMAL)
                .setGammaAlarm(rpm.gammaAlarm()));
    }

    private static Envelope.Builder xray(PartEvent.XrayImage xray) {
        Instant acquired = Instant.ofEpochMilli(xray.atMillis());
        return Envelope.newBuilder().setDeviceTime(EventPipeline.timestamp(acquired)).setXrayScan(XrayScan.newBuilder()
                .setScanId(xray.studyUid() + "." + xray.view())
                .setStudyInstanceUid(xray.studyUid())
                .setModality("DX")
                .setAcquisitionTime(EventPipeline.timestamp(acquired))
                .addImages(ImageRef.newBuilder().setSha256(Integer.toHexString((xray.studyUid() + xray.view()).hashCode()))
                        .setView(xray.view()).setEnergy(EnergyChannel.ENERGY_CHANNEL_HIGH).setWidth(2048).setHeight(1500)
                        .setBitsAllocated(16).setBitsStored(16)));
    }
}
