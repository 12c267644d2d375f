package io.scangate.gateway.correlate;

import io.scangate.gateway.pipeline.EventPipeline;
import io.scangate.proto.v1.Inspection;
import io.scangate.proto.v1.InspectionPart;
import io.scangate.proto.v1.MissingPart;
import io.scangate.proto.v1.MissingReason;
import io.scangate.proto.v1.PartJoin;
import java.time.Instant;

/** Turns a vehicle's draft into the record that is published: revision, amendment links, what is missing and why. */
final class Inspections {

    private Inspections() {
    }

    static Inspection build(LaneVehicle v, LaneSettings lane, int revision, String closedBy) {
        Inspection.Builder out = v.draft.clone()
                .setRevision(revision)
                .setLane(lane.lane())
                .setClosedBy(closedBy)
                .clearExpected()
                .clearMissing();
        if (revision > 1) {
            out.setAmendsInspectionId(v.id()).setSupersedesEventId(v.lastEventId);
        }
        Instant first = null;
        Instant last = null;
        for (PartJoin join : v.draft.getJoinsList()) {
            Instant t = Part.instant(join.getPartTime());
            first = first == null || t.isBefore(first) ? t : first;
            last = last == null || t.isAfter(last) ? t : last;
        }
        if (first != null) {
            out.setWindowStart(EventPipeline.timestamp(first)).setWindowEnd(EventPipeline.timestamp(last));
        }
        for (ExpectedPart expected : lane.parts()) {
            InspectionPart kind = expected.part();
            out.addExpected(kind);
            if (!v.has(kind)) {
                out.addMissing(MissingPart.newBuilder().setPart(kind).setReason(v.closeReason)
                        .setDetail(detail(kind, v.closeReason, lane)));
            } else if (kind == InspectionPart.INSPECTION_PART_CONVEYANCE && v.conveyanceNoRead()) {
                out.addMissing(MissingPart.newBuilder().setPart(kind).setReason(MissingReason.MISSING_REASON_NO_READ)
                        .setDetail("the OCR portal reported the passage but read no container code and no plate"));
            }
        }
        return out.setComplete(out.getMissingCount() == 0).build();
    }

    private static String detail(InspectionPart kind, MissingReason reason, LaneSettings lane) {
        String part = LaneSettings.partName(kind);
        return switch (reason) {
            case MISSING_REASON_TIMEOUT -> "no " + part + " within " + lane.deadline() + " of the first part";
            case MISSING_REASON_EVICTED -> "no " + part + " before the lane exceeded " + lane.maxOpen()
                    + " open vehicles and this, the oldest, was closed";
            case MISSING_REASON_GATEWAY_RESTARTED -> "no " + part + " before the gateway stopped abnormally;"
                    + " a part that came while it was down is published on its own";
            case MISSING_REASON_GATEWAY_STOPPED -> "no " + part + " before an orderly stop of the gateway";
            default -> "no " + part;
        };
    }
}
