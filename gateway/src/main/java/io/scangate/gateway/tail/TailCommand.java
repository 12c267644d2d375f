package io.scangate.gateway.tail;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scangate tail}: subscribes to the gateway's topics and prints every message as one JSON line, the
 * envelope rendered in the canonical proto3 JSON mapping. A payload that is no envelope prints an error
 * line with the payload in base64; it never stops the command.
 */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = "Print scangate MQTT messages as JSON lines (one message per line).")
public final class TailCommand implements Callable<Integer> {

    private static final long TIMEOUT_MILLIS = 10_000;

    @Spec
    private CommandSpec spec;

    @Option(names = "--broker", defaultValue = "tcp://127.0.0.1:1883", description = "Broker URI (default: ${DEFAULT-VALUE}).")
    private String broker;

    @Option(names = "--topic", defaultValue = "scangate/v1/#", description = "Topic filter (default: ${DEFAULT-VALUE}).")
    private String topic;

    @Option(names = "--count", defaultValue = "0", description = "Exit after N messages; 0 runs until stopped.")
    private long count;

    @Option(names = "--client-id", description = "MQTT client id (default: a random scangate-tail-… id).")
    private String clientId;

    @Option(names = "--session-expiry", defaultValue = "0", converter = DurationConverter.class,
            description = "Keep a persistent session this long (seconds or ISO-8601 like PT1H) so that messages "
                    + "published while tail is not running are delivered on the next run; needs --client-id. "
                    + "0: a clean session.")
    private Duration sessionExpiry;

    @Option(names = "--username", description = "MQTT user name.")
    private String username;

    @Option(names = "--password", description = "MQTT password.", arity = "0..1", interactive = true)
    private char[] password;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!sessionExpiry.isZero() && clientId == null) {
            err.println("tail: --session-expiry needs --client-id (the session is found again by its client id)");
            err.flush();
            return 2;
        }
        String id = clientId != null ? clientId : "scangate-tail-" + UUID.randomUUID().toString().substring(0, 8);
        CountDownLatch remaining = new CountDownLatch(count > 0 ? (int) Math.min(count, Integer.MAX_VALUE) : 1);
        JsonLines lines = new JsonLines(out);
        MqttAsyncClient client;
        try {
            client = new MqttAsyncClient(broker, id, new MemoryPersistence());
            client.setCallback(new Printer(client, lines, remaining, err));
            client.connect(options()).waitForCompletion(TIMEOUT_MILLIS);
            client.subscribe(new MqttSubscription(topic, 1)).waitForCompletion(TIMEOUT_MILLIS);
        } catch (MqttException e) {
            err.println("tail: cannot subscribe to " + topic + " at " + broker + ": " + e.getReasonCode() + " "
                    + e.getMessage());
            err.flush();
            return 1;
        }
        try {
            remaining.await();
        } finally {
            closeQuietly(client);
            out.flush();
        }
        return 0;
    }

    private MqttConnectionOptions options() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(sessionExpiry.isZero());
        options.setSessionExpiryInterval(sessionExpiry.toSeconds());
        options.setAutomaticReconnect(true);
        if (username != null) {
            options.setUserName(username);
        }
        if (password != null) {
            options.setPassword(new String(password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return options;
    }

    private static void closeQuietly(MqttAsyncClient client) {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(TIMEOUT_MILLIS);
            }
            client.close(true);
        } catch (MqttException e) {
            // Leaving anyway; the broker drops the connection on its own.
        }
    }

    /** Prints each arriving message and counts down; re-subscribes after a reconnect of a clean session. */
    private final class Printer implements MqttCallback {
        private final MqttAsyncClient client;
        private final JsonLines lines;
        private final CountDownLatch remaining;
        private final PrintWriter err;

        Printer(MqttAsyncClient client, JsonLines lines, CountDownLatch remaining, PrintWriter err) {
            this.client = client;
            this.lines = lines;
            this.remaining = remaining;
            this.err = err;
        }

        @Override
        public void messageArrived(String arrivedTopic, MqttMessage message) {
            if (count > 0 && remaining.getCount() == 0) {
                return;
            }
            lines.print(arrivedTopic, message);
            if (count > 0) {
                remaining.countDown();
            }
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            if (reconnect && sessionExpiry.isZero()) {
                try {
                    client.subscribe(new MqttSubscription(topic, 1));
                } catch (MqttException e) {
                    report("tail: re-subscribe failed: " + e.getMessage());
                }
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            report("tail: connection lost (" + response + "), reconnecting");
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            report("tail: " + exception.getMessage());
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // tail publishes nothing.
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // No enhanced authentication.
        }

        private void report(String line) {
            synchronized (err) {
                err.println(line);
                err.flush();
            }
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
