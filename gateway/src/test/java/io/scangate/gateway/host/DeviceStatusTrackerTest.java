package io.scangate.gateway.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.scangate.driver.DeviceCondition;
import io.scangate.proto.v1.DeviceState;
import org.junit.jupiter.api.Test;

class DeviceStatusTrackerTest {

    private final DeviceStatusTracker tracker = new DeviceStatusTracker();

    @Test
    void precedenceIsPausedThenDownThenTamperThenFault() {
        assertThat(tracker.link(true, "connected")).isTrue();
        assertThat(tracker.state()).isEqualTo(DeviceState.DEVICE_STATE_UP);

        tracker.condition(DeviceCondition.FAULT, true, "GH");
        assertThat(tracker.state()).isEqualTo(DeviceState.DEVICE_STATE_FAULT);
        tracker.condition(DeviceCondition.TAMPER, true, "TT");
        assertThat(tracker.state()).isEqualTo(DeviceState.DEVICE_STATE_TAMPER);
        tracker.link(false, "idle");
        assertThat(tracker.state()).isEqualTo(DeviceState.DEVICE_STATE_DOWN);
        tracker.paused(true, "journal full");
        assertThat(tracker.state()).isEqualTo(DeviceState.DEVICE_STATE_PAUSED);
        assertThat(tracker.reason()).isEqualTo("journal full");

        tracker.paused(false, "journal drained");
        tracker.link(true, "reconnected");
        tracker.condition(DeviceCondition.TAMPER, false, "TC");
        assertThat(tracker.state()).isEqualTo(DeviceState.DEVICE_STATE_FAULT);
    }

    @Test
    void aConditionChangeHiddenByAStrongerStateIsStillReported() {
        tracker.link(true, "connected");
        tracker.condition(DeviceCondition.TAMPER, true, "TT");

        assertThat(tracker.condition(DeviceCondition.FAULT, true, "GH")).isTrue();
        assertThat(tracker.state()).isEqualTo(DeviceState.DEVICE_STATE_TAMPER);
        assertThat(tracker.condition(DeviceCondition.FAULT, true, "GH again")).isFalse();
    }
}
