package io.scangate.gateway.publish;

import java.util.function.BiConsumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Passes a lost connection of one connection attempt to the publisher; the publisher subscribes to nothing. */
final class ConnectionEvents implements MqttCallback {

    private static final Logger log = LoggerFactory.getLogger(ConnectionEvents.class);

    private final int connection;
    private final BiConsumer<Integer, String> onLost;

    ConnectionEvents(int connection, BiConsumer<Integer, String> onLost) {
        this.connection = connection;
        this.onLost = onLost;
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        String reason = response.getException() != null
                ? MqttPublisher.describe(response.getException())
                : "broker sent DISCONNECT reasonCode=0x" + Integer.toHexString(response.getReturnCode()) + " "
                        + response.getReasonString();
        onLost.accept(connection, reason);
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        log.warn("event=mqtt_error connection={} reason={}", connection, MqttPublisher.describe(exception));
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        log.warn("event=mqtt_unexpected_message topic={} reason=publisher has no subscriptions", topic);
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // Acknowledgements are handled per publish by the publisher's action listeners.
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        // Connection success is handled by the connect action listener.
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        log.warn("event=mqtt_unexpected_auth reasonCode={}", reasonCode);
    }
}
