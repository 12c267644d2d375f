package io.scangate.gateway.correlate;

import static io.scangate.gateway.correlate.LaneParts.at;
import static io.scangate.gateway.correlate.LaneParts.conveyance;
import static io.scangate.gateway.correlate.LaneParts.radiation;
import static io.scangate.gateway.correlate.LaneParts.xray;
import static io.scangate.proto.v1.InspectionPart.INSPECTION_PART_CONVEYANCE;
import static io.scangate.proto.v1.InspectionPart.INSPECTION_PART_RADIATION;
import static io.scangate.proto.v1.InspectionPart.INSPECTION_PART_XRAY;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.Durations;
import io.scangate.proto.v1.Inspection;
import io.scangate.proto.v1.JoinMethod;
import io.scangate.proto.v1.MissingReason;
import io.scangate.proto.v1.PartJoin;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaneWindowTest {

    private final RecordingEmitter out = new RecordingEmitter();
    private LaneWindow window = new LaneWindow(LaneParts.lane(8), "port", out);

    @Test
    void aPartEarlierThanExpectedHasANegativeOffsetErrorThatIsAValidDuration() {
        window.accept(conveyance(0, "12-BDF-3", "CSQU3054383"), at(0.5));
        window.accept(radiation(7.25, false), at(17));

        window.sweep(at(400));

        PartJoin join = single().getJoins(1);
        assertThat(Durations.isValid(join.getOffsetError())).as(join.getOffsetError().toString()).isTrue();
        assertThat(Durations.toMillis(join.getOffsetError())).isEqualTo(-750);
    }

    @Test
    void partsInPassageOrderMakeOneCompleteInspectionOnceSettled() {
        Part c = conveyance(0, "12-BDF-3", "CSQU3054383");
        Part r = radiation(9, false);
        Part x = xray(50, "2.25.1", "TOP");
        window.accept(c, at(0.5));
        window.accept(r, at(19));
        window.accept(x, at(62));
        window.sweep(at(64));
        assertThat(out.published).isEmpty();

        window.sweep(at(67));

        Inspection i = single();
        assertThat(i.getComplete()).isTrue();
        assertThat(i.getRevision()).isEqualTo(1);
        assertThat(i.getAmendsInspectionId()).isEmpty();
        assertThat(i.getClosedBy()).isEqualTo("all parts in");
        assertThat(i.getContainers(0).getCode()).isEqualTo("CSQU3054383");
        assertThat(i.getLicencePlate()).isEqualTo("12-BDF-3");
        assertThat(i.getRadiation().getEventId()).isEqualTo(r.eventId());
        assertThat(i.getXray(0).getEventId()).isEqualTo(x.eventId());
        assertThat(i.getJoinsList()).extracting(PartJoin::getMethod).containsExactly(JoinMethod.JOIN_METHOD_ANCHOR,
                JoinMethod.JOIN_METHOD_TIME_WINDOW, JoinMethod.JOIN_METHOD_TIME_WINDOW);
        assertThat(i.getJoins(1).getConfidence()).isBetween(0.8, 1.0);
        assertThat(i.getJoins(1).getOffsetError().getSeconds()).isEqualTo(1);
        assertThat(i.getExpectedList()).containsExactly(INSPECTION_PART_CONVEYANCE, INSPECTION_PART_RADIATION, INSPECTION_PART_XRAY);
        assertThat(i.getWindowStart()).isEqualTo(c.envelope().getDeviceTime());
        assertThat(i.getWindowEnd()).isEqualTo(x.envelope().getXrayScan().getAcquisitionTime());
    }

    @Test
    void twoVehiclesCloseTogetherEachGetTheirOwnParts() {
        Part c1 = conveyance(0, "A");
        Part c2 = conveyance(30, "B");
        Part r1 = radiation(8, false);
        Part r2 = radiation(39, true);
        Part x1 = xray(48, "s1", "TOP");
        Part x2 = xray(80, "s2", "TOP");
        for (Part p : List.of(c1, c2, r1, r2, x1, x2)) {
            window.accept(p, p.time().plusSeconds(12));
        }
        window.sweep(at(200));

        assertThat(out.published).hasSize(2);
        Inspection a = byPlate("A");
        Inspection b = byPlate("B");
        assertThat(a.getRadiation().getEventId()).isEqualTo(r1.eventId());
        assertThat(a.getXray(0).getEventId()).isEqualTo(x1.eventId());
        assertThat(b.getRadiation().getEventId()).isEqualTo(r2.eventId());
        assertThat(b.getRadiation().getAlarm()).isTrue();
        assertThat(b.getXray(0).getEventId()).isEqualTo(x2.eventId());
        assertThat(a.getComplete() && b.getComplete()).isTrue();
    }

    @Test
    void aMissingXrayClosesAtTheDeadlineSayingWhatIsMissingAndWhy() {
        window.accept(conveyance(0, "A", "CSQU3054383"), at(1));
        window.accept(radiation(8, false), at(18));
        window.sweep(at(180));
        assertThat(out.published).isEmpty();

        window.sweep(at(181));

        Inspection i = single();
        assertThat(i.getComplete()).isFalse();
        assertThat(i.getClosedBy()).isEqualTo("deadline");
        assertThat(i.getMissingList()).singleElement().satisfies(m -> {
            assertThat(m.getPart()).isEqualTo(INSPECTION_PART_XRAY);
            assertThat(m.getReason()).isEqualTo(MissingReason.MISSING_REASON_TIMEOUT);
            assertThat(m.getDetail()).contains("no xray within PT3M");
        });
    }

    @Test
    void anOcrNoReadIsJoinedButReportedMissing() {
        window.accept(conveyance(0, ""), at(1));
        window.accept(radiation(8, false), at(18));
        window.accept(xray(48, "s", "TOP"), at(60));
        window.sweep(at(70));

        Inspection i = single();
        assertThat(i.getComplete()).isFalse();
        assertThat(i.getConveyanceEventId()).isNotEmpty();
        assertThat(i.getMissingList()).singleElement().satisfies(m -> {
            assertThat(m.getPart()).isEqualTo(INSPECTION_PART_CONVEYANCE);
            assertThat(m.getReason()).isEqualTo(MissingReason.MISSING_REASON_NO_READ);
        });
    }

    @Test
    void aLateXrayAmendsThePublishedInspectionInsteadOfOpeningAnother() {
        window.accept(conveyance(0, "A", "CSQU3054383"), at(1));
        window.accept(radiation(8, false), at(18));
        window.sweep(at(181));
        Inspection original = single();
        String originalEventId = out.eventIds.get(0);

        Part late = xray(49, "s-late", "TOP");
        window.accept(late, at(420));
        window.accept(xray(49, "s-late", "SIDE"), at(423));
        window.sweep(at(430));

        assertThat(out.published).hasSize(2);
        Inspection amendment = out.published.get(1);
        assertThat(amendment.getInspectionId()).isEqualTo(original.getInspectionId());
        assertThat(amendment.getRevision()).isEqualTo(2);
        assertThat(amendment.getAmendsInspectionId()).isEqualTo(original.getInspectionId());
        assertThat(amendment.getSupersedesEventId()).isEqualTo(originalEventId);
        assertThat(amendment.getClosedBy()).isEqualTo("late part");
        assertThat(amendment.getComplete()).isTrue();
        assertThat(amendment.getMissingList()).isEmpty();
        assertThat(amendment.getXrayList()).hasSize(2);
        assertThat(amendment.getJoinsList()).filteredOn(j -> j.getPart() == INSPECTION_PART_XRAY)
                .extracting(PartJoin::getJoinedInRevision).containsOnly(2);
        assertThat(amendment.getJoins(3).getMethod()).isEqualTo(JoinMethod.JOIN_METHOD_SAME_STUDY);
    }

    @Test
    void outOfOrderArrivalsStillMakeOneInspection() {
        Part x = xray(48, "s", "TOP");
        Part r = radiation(8, false);
        Part c = conveyance(0, "A");
        window.accept(x, at(60));
        window.accept(c, at(61));
        window.accept(r, at(62));
        window.sweep(at(70));

        Inspection i = single();
        assertThat(i.getComplete()).isTrue();
        assertThat(i.getJoinsList()).extracting(PartJoin::getEventId).containsExactly(x.eventId(), c.eventId(), r.eventId());
        assertThat(i.getJoins(0).getMethod()).isEqualTo(JoinMethod.JOIN_METHOD_ANCHOR);
    }

    @Test
    void aPartAfterPublicationOfACompleteRecordOfAnotherStudyOpensItsOwnVehicleOnlyWhenNoWindowFits() {
        window.accept(conveyance(0, "A"), at(1));
        window.accept(radiation(8, false), at(18));
        window.accept(xray(48, "s", "TOP"), at(60));
        window.sweep(at(70));
        window.accept(xray(300, "other", "TOP"), at(310));
        window.sweep(at(500));

        assertThat(out.published).hasSize(2);
        assertThat(out.published.get(1).getInspectionId()).isNotEqualTo(out.published.get(0).getInspectionId());
        assertThat(out.published.get(1).getMissingList()).extracting(m -> m.getPart())
                .containsExactly(INSPECTION_PART_CONVEYANCE, INSPECTION_PART_RADIATION);
    }

    @Test
    void tooManyOpenVehiclesCloseTheOldestAsIncompleteAndItCanStillBeAmended() {
        window = new LaneWindow(LaneParts.lane(2), "port", out);
        window.accept(conveyance(0, "A"), at(1));
        window.accept(conveyance(60, "B"), at(61));
        assertThat(out.published).isEmpty();

        window.accept(conveyance(120, "C"), at(121));

        Inspection evicted = single();
        assertThat(evicted.getLicencePlate()).isEqualTo("A");
        assertThat(evicted.getClosedBy()).isEqualTo("evicted");
        assertThat(evicted.getMissingList()).extracting(m -> m.getReason()).containsOnly(MissingReason.MISSING_REASON_EVICTED);
        assertThat(window.openVehicles()).hasSize(2);
        assertThat(window.evicted()).isEqualTo(1);

        window.accept(radiation(8, false), at(130));
        window.sweep(at(140));
        assertThat(out.published).hasSize(2);
        assertThat(out.published.get(1).getAmendsInspectionId()).isEqualTo(evicted.getInspectionId());
    }

    @Test
    void publishedInspectionsAreForgottenAfterAmendForOrBeyondMaxRecent() {
        window.accept(conveyance(0, "A"), at(1));
        window.sweep(at(181));
        assertThat(window.recentVehicles()).hasSize(1);
        window.sweep(at(181 + 30 * 60));
        assertThat(window.recentVehicles()).isEmpty();
        assertThat(window.forgotten()).isEqualTo(1);
    }

    @Test
    void anOrderlyStopPublishesOpenVehiclesAsStopped() {
        window.accept(conveyance(0, "A"), at(1));
        window.closeAll(MissingReason.MISSING_REASON_GATEWAY_STOPPED, "gateway stopped", at(5));

        Inspection i = single();
        assertThat(i.getClosedBy()).isEqualTo("gateway stopped");
        assertThat(i.getMissingList()).extracting(m -> m.getReason())
                .containsOnly(MissingReason.MISSING_REASON_GATEWAY_STOPPED);
        assertThat(window.openVehicles()).isEmpty();
    }

    @Test
    void stateSurvivesARestartOpenVehiclesArePublishedAsRestartedAndRecentOnesCanBeAmended(@TempDir Path dir)
            throws Exception {
        window.accept(conveyance(0, "A"), at(1));
        window.accept(radiation(8, false), at(18));
        window.sweep(at(181));
        window.accept(conveyance(200, "B"), at(201));
        Path file = dir.resolve("state.bin");
        StateFile.write(file, Map.of(LaneParts.LANE, window));
        Inspection first = single();

        RecordingEmitter after = new RecordingEmitter();
        LaneWindow restarted = new LaneWindow(LaneParts.lane(8), "port", after);
        StateFile.LaneState state = StateFile.read(file).get(LaneParts.LANE);
        restarted.restore(state.open(), state.recent(), at(300));

        assertThat(after.published).singleElement().satisfies(i -> {
            assertThat(i.getLicencePlate()).isEqualTo("B");
            assertThat(i.getClosedBy()).isEqualTo("gateway restarted");
            assertThat(i.getMissingList()).extracting(m -> m.getReason())
                    .containsOnly(MissingReason.MISSING_REASON_GATEWAY_RESTARTED);
        });
        restarted.accept(xray(49, "s", "TOP"), at(310));
        restarted.sweep(at(320));
        assertThat(after.published).hasSize(2);
        assertThat(after.published.get(1).getInspectionId()).isEqualTo(first.getInspectionId());
        assertThat(after.published.get(1).getRevision()).isEqualTo(2);
        assertThat(after.published.get(1).getSupersedesEventId()).isEqualTo(out.eventIds.get(0));
    }

    @Test
    void onlyTheConfiguredDevicesOfAPartAreJoined() {
        LaneSettings base = LaneParts.lane(8);
        List<ExpectedPart> parts = new java.util.ArrayList<>(base.parts());
        ExpectedPart conveyance = parts.get(0);
        parts.set(0, new ExpectedPart(conveyance.part(), conveyance.after(), conveyance.tolerance(), java.util.Set.of("lane1-lpr")));
        window = new LaneWindow(new LaneSettings(base.lane(), parts, base.deadline(), base.settle(), 8, 16, base.amendFor()),
                "port", out);

        assertThat(window.accept(conveyance(0, "A"), at(1))).as("from lane1-ocr, not listed").isFalse();
        assertThat(window.accept(radiation(8, false), at(18))).isTrue();
        assertThat(window.openVehicles()).hasSize(1);
    }

    private Inspection single() {
        assertThat(out.published).hasSize(1);
        return out.published.get(0);
    }

    private Inspection byPlate(String plate) {
        return out.published.stream().filter(i -> i.getLicencePlate().equals(plate)).findFirst().orElseThrow();
    }
}
