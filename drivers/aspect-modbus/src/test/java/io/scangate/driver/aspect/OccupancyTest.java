package io.scangate.driver.aspect;

import io.scangate.driver.testkit.RecordingDeviceContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.google.protobuf.Timestamp;
import io.scangate.driver.DeviceCondition;
import io.scangate.driver.testkit.RecordingDeviceContext.Condition;
import io.scangate.driver.testkit.RecordingDeviceContext.DecodeError;
import io.scangate.proto.v1.DetectorCounts;
import io.scangate.proto.v1.MeasurementKind;
import io.scangate.proto.v1.OccupancyClose;
import io.scangate.proto.v1.RadiationMeasurement;
import io.scangate.proto.v1.RadiationScan;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Occupancies, backgrounds, counters and conditions from sequences of monitor blocks. */
class OccupancyTest {

    private static final double GAMMA_CPS = 1650;
    private static final double NEUTRON_CPS = 2.5;

    private final DriverHarness harness = new DriverHarness();

    @Test
    void eachIdlePollGivesOneGammaAndOneNeutronBackgroundOverTheDeviceInterval() {
        harness.connectAndLocate();

        harness.poll(5000, GAMMA_CPS, NEUTRON_CPS);

        List<RadiationMeasurement> measurements = harness.device().measurements();
        assertThat(measurements).hasSize(2);
        assertThat(measurements.get(0).getKind()).isEqualTo(MeasurementKind.MEASUREMENT_KIND_GAMMA_BACKGROUND);
        assertThat(measurements.get(0).getSourceTag()).isEqualTo("gamma_count");
        assertThat(measurements.get(0).getCountsList()).containsExactly(8250);
        assertThat(measurements.get(0).getRealTime().getSeconds()).isEqualTo(5);
        assertThat(measurements.get(1).getKind()).isEqualTo(MeasurementKind.MEASUREMENT_KIND_NEUTRON_BACKGROUND);
        assertThat(measurements.get(1).getCountsList()).containsExactly(13);
    }

    @Test
    void anOccupancyIsPolledFastAndBecomesOneScan() {
        harness.connectAndLocate();
        harness.image.inputs = MonitorBlock.DIR01 | 0x1;
        harness.image.objectCount = 42;
        harness.poll(5000, GAMMA_CPS, NEUTRON_CPS);
        harness.image.gammaStatus = 0x81;
        harness.image.outputs = MonitorBlock.OUTPUT_ALARM;
        harness.image.objectMark = 4;
        harness.image.speed = 85;
        harness.poll(200, 4000, NEUTRON_CPS);
        harness.image.gammaStatus = 0x80;
        harness.poll(200, 1100, NEUTRON_CPS);
        harness.image.inputs = 0;

        Frames.Request last = harness.poll(200, 1100, 5);

        assertThat(last.address()).isEqualTo(100);
        assertThat(harness.device().measurements()).isEmpty();
        RadiationScan scan = harness.device().scans().get(0);
        assertThat(scan.getClose()).isEqualTo(OccupancyClose.OCCUPANCY_CLOSE_NORMAL);
        assertThat(scan.getDeviceCounter()).isEqualTo(42);
        assertThat(scan.getDeviceCounterPresent()).isTrue();
        assertThat(scan.getGammaAlarm()).isTrue();
        assertThat(scan.getNeutronAlarm()).isFalse();
        assertThat(scan.getGammaList()).extracting(c -> c.getCounts(0)).containsExactly(8250, 800, 220, 220);
        assertThat(scan.getGammaList()).extracting(DetectorCounts::getAlarm).containsExactly(false, true, false, false);
        assertThat(scan.getGammaList()).extracting(c -> millis(c.getOffset()))
                .containsExactly(-5000L, 0L, 200L, 400L);
        assertThat(scan.getGammaList()).extracting(c -> millis(c.getLength()))
                .containsExactly(5000L, 200L, 200L, 200L);
        assertThat(scan.getNeutronList()).extracting(c -> c.getCounts(0)).containsExactly(13, 1, 1, 1);
        assertThat(scan.getGammaBackgroundList()).containsExactly(1650.5);
        assertThat(scan.getNeutronBackgroundList()).containsExactly(2.5);
        assertThat(millis(scan.getEndTime()) - millis(scan.getStartTime())).isEqualTo(600);
        assertThat(scan.getSpeedList()).singleElement().satisfies(speed -> {
            assertThat(speed.getKmh()).isEqualTo(8.5);
            assertThat(speed.getMph()).isEqualTo(5.2817, offset(1e-4));
        });
        assertThat(scan.getDeviceFieldsMap()).containsEntry("direction", "Dir01").containsEntry("wheels", "4")
                .containsEntry("output_alarm", "true").containsEntry("gamma_alarm_level", "1")
                .containsEntry("neutron_alarm_level", "0").containsEntry("gamma_variance", "1702.25");
        assertThat(scan.getGammaSigmaPresent()).isFalse();
        harness.advance(Duration.ofMillis(4999));
        assertThat(harness.request()).isNull();
    }

