package io.scangate.gateway.tail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** The broker options every consumer command takes ({@code tail}, {@code tail-images}): a picocli mixin. */
public final class BrokerOptions {

    static final long TIMEOUT_MILLIS = 10_000;

    @Option(names = "--broker", defaultValue = "tcp://127.0.0.1:1883", description = "Broker URI (default: ${DEFAULT-VALUE}).")
    String broker;

    @Option(names = "--client-id", description = "MQTT client id (default: a random one).")
    private String clientId;

    @Option(names = "--session-expiry", defaultValue = "0", converter = DurationConverter.class,
            description = "Keep a persistent session this long (seconds or ISO-8601 like PT1H) so that messages "
                    + "published while the command is not running are delivered on the next run; needs --client-id. "
                    + "0: a clean session.")
    Duration sessionExpiry;

    @Option(names = "--username", description = "MQTT user name.")
    private String username;

    @Option(names = "--password", description = "MQTT password.", arity = "0..1", interactive = true)
    private char[] password;

    /** Null when the options fit together, else what is wrong and how to fix it. */
    String problem() {
        return !sessionExpiry.isZero() && clientId == null
                ? "--session-expiry needs --client-id (the session is found again by its client id)" : null;
    }

    boolean cleanSession() {
        return sessionExpiry.isZero();
    }

    /** A connected client with no state of its own; the broker keeps the session when asked to. */
    MqttAsyncClient connect(String defaultIdPrefix, SubscriberCallback callback) throws MqttException {
        String id = clientId != null ? clientId : defaultIdPrefix + UUID.randomUUID().toString().substring(0, 8);
        MqttAsyncClient client = new MqttAsyncClient(broker, id, new MemoryPersistence());
        callback.attach(client);
        client.setCallback(callback);
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(cleanSession());
        options.setSessionExpiryInterval(sessionExpiry.toSeconds());
        options.setAutomaticReconnect(true);
        if (username != null) {
            options.setUserName(username);
        }
        if (password != null) {
            options.setPassword(new String(password).getBytes(StandardCharsets.UTF_8));
        }
        client.connect(options).waitForCompletion(TIMEOUT_MILLIS);
        return client;
    }

    static void closeQuietly(MqttAsyncClient client) {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(TIMEOUT_MILLIS);
            }
            client.close(true);
        } catch (MqttException e) {
            // Leaving anyway; the broker drops the connection on its own.
        }
    }

    /** Accepts whole seconds ({@code 3600}) or ISO-8601 ({@code PT1H}). */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return value.chars().allMatch(Character::isDigit) ? Duration.ofSeconds(Long.parseLong(value))
                    : Duration.parse(value);
        }
    }
}
