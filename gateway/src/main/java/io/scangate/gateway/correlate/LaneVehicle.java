package io.scangate.gateway.correlate;

import com.google.protobuf.util.Durations;
import io.scangate.gateway.pipeline.EventPipeline;
import io.scangate.proto.v1.Envelope;
import io.scangate.proto.v1.Inspection;
import io.scangate.proto.v1.InspectionPart;
import io.scangate.proto.v1.JoinMethod;
import io.scangate.proto.v1.MissingReason;
import io.scangate.proto.v1.PartJoin;
import io.scangate.proto.v1.RadiationResult;
import io.scangate.proto.v1.RadiationScan;
import io.scangate.proto.v1.XrayResult;
import io.scangate.proto.v1.XrayScan;
import java.time.Duration;
import java.time.Instant;

/**
 * One vehicle of a lane, open (collecting parts) or published (kept for amendments). Its joined content lives in
 * {@link #draft}, which is also what the state file keeps across a restart.
 */
final class LaneVehicle {

    final Inspection.Builder draft;
    Instant openedAt;
    Instant deadlineAt;
    /** When set, the vehicle is published (first time or as an amendment) at this time unless more parts come. */
    Instant settleAt;
    boolean published;
    Instant publishedAt;
    String lastEventId = "";
    /** Why the parts still missing are missing once it is closed: timeout, evicted, gateway restarted or stopped. */
    MissingReason closeReason = MissingReason.MISSING_REASON_UNSPECIFIED;

    LaneVehicle(Inspection.Builder draft, Instant openedAt, Instant deadlineAt) {
        this.draft = draft;
        this.openedAt = openedAt;
        this.deadlineAt = deadlineAt;
    }

    String id() {
        return draft.getInspectionId();
    }

    boolean has(InspectionPart kind) {
        return timeOf(kind) != null;
    }

    /** The time of the first part of this kind (an X-ray study may have several images). */
    Instant timeOf(InspectionPart kind) {
        for (PartJoin join : draft.getJoinsList()) {
            if (join.getPart() == kind) {
                return Part.instant(join.getPartTime());
            }
        }
        return null;
    }

    Instant anchorTime() {
        return Part.instant(draft.getJoins(0).getPartTime());
    }

    boolean hasStudy(String studyUid) {
        return !studyUid.isEmpty() && draft.getXrayList().stream().anyMatch(x -> x.getStudyInstanceUid().equals(studyUid));
    }

    void add(Part part, JoinMethod method, double confidence, Duration offsetError, int revision) {
        Envelope e = part.envelope();
        draft.addJoins(PartJoin.newBuilder()
                .setPart(part.kind())
                .setEventId(e.getEventId())
                .setDeviceId(e.getDevice().getDeviceId())
                .setPartTime(EventPipeline.timestamp(part.time()))
                .setMethod(method)
                .setConfidence(confidence)
                .setOffsetError(Durations.fromNanos(offsetError.toNanos()))
                .setJoinedInRevision(revision));
        switch (part.kind()) {
            case INSPECTION_PART_CONVEYANCE -> draft.addAllContainers(e.getConveyanceId().getContainersList())
                    .setLicencePlate(e.getConveyanceId().getLicencePlate())
                    .setLicencePlateConfidence(e.getConveyanceId().getLicencePlateConfidence())
                    .setConveyanceEventId(e.getEventId());
            case INSPECTION_PART_RADIATION -> draft.setRadiation(radiation(e));
            case INSPECTION_PART_XRAY -> draft.addXray(xray(e));
            default -> throw new IllegalArgumentException("not a part: " + part.kind());
        }
    }

    /** An OCR read with neither container code nor plate: the portal saw the vehicle and read nothing. */
    boolean conveyanceNoRead() {
        return draft.getConveyanceEventId().isEmpty() ? false
                : draft.getContainersCount() == 0 && draft.getLicencePlate().isEmpty();
    }

    private static RadiationResult radiation(Envelope e) {
        RadiationScan s = e.getRadiationScan();
        return RadiationResult.newBuilder()
                .setEventId(e.getEventId())
                .setOccupancyId(s.getOccupancyId())
                .setAlarm(s.getGammaAlarm() || s.getNeutronAlarm())
                .setGammaAlarm(s.getGammaAlarm())
                .setNeutronAlarm(s.getNeutronAlarm())
                .setClose(s.getClose())
                .setStartTime(s.getStartTime())
                .setEndTime(s.getEndTime())
                .build();
    }

    private static XrayResult xray(Envelope e) {
        XrayScan s = e.getXrayScan();
        XrayResult.Builder x = XrayResult.newBuilder()
                .setEventId(e.getEventId())
                .setScanId(s.getScanId())
                .setStudyInstanceUid(s.getStudyInstanceUid())
                .addAllImages(s.getImagesList())
                .addAllDecisions(s.getDecisionsList())
                .setDetections(s.getDetectionsCount());
        if (s.hasAcquisitionTime()) {
            x.setAcquisitionTime(s.getAcquisitionTime());
        }
        return x.build();
    }
}
