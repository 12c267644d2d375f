package io.scangate.gateway.publish;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.scangate.proto.v1.DeviceRef;
import io.scangate.proto.v1.Envelope;
import java.util.HashMap;
import java.util.Map;

/**
 * Topics by encoded device reference: a gateway has a few dozen devices and sends thousands of messages a
 * second, so each device's reference is decoded and sanitised once, not once per message. Bounded: past
 * {@link #MAX_DEVICES} distinct references (a journal full of renamed devices) it starts over. Not
 * thread-safe; the publisher's loop owns it.
 */
final class DeviceTopics {

    static final int MAX_DEVICES = 4096;
    private static final Envelope.BodyCase[] BODIES = Envelope.BodyCase.values();

    private final TopicScheme scheme;
    private final Map<ByteString, String[]> byDevice = new HashMap<>();

    DeviceTopics(TopicScheme scheme) {
        this.scheme = scheme;
    }

    /** The topic of a message with this device and body; the body must be set. */
    String topic(ByteString device, Envelope.BodyCase body) throws InvalidProtocolBufferException {
        String[] topics = byDevice.get(device);
        if (topics == null) {
            if (byDevice.size() >= MAX_DEVICES) {
                byDevice.clear();
            }
            String prefix = scheme.devicePrefix(DeviceRef.parseFrom(device));
            topics = new String[BODIES.length];
            for (Envelope.BodyCase each : BODIES) {
                if (each != Envelope.BodyCase.BODY_NOT_SET) {
                    topics[each.ordinal()] = prefix + TopicScheme.kind(each);
                }
            }
            byDevice.put(device, topics);
        }
        return topics[body.ordinal()];
    }

    /** The device id, for log lines on the rare paths; "unknown" when the reference cannot be read. */
    static String deviceId(ByteString device) {
        try {
            String id = DeviceRef.parseFrom(device).getDeviceId();
            return id.isEmpty() ? "unknown" : id;
        } catch (InvalidProtocolBufferException e) {
            return "unknown";
        }
    }
}
