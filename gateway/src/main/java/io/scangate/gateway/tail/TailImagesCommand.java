package io.scangate.gateway.tail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import io.scangate.proto.v1.Envelope;
import io.scangate.proto.v1.ImageManifest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * {@code scangate tail-images}: the reference consumer of X-ray images. Subscribes to the image manifests
 * and chunks, reassembles each image into the output directory (verifying every chunk hash and the whole
 * file), renders a PNG preview, and prints one JSON line per event: {@code image_complete},
 * {@code image_failed}, {@code chunk_rejected}, and at exit {@code image_incomplete} for what is missing.
 */
@Command(name = "tail-images", mixinStandardHelpOptions = true,
        description = "Receive X-ray images: reassemble and verify them into a directory, with PNG previews.")
public final class TailImagesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private BrokerOptions connection;

    @Option(names = "--topic-prefix", defaultValue = "scangate/v1/+/+/+",
            description = "Topics up to the kind level; /image and /image-chunk are appended (default: ${DEFAULT-VALUE}).")
    private String topicPrefix;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where images and previews are written.")
    private Path out;

    @Option(names = "--count", defaultValue = "0", description = "Exit after N images completed or failed; 0 runs until stopped.")
    private int count;

    @Option(names = "--timeout", defaultValue = "0", converter = BrokerOptions.DurationConverter.class,
            description = "Give up after this long (seconds or ISO-8601), reporting incomplete images; 0: no limit.")
    private Duration timeout;

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (connection.problem() != null) {
            err.println("tail-images: " + connection.problem());
            err.flush();
            return 2;
        }
        CountDownLatch done = new CountDownLatch(count > 0 ? count : 1);
        AtomicInteger failures = new AtomicInteger();
        ImageAssembler assembler = new ImageAssembler(out, new Reporter(stdout, done, failures));
        Receiver receiver = new Receiver(assembler, err);
        MqttAsyncClient client;
        try {
            client = connection.connect("scangate-images-", receiver);
            receiver.subscribe();
        } catch (MqttException e) {
            err.println("tail-images: cannot subscribe at " + connection.broker + ": " + e.getReasonCode() + " " + e.getMessage());
            err.flush();
            return 1;
        }
        boolean allArrived;
        try {
            allArrived = timeout.isZero() ? awaitForever(done) : done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            BrokerOptions.closeQuietly(client);
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

    private void print(PrintWriter stdout, ObjectNode line) {
        synchronized (stdout) {
            stdout.println(line.toString());
            stdout.flush();
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

    /** Hands each message to the assembler. */
    private final class Receiver extends SubscriberCallback {
        private final ImageAssembler assembler;

        Receiver(ImageAssembler assembler, PrintWriter err) {
            super("tail-images", err, connection.cleanSession(), new MqttSubscription(topicPrefix + "/image", 1),
                    new MqttSubscription(topicPrefix + "/image-chunk", 1));
            this.assembler = assembler;
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            try {
                assembler.accept(Envelope.parseFrom(message.getPayload()));
            } catch (InvalidProtocolBufferException e) {
                report(topic + ": payload is not a scangate.v1.Envelope: " + e.getMessage());
            }
        }
    }
}