    @Test
    void aCounterThatAdvancesWhenTheVehicleLeavesNamesTheOccupancy() {
        harness.connectAndLocate();
        harness.image.inputs = 0x2;
        harness.poll(5000, GAMMA_CPS, NEUTRON_CPS);
        harness.image.inputs = 0;
        harness.image.objectCount = 42;

        harness.poll(200, GAMMA_CPS, NEUTRON_CPS);

        assertThat(harness.device().scans()).singleElement()
                .satisfies(scan -> assertThat(scan.getDeviceCounter()).isEqualTo(42));
    }

    @Test
    void vehiclesThatCameAndWentBetweenTwoIdlePollsStillGiveOneScanEach() {
        harness.connectAndLocate();
        harness.image.objectCount = 43;
        harness.image.neutronStatus = 0x82;

        harness.poll(5000, GAMMA_CPS, NEUTRON_CPS);

        List<RadiationScan> scans = harness.device().scans();
        assertThat(scans).extracting(RadiationScan::getDeviceCounter).containsExactly(42L, 43L);
        assertThat(scans).allSatisfy(scan -> {
            assertThat(scan.getDeviceFieldsMap()).containsEntry("seen_by", "object_counter");
            assertThat(scan.getGammaCount()).isZero();
            assertThat(scan.getNeutronAlarm()).isTrue();
        });
        assertThat(harness.device().measurements()).hasSize(2);
    }

    @Test
    void aCounterRolloverIsOneVehicleAndAResetIsMarkedOnTheNextScan() {
        harness.image.objectCount = 65535;
        harness.connectAndLocate();
        harness.image.objectCount = 0;
        harness.image.inputs = 0x1;
        harness.poll(5000, GAMMA_CPS, NEUTRON_CPS);
        harness.image.inputs = 0;
        harness.poll(200, GAMMA_CPS, NEUTRON_CPS);
        harness.image.objectCount = 1;
        harness.poll(5000, GAMMA_CPS, NEUTRON_CPS);
        harness.image.objectCount = 2;
        harness.poll(5000, GAMMA_CPS, NEUTRON_CPS);
        harness.image.objectCount = 0;
        harness.poll(5000, GAMMA_CPS, NEUTRON_CPS);
        harness.image.objectCount = 1;
        harness.image.inputs = 0x4;
        harness.poll(5000, GAMMA_CPS, NEUTRON_CPS);
        harness.image.inputs = 0;

        harness.poll(200, GAMMA_CPS, NEUTRON_CPS);

        List<RadiationScan> scans = harness.device().scans();
        assertThat(scans).extracting(RadiationScan::getDeviceCounter).containsExactly(0L, 1L, 2L, 1L);
        assertThat(scans.get(0).getDeviceFieldsMap()).doesNotContainKey("counter_reset");
        assertThat(scans.get(3).getDeviceFieldsMap()).containsEntry("counter_reset", "true")
                .containsEntry("previous_counter", "2");
    }

