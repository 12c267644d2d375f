package io.scangate.gateway.pipeline;

import io.scangate.gateway.journal.Lane;
import io.scangate.proto.v1.DeviceState;
import io.scangate.proto.v1.Envelope;

/** Which journal lane a message waits in: what a customs officer must see first goes first. */
public final class LanePolicy {

    private LanePolicy() {
    }

    public static Lane of(Envelope envelope) {
        return switch (envelope.getBodyCase()) {
            case RADIATION_SCAN -> envelope.getRadiationScan().getGammaAlarm()
                    || envelope.getRadiationScan().getNeutronAlarm() ? Lane.ALARM : Lane.RESULT;
            case XRAY_SCAN, CONVEYANCE_ID, IMAGE_MANIFEST -> Lane.RESULT;
            case IMAGE_CHUNK -> Lane.BULK;
            case DEVICE_STATUS -> alarming(envelope.getDeviceStatus().getState()) ? Lane.ALARM : Lane.RESULT;
            case RADIATION_MEASUREMENT, DEVICE_SETUP, RAW_RECORD, BODY_NOT_SET -> Lane.TELEMETRY;
        };
    }

    private static boolean alarming(DeviceState state) {
        return state == DeviceState.DEVICE_STATE_TAMPER || state == DeviceState.DEVICE_STATE_FAULT;
    }
}
