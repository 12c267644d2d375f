package io.scangate.gateway.correlate;

import io.scangate.proto.v1.Envelope;
import io.scangate.proto.v1.InspectionPart;
import java.time.Instant;

/**
 * A journalled device result as the correlator sees it.
 *
 * @param time the time the join uses: the device's own time for the event where it gives one (X-ray acquisition,
 *     OCR read, occupancy start), else the gateway's receive time
 */
record Part(InspectionPart kind, Instant time, Envelope envelope) {

    /** The part an envelope is, or null when its body is nothing a lane correlates. */
    static Part of(Envelope e) {
        return switch (e.getBodyCase()) {
            case CONVEYANCE_ID -> new Part(InspectionPart.INSPECTION_PART_CONVEYANCE, deviceOrReceive(e), e);
            case RADIATION_SCAN -> new Part(InspectionPart.INSPECTION_PART_RADIATION,
                    e.getRadiationScan().hasStartTime() ? instant(e.getRadiationScan().getStartTime()) : deviceOrReceive(e), e);
            case XRAY_SCAN -> new Part(InspectionPart.INSPECTION_PART_XRAY,
                    e.getXrayScan().hasAcquisitionTime() ? instant(e.getXrayScan().getAcquisitionTime()) : deviceOrReceive(e), e);
            default -> null;
        };
    }

    String eventId() {
        return envelope.getEventId();
    }

    String studyUid() {
        return kind == InspectionPart.INSPECTION_PART_XRAY ? envelope.getXrayScan().getStudyInstanceUid() : "";
    }

    private static Instant deviceOrReceive(Envelope e) {
        return e.hasDeviceTime() ? instant(e.getDeviceTime()) : instant(e.getReceiveTime());
    }

    static Instant instant(com.google.protobuf.Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