    @Test
    void aCounterJumpIsReportedAndClaimsNoVehicles() {
        harness.connectAndLocate();
        harness.image.objectCount = 5000;

        harness.poll(5000, GAMMA_CPS, NEUTRON_CPS);

        assertThat(harness.device().decodeErrors()).extracting(DecodeError::reason).containsExactly("counter_jump");
        assertThat(harness.device().scans()).isEmpty();
    }

    @Test
    void aSecondCounterAdvanceWhileStillOccupiedStartsTheNextOccupancy() {
        harness.connectAndLocate();
        harness.image.inputs = 0x1;
        harness.image.objectCount = 42;
        harness.poll(5000, GAMMA_CPS, NEUTRON_CPS);
        harness.poll(200, GAMMA_CPS, NEUTRON_CPS);
        harness.image.objectCount = 43;
        harness.poll(200, GAMMA_CPS, NEUTRON_CPS);
        harness.image.inputs = 0;

        harness.poll(200, GAMMA_CPS, NEUTRON_CPS);

        List<RadiationScan> scans = harness.device().scans();
        assertThat(scans).extracting(RadiationScan::getDeviceCounter).containsExactly(42L, 43L);
        assertThat(scans.get(0).getDeviceFieldsMap()).containsEntry("closed_by", "object_counter");
        assertThat(scans.get(0).getGammaCount()).isEqualTo(2);
        assertThat(scans.get(1).getGammaCount()).isEqualTo(2);
    }

    @Test
    void anOccupancySurvivesAReconnectAndItsIntervalSpansTheGap() {
        harness.connectAndLocate();
        harness.image.inputs = 0x1;
        harness.image.objectCount = 42;
        harness.poll(5000, GAMMA_CPS, NEUTRON_CPS);
        harness.disconnect();
        harness.image.run(3000, GAMMA_CPS, NEUTRON_CPS);
        harness.advance(Duration.ofSeconds(3));
        harness.image.inputs = 0;

        harness.connectAndLocate();

        assertThat(harness.device().scans()).singleElement().satisfies(scan -> {
            assertThat(scan.getClose()).isEqualTo(OccupancyClose.OCCUPANCY_CLOSE_NORMAL);
            assertThat(scan.getGammaList()).extracting(c -> millis(c.getLength())).containsExactly(5000L, 3000L);
        });
    }

    @Test
    void anOccupancyWithoutPollsForTheTimeoutClosesAsTimeout() {
        harness.connectAndLocate();
        harness.image.inputs = 0x1;
        harness.poll(5000, GAMMA_CPS, NEUTRON_CPS);
        harness.disconnect();

        harness.advance(Duration.ofSeconds(10));

        assertThat(harness.device().scans()).singleElement().satisfies(scan -> {
            assertThat(scan.getClose()).isEqualTo(OccupancyClose.OCCUPANCY_CLOSE_TIMEOUT);
            assertThat(scan.getDeviceCounterPresent()).isFalse();
            assertThat(scan.getEndTime()).isEqualTo(scan.getStartTime());
        });
    }

    @Test
    void stoppingTheGatewayClosesTheOpenOccupancyAsInterrupted() {
        harness.connectAndLocate();
        harness.image.inputs = 0x1;
        harness.poll(5000, GAMMA_CPS, NEUTRON_CPS);

        harness.stop();

        assertThat(harness.device().scans()).singleElement().satisfies(scan -> {
            assertThat(scan.getClose()).isEqualTo(OccupancyClose.OCCUPANCY_CLOSE_INTERRUPTED);
            assertThat(scan.getDeviceFieldsMap()).containsEntry("interrupted_by", "gateway_stop");
        });
        harness.advance(Duration.ofSeconds(30));
        assertThat(harness.request()).isNull();
    }

