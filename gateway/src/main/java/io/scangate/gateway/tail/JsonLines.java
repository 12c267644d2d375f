package io.scangate.gateway.tail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.scangate.proto.v1.Envelope;
import java.io.PrintWriter;
import java.util.Base64;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;

/** Renders one MQTT message as one JSON line; thread-safe. */
final class JsonLines {

    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonFormat.Printer protoJson = JsonFormat.printer().omittingInsignificantWhitespace();
    private final PrintWriter out;

    JsonLines(PrintWriter out) {
        this.out = out;
    }

    void print(String topic, MqttMessage message) {
        String line = render(topic, message);
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    String render(String topic, MqttMessage message) {
        ObjectNode line = mapper.createObjectNode();
        line.put("topic", topic);
        line.put("qos", message.getQos());
        line.put("retained", message.isRetained());
        line.set("properties", properties(message.getProperties()));
        byte[] payload = message.getPayload();
        try {
            Envelope envelope = Envelope.parseFrom(payload);
            if (envelope.getEventId().isEmpty() && envelope.getBodyCase() == Envelope.BodyCase.BODY_NOT_SET) {
                throw new InvalidProtocolBufferException("no event_id and no body");
            }
            line.set("message", mapper.readTree(protoJson.print(envelope)));
        } catch (InvalidProtocolBufferException | JsonProcessingException | RuntimeException e) {
            line.put("error", "payload is not a scangate.v1.Envelope: " + e.getMessage());
            line.put("payloadBase64", Base64.getEncoder().encodeToString(payload));
        }
        return line.toString();
    }

    private ObjectNode properties(MqttProperties properties) {
        ObjectNode node = mapper.createObjectNode();
        if (properties == null) {
            return node;
        }
        if (properties.getContentType() != null) {
            node.put("contentType", properties.getContentType());
        }
        if (properties.getMessageExpiryInterval() != null) {
            node.put("messageExpiryInterval", properties.getMessageExpiryInterval());
        }
        ObjectNode user = node.putObject("userProperties");
        for (UserProperty property : properties.getUserProperties()) {
            user.put(property.getKey(), property.getValue());
        }
        return node;
    }
}
