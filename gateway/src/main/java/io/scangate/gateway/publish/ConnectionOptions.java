package io.scangate.gateway.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/** Turns {@link MqttSettings} into Paho connection options. */
final class ConnectionOptions {

    private ConnectionOptions() {
    }

    static MqttConnectionOptions build(MqttSettings settings, TopicScheme topics, MessageFactory messages)
            throws IOException {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setServerURIs(new String[] {settings.serverUri()});
        // Persistent session: the broker keeps our session across reconnects and its own restarts.
        options.setCleanStart(false);
        options.setSessionExpiryInterval(settings.sessionExpiry().toSeconds());
        options.setKeepAliveInterval(Math.toIntExact(Math.max(1, settings.keepAlive().toSeconds())));
        options.setConnectionTimeout(Math.toIntExact(Math.max(1, settings.connectTimeout().toSeconds())));
        // Paho's own reconnect has no jitter; MqttPublisher reconnects itself.
        options.setAutomaticReconnect(false);
        if (settings.username() != null) {
            options.setUserName(settings.username());
        }
        if (settings.password() != null) {
            options.setPassword(settings.password().getBytes(StandardCharsets.UTF_8));
        }
        if (settings.tls()) {
            options.setSocketFactory(TlsSocketFactories.fromPem(settings.caFile(), settings.certFile(),
                    settings.keyFile()));
        }
        MqttMessage will = messages.offline("connection lost", Instant.now());
        options.setWill(topics.gatewayStatusTopic(), will);
        options.setWillMessageProperties(will.getProperties());
        return options;
    }
}
