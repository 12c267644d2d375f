package io.scangate.simulator.modbus;

/**
 * Ground truth for one occupancy of a simulated Aspect monitor, recorded when it ends.
 *
 * @param unitId Modbus unit id of the monitor
 * @param index 1-based order of the occupancy on that monitor
 * @param objectCount the object counter value the device gave it (set when the occupancy started)
 * @param startMillis simulated start, milliseconds of device time
 * @param endMillis simulated end
 * @param gammaAlarm the gamma channel showed Alarm1 or Alarm2 during it
 * @param neutronAlarm the neutron channel showed Alarm1 or Alarm2 during it
 * @param counterReset the object counter was reset just before it
 */
public record AspectOccupancyTruth(int unitId, long index, int objectCount, long startMillis, long endMillis,
        boolean gammaAlarm, boolean neutronAlarm, boolean counterReset) {
}
