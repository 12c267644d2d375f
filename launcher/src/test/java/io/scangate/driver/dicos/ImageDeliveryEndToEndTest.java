package io.scangate.driver.dicos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scangate.gateway.tail.TailImagesCommand;
import io.scangate.gateway.testing.MosquittoBroker;
import io.scangate.launcher.GatewayProcess;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The whole image path with real peers: dcmtk's storescu sends a 21 MB 16-bit DICOS DX image to the gateway
 * JVM, which delivers it as a manifest and 256 KiB chunks through its journal and a real Mosquitto to
 * {@code scangate tail-images}, which reassembles and verifies it: the pixel data is byte-identical to what
 * storescu sent and the PNG preview decodes at the image's size. The gateway runs under -Xmx256m.
 */
class ImageDeliveryEndToEndTest {

    private static final String DICOS_DX = "1.2.840.10008.5.1.4.1.1.501.2.1";
    private static final int ROWS = 3500;
    private static final int COLUMNS = 3000;
    private static final String CONSUMER = "image-consumer";
    private static final String[] IMAGE_TOPICS = {"scangate/v1/+/+/+/image", "scangate/v1/+/+/+/image-chunk"};

    @TempDir
    Path dir;
    private final ExecutorService consumerThread = Executors.newSingleThreadExecutor();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stop() {
        consumerThread.shutdownNow();
    }

    @Test
    void aTwentyMegabyteImageFromStorescuIsReassembledByteIdenticalWithAPreview() throws Exception {
        int dicomPort = GatewayProcess.freePort();
        Path sent = largeImage("1.2.826.0.1.3680043.10.1143.9.1");
        try (MosquittoBroker broker = MosquittoBroker.start()) {
            createConsumerSession(broker.uri());
            try (GatewayProcess gateway = GatewayProcess.start(dir, config(broker.uri(), dicomPort, "10m"), "256m")) {
                await().atMost(Duration.ofSeconds(30)).until(() -> gateway.health().contains("\"xray-1\":\"UP\""));
                Future<Consumed> consumer = consume(broker.uri());
                long start = System.nanoTime();

                storeSucceeds(sent, dicomPort);

                Consumed consumed = consumer.get(120, TimeUnit.SECONDS);
                System.out.printf("image delivery: %d bytes, storescu start to verified file and PNG at the consumer"
                        + " %d ms%n", consumed.completed().get("bytes").asLong(), (System.nanoTime() - start) / 1_000_000);
                assertThat(consumed.exitCode()).as(consumed.output() + "\ngateway log:\n" + gateway.logText()).isZero();
                assertDeliveredIntact(consumed.completed(), sent);
                assertThat(gateway.metric("scangate_image_chunks_planned_total")).isEqualTo(
                        (consumed.completed().get("bytes").asLong() + 256 * 1024 - 1) / (256 * 1024));
                assertThat(gateway.metric("scangate_image_chunks_unavailable_total")).isZero();
            }
        }
    }

    @Test
    void anImageAcknowledgedToTheScannerSurvivesAGatewayKillAndIsDeletedOnceDelivered() throws Exception {
        int dicomPort = GatewayProcess.freePort();
        Path sent = largeImage("1.2.826.0.1.3680043.10.1143.9.2");
        Path blobs = dir.resolve("blobs").resolve("sha256");
        try (MosquittoBroker broker = MosquittoBroker.start()) {
            createConsumerSession(broker.uri());
            String unreachable = "tcp://127.0.0.1:" + GatewayProcess.freePort();
            try (GatewayProcess gateway = GatewayProcess.start(dir, config(unreachable, dicomPort, "0s"), "256m")) {
                await().atMost(Duration.ofSeconds(30)).until(() -> gateway.health().contains("\"xray-1\":\"UP\""));

                storeSucceeds(sent, dicomPort);

                assertThat(gateway.health()).contains("\"mqtt\":{\"connected\":false}");
                gateway.kill();
            }
            assertThat(blobFiles(blobs)).hasSize(1);
            try (GatewayProcess restarted = GatewayProcess.start(dir, config(broker.uri(), dicomPort, "0s"), "256m")) {
                Future<Consumed> consumer = consume(broker.uri());

                Consumed consumed = consumer.get(120, TimeUnit.SECONDS);

                assertThat(consumed.exitCode()).as(consumed.output() + "\ngateway log:\n" + restarted.logText()).isZero();
                assertDeliveredIntact(consumed.completed(), sent);
                await("the delivered blob deleted (retention 0s)").atMost(Duration.ofSeconds(30))
                        .until(() -> blobFiles(blobs).isEmpty());
                assertThat(restarted.logText()).contains("blob_store=start_sweep deleted=0");
            }
        }
    }

