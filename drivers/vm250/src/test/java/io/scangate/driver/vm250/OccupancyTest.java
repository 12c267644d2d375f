package io.scangate.driver.vm250;

import io.scangate.driver.testkit.RecordingDeviceContext;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.Durations;
import com.google.protobuf.util.Timestamps;
import io.scangate.driver.testkit.RecordingDeviceContext.DecodeError;
import io.scangate.proto.v1.DetectorCounts;
import io.scangate.proto.v1.Envelope;
import io.scangate.proto.v1.OccupancyClose;
import io.scangate.proto.v1.RadiationScan;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OccupancyTest {

    private static final String GB = "GB,000400,000400,000400,000400";
    private static final String GS = "GS,000060,000060,000060,000060";
    private static final String NS = "NS,000001,000000,000001,000000";
    private static final String GX = "GX,000124,002500,000000,000000";

    @Test
    void offsetsPutThePreTriggerBurstBeforeTheStartAndTimesComeFromTheClock() {
        DriverHarness harness = new DriverHarness().feedLines(GB);
        long start = Timestamps.toMillis(Timestamps.fromMillis(harness.device().now().toEpochMilli()));
        harness.feedLines(GS, GS, GS, GS, GS, NS).advance(Duration.ofMillis(200)).feedLines(GS)
                .advance(Duration.ofMillis(800)).feedLines(NS).advance(Duration.ofMillis(300)).feedLines(GX);

        RadiationScan scan = onlyScan(harness);
        assertThat(scan.getGammaList()).extracting(DetectorCounts::getOffset).map(Durations::toMillis)
                .containsExactly(-1000L, -800L, -600L, -400L, -200L, 0L);
        assertThat(scan.getGammaList()).extracting(DetectorCounts::getLength).map(Durations::toMillis)
                .containsOnly(200L);
        assertThat(scan.getNeutronList()).extracting(DetectorCounts::getOffset).map(Durations::toMillis)
                .containsExactly(0L, 1000L);
        assertThat(Timestamps.toMillis(scan.getStartTime())).isEqualTo(start);
        assertThat(Timestamps.toMillis(scan.getEndTime()) - start).isEqualTo(1300L);
        assertThat(scan.getOccupancyId()).matches("[0-9a-f-]{36}");
    }

    @Test
    void theTimeoutCountsFromTheLastOccupiedLineNotFromTheStart() {
        DriverHarness harness = new DriverHarness().feedLines(GS)
                .advance(Duration.ofSeconds(9)).feedLines(GS)
                .advance(Duration.ofSeconds(9)).feedLines("NC,000001")
                .advance(Duration.ofMillis(900));
        assertThat(scans(harness)).isEmpty();

        harness.advance(Duration.ofMillis(100));

        RadiationScan scan = onlyScan(harness);
        assertThat(scan.getClose()).isEqualTo(OccupancyClose.OCCUPANCY_CLOSE_TIMEOUT);
        assertThat(Timestamps.toMillis(scan.getEndTime()) - Timestamps.toMillis(scan.getStartTime()))
                .as("ends at the last occupied line, not at the unknown line nor at the timeout")
                .isEqualTo(9000L);
        assertThat(scan.getUnmappedList()).containsExactly("NC,000001");
    }

    @Test
    void anOccupancySurvivesADisconnectAndIsClosedByTheGxAfterTheReconnect() {
        DriverHarness harness = new DriverHarness().feedLines(GB, GS, GS, GS).feed(Vm250Record.ascii("GS,0000"))
                .disconnect()
                .advance(Duration.ofSeconds(3))
                .reconnect()
                .feedLines(GS, GS, NS, GX);

        RadiationScan scan = onlyScan(harness);
        assertThat(scan.getClose()).isEqualTo(OccupancyClose.OCCUPANCY_CLOSE_NORMAL);
        assertThat(scan.getGammaCount()).isEqualTo(5);
        assertThat(scan.getDeviceCounter()).isEqualTo(124);
        assertThat(harness.device().decodeErrors()).extracting(DecodeError::reason)
                .containsExactly(LineFramer.TRUNCATED_LINE);
    }

    @Test
    void aLinkThatStaysDownLeavesTheClosingToTheTimer() {
        DriverHarness harness = new DriverHarness().feedLines(GS, GS).disconnect();
        assertThat(scans(harness)).isEmpty();

        harness.advance(Vm250Config.DEFAULT_OCCUPANCY_TIMEOUT);

        assertThat(onlyScan(harness).getClose()).isEqualTo(OccupancyClose.OCCUPANCY_CLOSE_TIMEOUT);
    }

    @Test
    void stopEmitsAnOpenOccupancyAsInterruptedAndCancelsItsTimer() {
        DriverHarness harness = new DriverHarness().feedLines(GS, NS);

        harness.stop();
        harness.advance(Duration.ofMinutes(1));

        RadiationScan scan = onlyScan(harness);
        assertThat(scan.getClose()).isEqualTo(OccupancyClose.OCCUPANCY_CLOSE_INTERRUPTED);
        assertThat(scan.getDeviceFieldsMap()).containsEntry("interrupted_by", "gateway_stop");
    }

    @Test
    void stopWithNothingOpenEmitsNothing() {
        DriverHarness harness = new DriverHarness().feedLines(GB, GS, GX);
        harness.stop();

        assertThat(scans(harness)).hasSize(1);
    }

    @Test
    void aPassageLongerThanTheLineLimitContinuesInLinkedOccupanciesSoNothingIsLost() {
        DriverHarness harness = new DriverHarness(new Vm250Config(null, null, null, null, null, null, 10));
        for (int i = 0; i < 25; i++) {
            harness.feedLines(GS);
        }
        harness.feedLines(GX);

        List<RadiationScan> scans = scans(harness);
        assertThat(scans).extracting(RadiationScan::getGammaCount).containsExactly(10, 10, 5);
        assertThat(scans).extracting(RadiationScan::getClose).containsExactly(
                OccupancyClose.OCCUPANCY_CLOSE_INTERRUPTED, OccupancyClose.OCCUPANCY_CLOSE_INTERRUPTED,
                OccupancyClose.OCCUPANCY_CLOSE_NORMAL);
        assertThat(scans.get(0).getDeviceFieldsMap()).containsEntry("line_limit_reached", "true");
        assertThat(scans.get(1).getDeviceFieldsMap()).containsEntry("continues", scans.get(0).getOccupancyId());
        assertThat(scans.get(2).getDeviceFieldsMap()).containsEntry("continues", scans.get(1).getOccupancyId());
        assertThat(Durations.toMillis(scans.get(1).getGamma(0).getOffset()))
                .as("a continuation has no pre-trigger history").isZero();
    }

    @Test
    void anUnreadableIntervalKeepsItsPlaceAsMissingValuesAndIsReported() {
        DriverHarness harness = new DriverHarness().feedLines(GB, GS, "GA,000060,0x0060,000060,000060", GS, GX);

        RadiationScan scan = onlyScan(harness);
        assertThat(scan.getGammaCount()).isEqualTo(3);
        assertThat(scan.getGamma(1).getPresentList()).containsOnly(false);
        assertThat(scan.getGamma(1).getAlarm()).isTrue();
        assertThat(scan.getGammaAlarm()).isTrue();
        assertThat(scan.getUnmappedList()).containsExactly("GA,000060,0x0060,000060,000060");
        assertThat(harness.device().decodeErrors()).extracting(DecodeError::reason).containsExactly("bad_fields");
        assertThat(harness.device().emitted()).filteredOn(Envelope::hasRawRecord).singleElement()
                .satisfies(raw -> assertThat(raw.getRawRecord().getTag()).isEqualTo("GA"));
    }

    @Test
    void anUnreadableGxStillEndsTheOccupancy() {
        DriverHarness harness = new DriverHarness().feedLines(GS, "GX,00012?,002500,000000,000000");

        RadiationScan scan = onlyScan(harness);
        assertThat(scan.getClose()).isEqualTo(OccupancyClose.OCCUPANCY_CLOSE_NORMAL);
        assertThat(scan.getDeviceCounterPresent()).isFalse();
        assertThat(scan.getDeviceFieldsMap()).containsEntry("end_unreadable", "true");
    }

    @Test
    void garbageDuringAnOccupancyIsKeptInItsUnmappedLinesInPrintableForm() {
        DriverHarness harness = new DriverHarness().feedLines(GS).feed(new byte[] {'G', 'S', 0x07, '\r', '\n'})
                .feedLines(GX);

        assertThat(onlyScan(harness).getUnmappedList()).containsExactly("GS\\x07");
    }

    @Test
    void aGxWithoutAnOpenOccupancyIsPassedOnAsARawRecord() {
        DriverHarness harness = new DriverHarness().feedLines(GB, GX);

        assertThat(scans(harness)).isEmpty();
        assertThat(harness.device().emitted()).filteredOn(Envelope::hasRawRecord).singleElement()
                .satisfies(raw -> assertThat(raw.getRawRecord().getReason()).contains("without an open occupancy"));
    }

    @Test
    void theConfiguredNSigmaOverridesTheDevicesAndFeedsTheThreshold() {
        DriverHarness harness = new DriverHarness(new Vm250Config(null, null, null, null, null, 3.0, null))
                .feedLines("SG1,002000,000068,05,10,05.0,P", GB, GS, GX);

        RadiationScan scan = onlyScan(harness);
        assertThat(scan.getGammaThresholdPresent()).isTrue();
        assertThat(scan.getGammaThreshold()).isEqualTo(1600 + 3.0 * 40);
    }

    @Test
    void withoutAnyBackgroundThereIsNeitherSigmaNorThreshold() {
        DriverHarness harness = new DriverHarness().feedLines("SG1,002000,000068,05,10,05.0,P", GS, GX);

        RadiationScan scan = onlyScan(harness);
        assertThat(scan.getGammaSigmaPresent()).isFalse();
        assertThat(scan.getGammaThresholdPresent()).isFalse();
        assertThat(scan.getGammaBackgroundList()).isEmpty();
    }

    private static List<RadiationScan> scans(DriverHarness harness) {
        return harness.device().emitted().stream().filter(Envelope::hasRadiationScan)
                .map(Envelope::getRadiationScan).toList();
    }

    private static RadiationScan onlyScan(DriverHarness harness) {
        List<RadiationScan> scans = scans(harness);
        assertThat(scans).hasSize(1);
        return scans.get(0);
    }
}
