package io.scangate.gateway.tail;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Spec
    private CommandSpec spec;

    @Mixin
    private BrokerOptions connection;

    @Option(names = "--topic", defaultValue = "scangate/v1/#", description = "Topic filter (default: ${DEFAULT-VALUE}).")
    private String topic;

    @Option(names = "--count", defaultValue = "0", description = "Exit after N messages; 0 runs until stopped.")
    private long count;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (connection.problem() != null) {
            err.println("tail: " + connection.problem());
            err.flush();
            return 2;
        }
        CountDownLatch remaining = new CountDownLatch(count > 0 ? (int) Math.min(count, Integer.MAX_VALUE) : 1);
        Printer printer = new Printer(new JsonLines(out), remaining, err);
        MqttAsyncClient client;
        try {
            client = connection.connect("scangate-tail-", printer);
            printer.subscribe();
        } catch (MqttException e) {
            err.println("tail: cannot subscribe to " + topic + " at " + connection.broker + ": " + e.getReasonCode() + " "
                    + e.getMessage());
            err.flush();
            return 1;
        }
        try {
            remaining.await();
        } finally {
            BrokerOptions.closeQuietly(client);
            out.flush();
        }
        return 0;
    }

    /** Prints each arriving message and counts down. */
    private final class Printer extends SubscriberCallback {
        private final JsonLines lines;
        private final CountDownLatch remaining;

        Printer(JsonLines lines, CountDownLatch remaining, PrintWriter err) {
            super("tail", err, connection.cleanSession(), new MqttSubscription(topic, 1));
            this.lines = lines;
            this.remaining = remaining;
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
    }
}