    @Test
    void aPassageLongerThanTheIntervalLimitIsSplit() {
        DriverHarness limited = new DriverHarness(new AspectModbusConfig(null, null, null, null, null, null, null,
                null, null, null, 10, null));
        limited.connectAndLocate();
        limited.image.inputs = 0x1;
        limited.poll(5000, GAMMA_CPS, NEUTRON_CPS);
        for (int i = 0; i < 11; i++) {
            limited.poll(200, GAMMA_CPS, NEUTRON_CPS);
        }
        limited.image.inputs = 0;
        limited.poll(200, GAMMA_CPS, NEUTRON_CPS);

        List<RadiationScan> scans = limited.device().scans();
        assertThat(scans).extracting(RadiationScan::getClose).containsExactly(
                OccupancyClose.OCCUPANCY_CLOSE_INTERRUPTED, OccupancyClose.OCCUPANCY_CLOSE_NORMAL);
        assertThat(scans.get(0).getGammaCount()).isEqualTo(10);
        assertThat(scans.get(1).getDeviceFieldsMap()).containsEntry("continues", scans.get(0).getOccupancyId());
    }

    @Test
    void aDeviceRestartGivesNoIntervalForThatPoll() {
        harness.connectAndLocate();
        harness.image.elapsedMillis = 10;
        harness.image.gammaCount = 0;

        harness.poll(5000, GAMMA_CPS, NEUTRON_CPS);
        assertThat(harness.device().measurements()).isEmpty();
        harness.poll(5000, GAMMA_CPS, NEUTRON_CPS);
        assertThat(harness.device().measurements()).extracting(m -> m.getCounts(0)).containsExactly(8250, 13);
    }

    @Test
    void faultAndTamperBitsBecomeConditionsReportedOnlyWhenTheyChange() {
        harness.connectAndLocate();
        harness.image.inputs = MonitorBlock.POWER_FAIL;
        harness.image.gammaStatus = 0x80 | 0x10;
        harness.image.neutronStatus = 0;
        harness.poll(5000, GAMMA_CPS, NEUTRON_CPS);
        harness.poll(5000, GAMMA_CPS, NEUTRON_CPS);
        harness.image.inputs = MonitorBlock.OPEN;
        harness.image.gammaStatus = 0x80;
        harness.image.neutronStatus = 0x80;
        harness.poll(5000, GAMMA_CPS, NEUTRON_CPS);
        harness.image.inputs = 0;
        harness.poll(5000, GAMMA_CPS, NEUTRON_CPS);

        assertThat(harness.device().conditions()).containsExactly(
                new Condition(DeviceCondition.FAULT, true, "PowerFail, gamma LowCount, neutron not Ready"),
                new Condition(DeviceCondition.FAULT, false,
                        "fault bits cleared (was: PowerFail, gamma LowCount, neutron not Ready)"),
                new Condition(DeviceCondition.TAMPER, true, "Open: cabinet open"),
                new Condition(DeviceCondition.TAMPER, false, "Open cleared: cabinet closed"));
    }

    @Test
    void everyFaultBitIsNamed() {
        harness.connectAndLocate();
        harness.image.inputs = MonitorBlock.POWER_FAIL | MonitorBlock.LOW_BATTERY | MonitorBlock.ERROR;
        harness.image.gammaStatus = 0x80 | 0x10 | 0x20 | 0x40;
        harness.image.neutronStatus = 0x80 | 0x40;

        harness.poll(5000, GAMMA_CPS, NEUTRON_CPS);

        assertThat(harness.device().conditions()).singleElement().extracting(Condition::reason).isEqualTo(
                "PowerFail, LowBattery, Error, gamma LowCount, gamma HighCount, gamma Overload, neutron Overload");
    }

    private static long millis(Timestamp time) {
        return time.getSeconds() * 1000 + time.getNanos() / 1_000_000;
    }

    private static long millis(com.google.protobuf.Duration duration) {
        return duration.getSeconds() * 1000 + duration.getNanos() / 1_000_000;
    }
}
