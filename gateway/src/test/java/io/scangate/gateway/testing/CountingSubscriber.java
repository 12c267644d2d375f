package io.scangate.gateway.testing;

import com.google.protobuf.InvalidProtocolBufferException;
import io.scangate.proto.v1.Envelope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;

/**
 * A back-end stand-in: a Paho MQTT 5 subscriber with a persistent session (clean start false, session
 * expiry 1 h, automatic reconnect) that counts every envelope it receives by event id. Accessors return
 * snapshots, suited to Awaitility:
 *
 * <pre>
 * await().until(() -> subscriber.eventIds().containsAll(expected));
 * </pre>
 */
public final class CountingSubscriber implements AutoCloseable {

    /** One delivery as the back-end saw it; {@code arrived} is wall-clock, comparable with envelope times. */
    public record Received(String topic, boolean retained, int qos, MqttProperties properties, Envelope envelope,
                           Instant arrived) {

        /** From the gateway receiving the device's last byte to this delivery. */
        public Duration latency() {
            return Duration.between(Instant.ofEpochSecond(envelope.getReceiveTime().getSeconds(),
                    envelope.getReceiveTime().getNanos()), arrived);
        }

        /** The user property value, or null. */
        public String userProperty(String key) {
            return properties.getUserProperties().stream()
                    .filter(p -> p.getKey().equals(key))
                    .map(UserProperty::getValue)
                    .findFirst()
                    .orElse(null);
        }

        /** The last topic level, e.g. {@code radiation}. */
        public String kind() {
            return topic.substring(topic.lastIndexOf('/') + 1);
        }
    }

    private final MqttAsyncClient client;
    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> undecodable = new CopyOnWriteArrayList<>();

    private CountingSubscriber(MqttAsyncClient client) {
        this.client = client;
    }

    /** Connects with a persistent session and subscribes to {@code filter} at QoS 1; waits for SUBACK. */
    public static CountingSubscriber connect(String serverUri, String clientId, String filter) {
        try {
            MqttAsyncClient client = new MqttAsyncClient(serverUri, clientId, new MemoryPersistence());
            CountingSubscriber subscriber = new CountingSubscriber(client);
            client.setCallback(subscriber.new Collector());
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(false);
            options.setSessionExpiryInterval(3_600L);
            options.setAutomaticReconnect(true);
            options.setAutomaticReconnectDelay(1, 2);
            options.setReceiveMaximum(1_000);
            client.connect(options).waitForCompletion(10_000);
            client.subscribe(new MqttSubscription(filter, 1)).waitForCompletion(10_000);
            return subscriber;
        } catch (MqttException e) {
            throw new IllegalStateException("subscriber " + clientId + " cannot connect to " + serverUri + ": " + e, e);
        }
    }

    /** Distinct event ids received. */
    public Set<String> eventIds() {
        return Set.copyOf(deliveries.keySet());
    }

    /** Distinct event ids received. */
    public int count() {
        return deliveries.size();
    }

    /** Every delivery, duplicates included. */
    public int total() {
        return received.size();
    }

    /** Deliveries of an event id already seen (QoS 1 allows them). */
    public int duplicates() {
        return total() - count();
    }

    /** Every delivery in arrival order. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Every decoded envelope in arrival order, duplicates included. */
    public List<Envelope> envelopes() {
        return received.stream().map(Received::envelope).collect(Collectors.toList());
    }

    /** Deliveries whose topic ends in {@code kind}, e.g. {@code "radiation"} or {@code "status"}. */
    public List<Received> byKind(String kind) {
        return received.stream().filter(r -> r.kind().equals(kind)).collect(Collectors.toList());
    }

    /** Deliveries on exactly this topic. */
    public List<Received> onTopic(String topic) {
        return received.stream().filter(r -> r.topic().equals(topic)).collect(Collectors.toList());
    }

    /** Topics of payloads that were no Envelope. */
    public List<String> undecodable() {
        return List.copyOf(undecodable);
    }

    public boolean connected() {
        return client.isConnected();
    }

    /** Disconnects and keeps the session on the broker; the broker queues for it meanwhile. */
    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(5_000);
            }
            client.close(true);
        } catch (MqttException e) {
            throw new IllegalStateException("subscriber close failed: " + e, e);
        }
    }

    private final class Collector implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            Envelope envelope;
            try {
                envelope = Envelope.parseFrom(message.getPayload());
            } catch (InvalidProtocolBufferException e) {
                undecodable.add(topic);
                return;
            }
            received.add(new Received(topic, message.isRetained(), message.getQos(), message.getProperties(),
                    envelope, Instant.now()));
            deliveries.computeIfAbsent(envelope.getEventId(), id -> new AtomicInteger()).incrementAndGet();
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            // Paho's automatic reconnect brings the persistent session back.
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            // Surfaces as missing messages in the test's assertions.
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // The subscriber publishes nothing.
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            // Subscriptions live in the persistent session; nothing to renew.
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // No enhanced authentication in tests.
        }
    }
}
