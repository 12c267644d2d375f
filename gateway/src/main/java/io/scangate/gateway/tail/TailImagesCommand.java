package io.scangate.gateway.tail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import io.scangate.proto.v1.Envelope;
import io.scangate.proto.v1.ImageManifest;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scangate tail-images}: the reference consumer of X-ray images. Subscribes to the image manifests
 * and chunks, reassembles each image into the output directory (verifying every chunk hash and the whole
 * file), renders a PNG preview, and prints one JSON line per event: {@code image_complete},
 * {@code image_failed}, {@code chunk_rejected}, and at exit {@code image_incomplete} for what is missing.
 */
@Command(name = "tail-images", mixinStandardHelpOptions = true,
        description = "Receive X-ray images: reassemble and verify them into a directory, with PNG previews.")
public final class TailImagesCommand implements Callable<Integer> {

    private static final long TIMEOUT_MILLIS = 10_000;

    @Spec
    private CommandSpec spec;

    @Option(names = "--broker", defaultValue = "tcp://127.0.0.1:1883", description = "Broker URI (default: ${DEFAULT-VALUE}).")
    private String broker;

    @Option(names = "--topic-prefix", defaultValue = "scangate/v1/+/+/+",
            description = "Topics up to the kind level; /image and /image-chunk are appended (default: ${DEFAULT-VALUE}).")
    private String topicPrefix;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where images and previews are written.")
    private Path out;

    @Option(names = "--count", defaultValue = "0", description = "Exit after N images completed or failed; 0 runs until stopped.")
    private int count;

    @Option(names = "--timeout", defaultValue = "0", converter = TailCommand.DurationConverter.class,
            description = "Give up after this long (seconds or ISO-8601), reporting incomplete images; 0: no limit.")
    private Duration timeout;

    @Option(names = "--client-id", description = "MQTT client id (default: a random scangate-images-… id).")
    private String clientId;

    @Option(names = "--session-expiry", defaultValue = "0", converter = TailCommand.DurationConverter.class,
            description = "Keep a persistent session this long, so that chunks sent while this command is not running"
                    + " arrive on the next run; needs --client-id. 0: a clean session.")
    private Duration sessionExpiry;

    @Option(names = "--username", description = "MQTT user name.")
    private String username;

    @Option(names = "--password", description = "MQTT password.", arity = "0..1", interactive = true)
    private char[] password;

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!sessionExpiry.isZero() && clientId == null) {
            err.println("tail-images: --session-expiry needs --client-id (the session is found again by its client id)");
            err.flush();
            return 2;
        }
        CountDownLatch done = new CountDownLatch(count > 0 ? count : 1);
        AtomicInteger failures = new AtomicInteger();
        ImageAssembler assembler = new ImageAssembler(out, new Reporter(stdout, done, failures));
        String id = clientId != null ? clientId : "scangate-images-" + UUID.randomUUID().toString().substring(0, 8);
        MqttSubscription[] subscriptions = {new MqttSubscription(topicPrefix + "/image", 1),
                new MqttSubscription(topicPrefix + "/image-chunk", 1)};
        MqttAsyncClient client;
        try {
            client = new MqttAsyncClient(broker, id, new MemoryPersistence());
            client.setCallback(new Receiver(client, assembler, subscriptions, err));
            client.connect(options()).waitForCompletion(TIMEOUT_MILLIS);
            client.subscribe(subscriptions).waitForCompletion(TIMEOUT_MILLIS);
        } catch (MqttException e) {
            err.println("tail-images: cannot subscribe at " + broker + ": " + e.getReasonCode() + " " + e.getMessage());
            err.flush();
            return 1;
        }
        boolean allArrived;
        try {
            allArrived = timeout.isZero() ? awaitForever(done) : done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            closeQuietly(client);
            assembler.close();
        }
        for (ImageAssembler.Incomplete open : assembler.incomplete()) {
            ObjectNode line = json.createObjectNode().put("event", "image_incomplete").put("sha256", open.sha256())
                    .put("manifestReceived", open.manifestReceived()).put("chunksReceived", open.chunksReceived());
            if (open.chunkCount() >= 0) {
                line.put("chunkCount", open.chunkCount());
            }
            print(stdout, line);
        }
        return allArrived && failures.get() == 0 && assembler.incomplete().isEmpty() ? 0 : 1;
    }

    private static boolean awaitForever(CountDownLatch done) throws InterruptedException {
        done.await();
        return true;
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
            options.setPassword(new String(password).getBytes(StandardCharsets.UTF_8));
        }
        return options;
    }

    private void print(PrintWriter stdout, ObjectNode line) {
        synchronized (stdout) {
            stdout.println(line.toString());
            stdout.flush();
        }
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

    /** Prints the assembler's events as JSON lines and counts finished images down. */
    private final class Reporter implements ImageAssembler.Listener {
        private final PrintWriter stdout;
        private final CountDownLatch done;
        private final AtomicInteger failures;

        Reporter(PrintWriter stdout, CountDownLatch done, AtomicInteger failures) {
            this.stdout = stdout;
            this.done = done;
            this.failures = failures;
        }

        @Override
        public void complete(ImageManifest m, Path file, Path preview, String previewProblem) {
            ObjectNode line = json.createObjectNode().put("event", "image_complete").put("sha256", m.getImageSha256())
                    .put("bytes", m.getSizeBytes()).put("file", file.toString()).put("scanId", m.getScanId())
                    .put("scanEventId", m.getScanEventId()).put("rows", m.getRows()).put("columns", m.getColumns());
            if (m.getHasPixelData()) {
                line.put("pixelDataOffset", m.getPixelDataOffset()).put("pixelDataLength", m.getPixelDataLength());
            }
            if (preview != null) {
                line.put("preview", preview.toString());
            } else {
                line.put("previewProblem", previewProblem);
            }
            print(stdout, line);
            finished();
        }

        @Override
        public void failed(String sha256, String reason) {
            failures.incrementAndGet();
            print(stdout, json.createObjectNode().put("event", "image_failed").put("sha256", sha256).put("reason", reason));
            finished();
        }

        @Override
        public void chunkRejected(String sha256, long index, String reason) {
            print(stdout, json.createObjectNode().put("event", "chunk_rejected").put("sha256", sha256).put("index", index)
                    .put("reason", reason));
        }

        private void finished() {
            if (count > 0) {
                done.countDown();
            }
        }
    }

    /** Hands each message to the assembler; re-subscribes after a reconnect of a clean session. */
    private final class Receiver implements MqttCallback {
        private final MqttAsyncClient client;
        private final ImageAssembler assembler;
        private final MqttSubscription[] subscriptions;
        private final PrintWriter err;

        Receiver(MqttAsyncClient client, ImageAssembler assembler, MqttSubscription[] subscriptions, PrintWriter err) {
            this.client = client;
            this.assembler = assembler;
            this.subscriptions = subscriptions;
            this.err = err;
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            try {
                assembler.accept(Envelope.parseFrom(message.getPayload()));
            } catch (InvalidProtocolBufferException e) {
                report("tail-images: " + topic + ": payload is not a scangate.v1.Envelope: " + e.getMessage());
            }
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            if (reconnect && sessionExpiry.isZero()) {
                try {
                    client.subscribe(subscriptions);
                } catch (MqttException e) {
                    report("tail-images: re-subscribe failed: " + e.getMessage());
                }
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            report("tail-images: connection lost (" + response + "), reconnecting");
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            report("tail-images: " + exception.getMessage());
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // Nothing is published.
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
}
