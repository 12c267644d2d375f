package io.scangate.gateway.publish;

import io.scangate.gateway.retry.Backoff;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publisher's connection to the broker: one fresh Paho client per attempt, reconnect with exponential
 * backoff and full jitter (reset only after the connection stayed up for the stable period), retained
 * birth message and last will. Every method runs on the publisher's loop thread.
 */
final class BrokerConnection {

    private static final Logger log = LoggerFactory.getLogger(BrokerConnection.class);

    /** What the publisher learns about the connection, on the loop thread. */
    interface Listener {
        /** Connection {@code connection} is up; publish at most {@code window} at a time. */
        void connectionUp(int connection, int window, long maxPacketSize);

        /** The connection is gone; nothing in flight will be acknowledged any more. */
        void connectionDown();
    }

    private final MqttSettings settings;
    private final TopicScheme topics;
    private final MessageFactory messages;
    private final MqttPublisher.ClientFactory clientFactory;
    private final Backoff backoff;
    private final PublishMetrics metrics;
    private final ScheduledExecutorService loop;
    private final Consumer<Runnable> onLoop;
    private final Listener listener;

    private MqttAsyncClient client;
    private int connection;
    private boolean up;
    private boolean reconnectScheduled;
    private boolean closed;

    BrokerConnection(MqttSettings settings, TopicScheme topics, MessageFactory messages,
            MqttPublisher.ClientFactory clientFactory, Backoff backoff, PublishMetrics metrics,
            ScheduledExecutorService loop, Consumer<Runnable> onLoop, Listener listener) {
        this.settings = settings;
        this.topics = topics;
        this.messages = messages;
        this.clientFactory = clientFactory;
        this.backoff = backoff;
        this.metrics = metrics;
        this.loop = loop;
        this.onLoop = onLoop;
        this.listener = listener;
    }

    /** The client of the live connection; only valid while {@link #up()}. */
    MqttAsyncClient client() {
        return client;
    }

    /** Increases with every connection attempt: callbacks of an older one are stale. */
    int id() {
        return connection;
    }

    boolean up() {
        return up;
    }

    void connect() {
        reconnectScheduled = false;
        if (closed) {
            return;
        }
        int attempt = ++connection;
        try {
            client = clientFactory.create(settings.serverUri(), settings.clientId());
            client.setCallback(new ConnectionEvents(attempt, (lost, reason) -> onLoop.accept(() -> lost(lost, reason))));
            client.connect(ConnectionOptions.build(settings, topics, messages), null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    boolean sessionPresent = token.getSessionPresent();
                    MqttProperties connack = token.getResponseProperties();
                    onLoop.accept(() -> connected(attempt, sessionPresent, connack));
                }

                @Override
                public void onFailure(IMqttToken token, Throwable cause) {
                    onLoop.accept(() -> connectFailed(attempt, cause));
                }
            });
        } catch (MqttException | IOException | RuntimeException e) {
            connectFailed(attempt, e);
        }
    }

    private void connected(int attempt, boolean sessionPresent, MqttProperties connack) {
        if (attempt != connection || closed) {
            return;
        }
        Integer receiveMaximum = connack == null ? null : connack.getReceiveMaximum();
        int window = Math.min(settings.maxInFlight(),
                receiveMaximum == null || receiveMaximum <= 0 ? MqttSettings.MQTT_MAX_IN_FLIGHT : receiveMaximum);
        Long brokerMaxPacket = connack == null ? null : connack.getMaximumPacketSize();
        long maxPacketSize = brokerMaxPacket == null || brokerMaxPacket <= 0 ? Long.MAX_VALUE : brokerMaxPacket;
        up = true;
        metrics.connected.set(1);
        metrics.window.set(window);
        log.info("event=mqtt_connected broker={} clientId={} sessionPresent={} receiveMaximum={} window={}",
                settings.serverUri(), settings.clientId(), sessionPresent, receiveMaximum, window);
        publishBirth();
        loop.schedule(() -> onLoop.accept(() -> {
            if (attempt == connection && up) {
                backoff.reset();
            }
        }), settings.stablePeriod().toMillis(), TimeUnit.MILLISECONDS);
        listener.connectionUp(attempt, window, maxPacketSize);
    }

    private void connectFailed(int attempt, Throwable cause) {
        if (attempt != connection || reconnectScheduled) {
            return;
        }
        log.warn("event=mqtt_connect_failed broker={} clientId={} reason={}", settings.serverUri(),
                settings.clientId(), MqttPublisher.describe(cause));
        discardClient();
        scheduleReconnect();
    }

    private void lost(int attempt, String reason) {
        if (attempt != connection || reconnectScheduled || closed) {
            return;
        }
        log.warn("event=mqtt_connection_lost broker={} reason={}", settings.serverUri(), reason);
        markDown();
        discardClient();
        scheduleReconnect();
    }

    private void scheduleReconnect() {
        if (closed) {
            return;
        }
        Duration delay = backoff.next();
        reconnectScheduled = true;
        metrics.reconnects.increment();
        log.info("event=mqtt_reconnect_scheduled broker={} delayMs={} attempt={}", settings.serverUri(),
                delay.toMillis(), backoff.attempts());
        loop.schedule(() -> onLoop.accept(this::connect), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void markDown() {
        up = false;
        metrics.connected.set(0);
        listener.connectionDown();
    }

    /** Publishes the retained offline status (a clean disconnect suppresses the will) and disconnects. */
    void close() {
        closed = true;
        boolean wasUp = up;
        markDown();
        connection++;
        if (client != null && wasUp) {
            long timeoutMillis = settings.closeTimeout().toMillis();
            try {
                client.publish(topics.gatewayStatusTopic(), messages.offline("gateway stopped", Instant.now()))
                        .waitForCompletion(timeoutMillis);
                client.disconnect(timeoutMillis).waitForCompletion(timeoutMillis);
            } catch (MqttException e) {
                log.warn("event=mqtt_disconnect_failed broker={} reason={}", settings.serverUri(),
                        MqttPublisher.describe(e));
            }
        }
        discardClient();
        log.info("event=mqtt_publisher_stopped broker={} clientId={}", settings.serverUri(), settings.clientId());
    }

    private void discardClient() {
        if (client == null) {
            return;
        }
        MqttAsyncClient old = client;
        client = null;
        try {
            if (old.isConnected()) {
                old.disconnectForcibly(0, 1_000, false);
            }
        } catch (MqttException e) {
            log.debug("event=mqtt_discard reason={}", MqttPublisher.describe(e));
        }
        try {
            old.close(true);
        } catch (MqttException e) {
            log.debug("event=mqtt_close reason={}", MqttPublisher.describe(e));
        }
    }

    private void publishBirth() {
        String topic = topics.gatewayStatusTopic();
        try {
            client.publish(topic, messages.online(Instant.now()), null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    log.debug("event=mqtt_birth_acked topic={}", topic);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable cause) {
                    log.warn("event=mqtt_birth_failed topic={} reason={}", topic, MqttPublisher.describe(cause));
                }
            });
        } catch (MqttException e) {
            log.warn("event=mqtt_birth_failed topic={} reason={}", topic, MqttPublisher.describe(e));
        }
    }
}
