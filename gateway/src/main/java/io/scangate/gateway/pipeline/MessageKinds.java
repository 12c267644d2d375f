package io.scangate.gateway.pipeline;

import io.scangate.proto.v1.Envelope;

/** The short name of a message's body, used in metric tags and logs. */
public final class MessageKinds {

    private MessageKinds() {
    }

    public static String of(Envelope.BodyCase body) {
        return switch (body) {
            case RADIATION_SCAN -> "radiation";
            case RADIATION_MEASUREMENT -> "measurement";
            case DEVICE_SETUP -> "setup";
            case DEVICE_STATUS -> "status";
            case RAW_RECORD -> "raw";
            case XRAY_SCAN -> "scan";
            case CONVEYANCE_ID -> "conveyance";
            case BODY_NOT_SET -> "empty";
        };
    }
}
