package io.scangate.gateway.pipeline;

import io.scangate.gateway.journal.Lane;
import io.scangate.proto.v1.DeviceState;
import io.scangate.proto.v1.Envelope;
import io.scangate.proto.v1.Inspection;
import io.scangate.proto.v1.Verdict;

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
            case INSPECTION -> alarming(envelope.getInspection()) ? Lane.ALARM : Lane.RESULT;
            case DEVICE_STATUS -> alarming(envelope.getDeviceStatus().getState()) ? Lane.ALARM : Lane.RESULT;
            case RADIATION_MEASUREMENT, DEVICE_SETUP, RAW_RECORD, BODY_NOT_SET -> Lane.TELEMETRY;
        };
    }

    /** A radiation alarm or an X-ray alarm decision (machine or operator) in the joined record. */
    private static boolean alarming(Inspection inspection) {
        return inspection.getRadiation().getAlarm() || inspection.getXrayList().stream()
                .flatMap(x -> x.getDecisionsList().stream()).anyMatch(d -> d.getVerdict() == Verdict.VERDICT_ALARM);
    }

    private static boolean alarming(DeviceState state) {
        return state == DeviceState.DEVICE_STATE_TAMPER || state == DeviceState.DEVICE_STATE_FAULT;
    }
}
