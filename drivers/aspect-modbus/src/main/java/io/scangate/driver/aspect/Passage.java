package io.scangate.driver.aspect;

import io.scangate.proto.v1.OccupancyClose;
import io.scangate.proto.v1.RadiationScan;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One open occupancy: collects a gamma and a neutron interval per poll, alarm and direction bits, wheels
 * and speed, then builds the RadiationScan.
 *
 * <p>No gamma sigma or threshold is computed: poll intervals have no fixed length to build the
 * one-second window from, and the device judges alarms itself (Alarm1/Alarm2), so both stay unset.
 *
 * <p>Offset convention: the occupancy starts at the first poll that saw it. The interval that poll
 * closes began at the poll before, so it lies before the start (negative offset, like the VM-250
 * pre-trigger history): it holds the vehicle's arrival. Every later interval starts where the one
 * before ended.
 */
final class Passage {

    static final String DIRECTION = "direction";
    static final String WHEELS = "wheels";
    static final String OUTPUT_ALARM = "output_alarm";

    private final RadiationScan.Builder scan;
    private Duration nextOffset;
    private int intervals;
    private int gammaAlarmLevel;
    private int neutronAlarmLevel;
    private boolean outputAlarm;
    private int speed;
    private Instant lastPoll;

    Passage(Instant start, MonitorBlock first, PollInterval firstInterval) {
        this.scan = RadiationScan.newBuilder()
                .setOccupancyId(UUID.randomUUID().toString())
                .setStartTime(AspectMessages.timestamp(start))
                .addGammaBackground(first.gamma().background())
                .addNeutronBackground(first.neutron().background())
                .putDeviceFields("gamma_variance", Float.toString(first.gamma().variance()))
                .putDeviceFields("neutron_variance", Float.toString(first.neutron().variance()));
        this.nextOffset = firstInterval == null ? Duration.ZERO : firstInterval.length().negated();
        add(first, firstInterval, start);
    }

    String id() {
        return scan.getOccupancyId();
    }

    /** Gateway time of the last poll that belonged to this occupancy. */
    Instant lastPoll() {
        return lastPoll;
    }

    int intervals() {
        return intervals;
    }

    boolean hasCounter() {
        return scan.getDeviceCounterPresent();
    }

    void counter(int objectCount) {
        scan.setDeviceCounter(objectCount).setDeviceCounterPresent(true);
    }

    void deviceField(String key, String value) {
        scan.putDeviceFields(key, value);
    }

    /** One poll: the interval it closes (null when the device gave none to measure) and its bits. */
    void add(MonitorBlock block, PollInterval interval, Instant at) {
        boolean gammaAlarm = block.gamma().alarm();
        boolean neutronAlarm = block.neutron().alarm();
        if (interval != null) {
            scan.addGamma(AspectMessages.detectorCounts(interval.gammaCounts(), nextOffset, interval.length(),
                    gammaAlarm));
            scan.addNeutron(AspectMessages.detectorCounts(interval.neutronCounts(), nextOffset, interval.length(),
                    neutronAlarm));
            nextOffset = nextOffset.plus(interval.length());
            intervals++;
        }
        scan.setGammaAlarm(scan.getGammaAlarm() || gammaAlarm);
        scan.setNeutronAlarm(scan.getNeutronAlarm() || neutronAlarm);
        gammaAlarmLevel = Math.max(gammaAlarmLevel, block.gamma().alarmLevel());
        neutronAlarmLevel = Math.max(neutronAlarmLevel, block.neutron().alarmLevel());
        outputAlarm |= (block.outputs() & MonitorBlock.OUTPUT_ALARM) != 0;
        int direction = block.inputs() & (MonitorBlock.DIR01 | MonitorBlock.DIR10);
        if (direction == MonitorBlock.DIR01) {
            scan.putDeviceFields(DIRECTION, "Dir01");
        } else if (direction == MonitorBlock.DIR10) {
            scan.putDeviceFields(DIRECTION, "Dir10");
        }
        if (block.objectMark() != 0) {
            scan.putDeviceFields(WHEELS, Integer.toString(block.objectMark()));
        }
        if (block.speed() != 0) {
            speed = block.speed();
        }
        lastPoll = at;
    }

    RadiationScan close(OccupancyClose kind, Instant end, double kmhPerUnit) {
        scan.setClose(kind)
                .setEndTime(AspectMessages.timestamp(end))
                .putDeviceFields("gamma_alarm_level", Integer.toString(gammaAlarmLevel))
                .putDeviceFields("neutron_alarm_level", Integer.toString(neutronAlarmLevel))
                .putDeviceFields(OUTPUT_ALARM, Boolean.toString(outputAlarm));
        if (speed != 0) {
            // Rounded so that 24 x 0.1 reads 2.4, not 2.4000000000000004.
            scan.addSpeed(AspectMessages.speed(Math.round(speed * kmhPerUnit * 1e6) / 1e6));
        }
        return scan.build();
    }
}