    private String config(String brokerUri, int dicomPort, String retention) {
        return """
                site: test-port
                gatewayId: gw-xray
                journal: {directory: '%s', maxBytes: 64MiB, segmentBytes: 4MiB, maxRecordBytes: 1MiB}
                blobs: {directory: '%s', maxBytes: 256MiB, chunkSize: 256KiB, retention: %s}
                mqtt: {serverUri: '%s', reconnectMin: 200ms, reconnectMax: 1s}
                devices:
                  - id: xray-1
                    driver: dicos
                    lane: lane-1
                    family: XRAY
                    transport: {kind: tcp-server, host: 127.0.0.1, port: %d}
                    params: {calledAeTitle: SCANGATE, acceptedCallingAeTitles: [SCANNER1]}
                """.formatted(dir.resolve("journal"), dir.resolve("blobs"), retention, brokerUri, dicomPort);
    }

    private Path largeImage(String instance) throws Exception {
        Path dump = TestImages.dxDump(dir, DICOS_DX, instance, ROWS, COLUMNS);
        Dcmtk.Result made = Dcmtk.run(dir, "dump2dcm", dump.toString(), "large.dcm");
        assertThat(made.exitCode()).as(made.output()).isZero();
        Path file = dir.resolve("large.dcm");
        assertThat(Files.size(file)).isGreaterThan(20_000_000);
        return file;
    }

    private void storeSucceeds(Path image, int dicomPort) throws Exception {
        Dcmtk.Result store = Dcmtk.run(dir, "storescu", "-v", "-R", "-aec", "SCANGATE", "-aet", "SCANNER1", "127.0.0.1",
                Integer.toString(dicomPort), image.getFileName().toString());
        assertThat(store.exitCode()).as(store.output()).isZero();
        assertThat(store.output()).contains("Received Store Response (Success)");
    }

    /** The reassembled pixel data equals the raw pixels dump2dcm put in; the PNG decodes at the image size. */
    private void assertDeliveredIntact(JsonNode completed, Path sent) throws Exception {
        byte[] received = Files.readAllBytes(Path.of(completed.get("file").asText()));
        assertThat(TestImages.sha256(received)).isEqualTo(completed.get("sha256").asText());
        assertThat(TestImages.dataset(received)).isEqualTo(TestImages.dataset(Files.readAllBytes(sent)));
        byte[] pixels = Files.readAllBytes(dir.resolve("pixels-" + ROWS + "x" + COLUMNS + ".raw"));
        int offset = completed.get("pixelDataOffset").asInt();
        assertThat(completed.get("pixelDataLength").asLong()).isEqualTo(pixels.length);
        assertThat(Arrays.equals(received, offset, offset + pixels.length, pixels, 0, pixels.length))
                .as("pixel data byte-identical").isTrue();
        BufferedImage png = ImageIO.read(Path.of(completed.get("preview").asText()).toFile());
        assertThat(png.getWidth()).isEqualTo(COLUMNS);
        assertThat(png.getHeight()).isEqualTo(ROWS);
        assertThat(completed.get("rows").asInt()).isEqualTo(ROWS);
    }

    /** The back-end's persistent session exists before anything is published, so nothing can be missed. */
    private static void createConsumerSession(String brokerUri) throws Exception {
        MqttAsyncClient client = new MqttAsyncClient(brokerUri, CONSUMER, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setSessionExpiryInterval(3600L);
        client.connect(options).waitForCompletion(10_000);
        client.subscribe(Stream.of(IMAGE_TOPICS).map(t -> new MqttSubscription(t, 1)).toArray(MqttSubscription[]::new))
                .waitForCompletion(10_000);
        client.disconnect().waitForCompletion(10_000);
        client.close();
    }

    private record Consumed(int exitCode, String output, JsonNode completed) {
    }

    /** Runs {@code scangate tail-images} for one image in the consumer's persistent session. */
    private Future<Consumed> consume(String brokerUri) {
        Path out = dir.resolve("received");
        return consumerThread.submit(() -> {
            StringWriter output = new StringWriter();
            int exit = new CommandLine(new TailImagesCommand()).setOut(new PrintWriter(output)).setErr(new PrintWriter(output))
                    .execute("--broker", brokerUri, "--out", out.toString(), "--count", "1", "--timeout", "PT100S",
                            "--client-id", CONSUMER, "--session-expiry", "3600");
            JsonNode completed = null;
            for (String line : output.toString().split("\n")) {
                if (line.startsWith("{") && json.readTree(line).path("event").asText().equals("image_complete")) {
                    completed = json.readTree(line);
                }
            }
            return new Consumed(exit, output.toString(), completed);
        });
    }

    private static List<Path> blobFiles(Path blobs) throws Exception {
        try (Stream<Path> files = Files.walk(blobs)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().contains(".")).toList();
        }
    }
}
