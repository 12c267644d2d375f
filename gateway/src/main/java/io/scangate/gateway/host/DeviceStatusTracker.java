package io.scangate.gateway.host;

import io.scangate.driver.DeviceCondition;
import io.scangate.proto.v1.DeviceState;
import java.util.EnumMap;
import java.util.Map;

/**
 * Combines the link, the conditions a device reports and back-pressure into one state, in this
 * precedence: PAUSED (we stopped reading) > DOWN (no link) > TAMPER > FAULT > UP.
 */
final class DeviceStatusTracker {

    private boolean linkUp;
    private boolean paused;
    private final Map<DeviceCondition, Boolean> conditions = new EnumMap<>(DeviceCondition.class);
    private DeviceState state = DeviceState.DEVICE_STATE_UNSPECIFIED;
    private String reason = "starting";

    /** @return true when the combined state changed */
    boolean link(boolean up, String why) {
        linkUp = up;
        return recompute(why);
    }

    boolean paused(boolean value, String why) {
        paused = value;
        return recompute(why);
    }

    /** @return true when the combined state or the condition's flag changed */
    boolean condition(DeviceCondition condition, boolean active, String why) {
        Boolean before = conditions.put(condition, active);
        boolean flagChanged = before == null ? active : before != active;
        return recompute(why) || flagChanged;
    }

    DeviceState state() {
        return state;
    }

    String reason() {
        return reason;
    }

    boolean active(DeviceCondition condition) {
        return conditions.getOrDefault(condition, false);
    }

    private boolean recompute(String why) {
        DeviceState next;
        if (paused) {
            next = DeviceState.DEVICE_STATE_PAUSED;
        } else if (!linkUp) {
            next = DeviceState.DEVICE_STATE_DOWN;
        } else if (active(DeviceCondition.TAMPER)) {
            next = DeviceState.DEVICE_STATE_TAMPER;
        } else if (active(DeviceCondition.FAULT)) {
            next = DeviceState.DEVICE_STATE_FAULT;
        } else {
            next = DeviceState.DEVICE_STATE_UP;
        }
        boolean changed = next != state;
        if (changed) {
            state = next;
            reason = why;
        }
        return changed;
    }
}
