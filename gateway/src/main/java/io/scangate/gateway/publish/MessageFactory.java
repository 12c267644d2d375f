package io.scangate.gateway.publish;

import com.google.protobuf.Timestamp;
import io.scangate.proto.v1.DeviceRef;
import io.scangate.proto.v1.DeviceState;
import io.scangate.proto.v1.DeviceStatus;
import io.scangate.proto.v1.Envelope;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;

/** Builds the MQTT 5 messages the gateway sends: device envelopes and its own birth / last-will status. */
public final class MessageFactory {

    public static final String CONTENT_TYPE = "application/x-protobuf";
    public static final String SCHEMA_VERSION = "1";
    public static final String PROPERTY_TYPE = "scangate-type";
    public static final String PROPERTY_SCHEMA = "scangate-schema";
    public static final String PROPERTY_EVENT_ID = "scangate-event-id";
    public static final String PROPERTY_SEQUENCE = "scangate-sequence";
    public static final String GATEWAY_FAMILY = "GATEWAY";
    public static final int QOS = 1;

    private static final Map<Envelope.BodyCase, String> TYPE_NAMES = typeNames();

    private final MqttSettings settings;

    public MessageFactory(MqttSettings settings) {
        this.settings = settings;
    }

    /** A device envelope, sent with the exact journalled bytes so that retries are byte-identical. */
    MqttMessage forEnvelope(EnvelopeHeader header, byte[] journalledPayload) {
        return new MqttMessage(journalledPayload, QOS, false,
                properties(header.body(), header.eventId(), header.bootEpoch(), header.sequence()));
    }

    /**
     * The size of the QoS 1 PUBLISH packet {@link #forEnvelope} makes (MQTT 5 §3.3: fixed header, topic,
     * packet id, properties, payload), which is what a broker's Maximum Packet Size limits: a packet over it
     * makes the broker disconnect the client, and a retry would meet the same fate.
     */
    static long publishPacketBytes(EnvelopeHeader header, String topic, int payloadBytes) {
        long properties = 1 + utf8Bytes(CONTENT_TYPE)
                + 2
                + userPropertyBytes(PROPERTY_TYPE, TYPE_NAMES.get(header.body()))
                + userPropertyBytes(PROPERTY_SCHEMA, SCHEMA_VERSION)
                + userPropertyBytes(PROPERTY_EVENT_ID, header.eventId())
                + userPropertyBytes(PROPERTY_SEQUENCE, header.bootEpoch() + "." + header.sequence());
        long remaining = utf8Bytes(topic) + 2 + variableByteIntegerBytes(properties) + properties + payloadBytes;
        return 1 + variableByteIntegerBytes(remaining) + remaining;
    }

    private static long userPropertyBytes(String key, String value) {
        return 1 + utf8Bytes(key) + utf8Bytes(value);
    }

    private static long utf8Bytes(String text) {
        return 2 + (long) text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static int variableByteIntegerBytes(long value) {
        return value < 128 ? 1 : value < 16_384 ? 2 : value < 2_097_152 ? 3 : 4;
    }

    /** The retained birth message: this gateway is online. */
    public MqttMessage online(Instant since) {
        return status(DeviceState.DEVICE_STATE_UP, "connected", since);
    }

    /** The retained last will (and the explicit shutdown message): this gateway is offline. */
    public MqttMessage offline(String reason, Instant since) {
        return status(DeviceState.DEVICE_STATE_DOWN, reason, since);
    }

    private MqttMessage status(DeviceState state, String reason, Instant since) {
        Timestamp sinceTime = Timestamp.newBuilder()
                .setSeconds(since.getEpochSecond())
                .setNanos(since.getNano())
                .build();
        Envelope envelope = Envelope.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setGatewayId(settings.gatewayId())
                .setReceiveTime(sinceTime)
                .setDevice(DeviceRef.newBuilder()
                        .setDeviceId(settings.gatewayId())
                        .setFamily(GATEWAY_FAMILY)
                        .setSite(settings.site()))
                .setDeviceStatus(DeviceStatus.newBuilder()
                        .setState(state)
                        .setReason(reason)
                        .setSince(sinceTime))
                .build();
        return new MqttMessage(envelope.toByteArray(), QOS, true, properties(envelope));
    }

    /** The MQTT 5 properties every scangate message carries. */
    public static MqttProperties properties(Envelope envelope) {
        return properties(envelope.getBodyCase(), envelope.getEventId(), envelope.getBootEpoch(), envelope.getSequence());
    }

    private static MqttProperties properties(Envelope.BodyCase body, String eventId, long bootEpoch, long sequence) {
        MqttProperties properties = new MqttProperties();
        properties.setContentType(CONTENT_TYPE);
        properties.setPayloadFormat(false);
        properties.setUserProperties(List.of(
                new UserProperty(PROPERTY_TYPE, TYPE_NAMES.get(body)),
                new UserProperty(PROPERTY_SCHEMA, SCHEMA_VERSION),
                new UserProperty(PROPERTY_EVENT_ID, eventId),
                new UserProperty(PROPERTY_SEQUENCE, bootEpoch + "." + sequence)));
        return properties;
    }

    private static Map<Envelope.BodyCase, String> typeNames() {
        Map<Envelope.BodyCase, String> names = new EnumMap<>(Envelope.BodyCase.class);
        for (Envelope.BodyCase body : Envelope.BodyCase.values()) {
            if (body != Envelope.BodyCase.BODY_NOT_SET) {
                names.put(body, TopicScheme.typeName(body));
            }
        }
        return names;
    }
}
