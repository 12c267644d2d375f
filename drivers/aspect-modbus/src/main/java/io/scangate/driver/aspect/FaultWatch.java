package io.scangate.driver.aspect;

import io.scangate.driver.DeviceCondition;
import io.scangate.driver.DeviceContext;
import io.scangate.driver.aspect.MonitorBlock.Channel;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the fault and tamper bits of each monitor block into device conditions, reporting only changes.
 * FAULT: input PowerFail, LowBattery, Error; per channel LowCount, HighCount, Overload and Ready clear.
 * TAMPER: input Open (cabinet open).
 */
final class FaultWatch {

    private final DeviceContext device;
    private String faults = "";
    private boolean open;

    FaultWatch(DeviceContext device) {
        this.device = device;
    }

    void onMonitor(MonitorBlock block) {
        List<String> active = new ArrayList<>();
        flag(active, block.inputs(), MonitorBlock.POWER_FAIL, "PowerFail");
        flag(active, block.inputs(), MonitorBlock.LOW_BATTERY, "LowBattery");
        flag(active, block.inputs(), MonitorBlock.ERROR, "Error");
        channel(active, "gamma", block.gamma());
        channel(active, "neutron", block.neutron());
        String now = String.join(", ", active);
        if (!now.equals(faults)) {
            device.condition(DeviceCondition.FAULT, !active.isEmpty(),
                    active.isEmpty() ? "fault bits cleared (was: " + faults + ")" : now);
            faults = now;
        }
        boolean openNow = (block.inputs() & MonitorBlock.OPEN) != 0;
        if (openNow != open) {
            device.condition(DeviceCondition.TAMPER, openNow,
                    openNow ? "Open: cabinet open" : "Open cleared: cabinet closed");
            open = openNow;
        }
    }

    private static void channel(List<String> active, String name, Channel channel) {
        flag(active, channel.status(), Channel.LOW_COUNT, name + " LowCount");
        flag(active, channel.status(), Channel.HIGH_COUNT, name + " HighCount");
        flag(active, channel.status(), Channel.OVERLOAD, name + " Overload");
        if ((channel.status() & Channel.READY) == 0) {
            active.add(name + " not Ready");
        }
    }

    private static void flag(List<String> active, int bits, int mask, String name) {
        if ((bits & mask) != 0) {
            active.add(name);
        }
    }
}
