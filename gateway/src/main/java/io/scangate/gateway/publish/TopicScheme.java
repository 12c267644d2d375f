package io.scangate.gateway.publish;

import io.scangate.proto.v1.DeviceRef;
import io.scangate.proto.v1.Envelope;

/**
 * The topic names back-ends subscribe to (documented in {@code docs/asyncapi.yaml}):
 * {@code scangate/v1/{site}/{lane}/{device}/{kind}} for device messages and
 * {@code scangate/v1/{site}/gateway/{gatewayId}/status} for the gateway's own retained status.
 */
public final class TopicScheme {

    public static final String ROOT = "scangate/v1";
    /** Stands in for a level the envelope leaves empty (no lane, no device id). */
    public static final String UNKNOWN_LEVEL = "-";
    /** The lane level of the gateway's own status topic; a device lane of that name is renamed. */
    static final String GATEWAY_LEVEL = "gateway";

    private final String defaultSite;
    private final String gatewayId;

    public TopicScheme(String defaultSite, String gatewayId) {
        this.defaultSite = sanitise(defaultSite);
        this.gatewayId = sanitise(gatewayId);
    }

    /** The topic of a device envelope; the envelope must have a body. */
    public String topicFor(Envelope envelope) {
        return devicePrefix(envelope.getDevice()) + kind(envelope.getBodyCase());
    }

    /** {@code scangate/v1/{site}/{lane}/{device}/}: every topic of one device starts so. */
    public String devicePrefix(DeviceRef device) {
        String site = device.getSite().isEmpty() ? defaultSite : sanitise(device.getSite());
        String lane = sanitise(device.getLane());
        if (lane.equals(GATEWAY_LEVEL)) {
            lane = "_" + GATEWAY_LEVEL;
        }
        return ROOT + '/' + site + '/' + lane + '/' + sanitise(device.getDeviceId()) + '/';
    }

    /** Where this gateway's birth message and last will go (retained). */
    public String gatewayStatusTopic() {
        return ROOT + '/' + defaultSite + "/gateway/" + gatewayId + "/status";
    }

    /** The last topic level for a body. */
    public static String kind(Envelope.BodyCase body) {
        return switch (body) {
            case RADIATION_SCAN -> "radiation";
            case RADIATION_MEASUREMENT -> "measurement";
            case DEVICE_SETUP -> "setup";
            case DEVICE_STATUS -> "status";
            case RAW_RECORD -> "raw";
            case XRAY_SCAN -> "scan";
            case CONVEYANCE_ID -> "conveyance";
            case INSPECTION -> "inspection";
            case IMAGE_MANIFEST -> "image";
            case IMAGE_CHUNK -> "image-chunk";
            case BODY_NOT_SET -> throw new IllegalArgumentException("envelope has no body");
        };
    }

    /** The full protobuf name of the body's message, e.g. {@code scangate.v1.RadiationScan}. */
    public static String typeName(Envelope envelope) {
        return typeName(envelope.getBodyCase());
    }

    static String typeName(Envelope.BodyCase body) {
        if (body == Envelope.BodyCase.BODY_NOT_SET) {
            throw new IllegalArgumentException("envelope has no body");
        }
        return Envelope.getDescriptor().findFieldByNumber(body.getNumber()).getMessageType().getFullName();
    }

    /**
     * Makes a value safe as one topic level: wildcards, separators and NUL become {@code _}, an empty value
     * becomes {@value #UNKNOWN_LEVEL}.
     */
    public static String sanitise(String level) {
        if (level == null || level.isEmpty()) {
            return UNKNOWN_LEVEL;
        }
        StringBuilder safe = new StringBuilder(level.length());
        for (int i = 0; i < level.length(); i++) {
            char c = level.charAt(i);
            safe.append(c == '/' || c == '+' || c == '#' || c == '\u0000' || Character.isISOControl(c) ? '_' : c);
        }
        return safe.toString();
    }
}
