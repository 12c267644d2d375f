package io.scangate.launcher.serial;

import static org.awaitility.Awaitility.await;

import io.scangate.launcher.Main;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The gateway as its own JVM ({@code scangate run --config}) with one VM-250 on a serial port, its heap limited,
 * its log in a file and its ops endpoint on a free port. (The launcher package's GatewayProcess is package-private.)
 */
final class SerialGateway implements AutoCloseable {

    static final String DEVICE = "lane-1-rpm";

    private final Process process;
    private final Path log;
    private final int opsPort;
    private final HttpClient http = HttpClient.newHttpClient();

    private SerialGateway(Process process, Path log, int opsPort) {
        this.process = process;
        this.log = log;
        this.opsPort = opsPort;
    }

    static SerialGateway start(Path workDir, Path serialPort, int baudRate, String brokerUri, String maxHeap)
            throws IOException {
        int opsPort;
        try (ServerSocket s = new ServerSocket(0)) {
            opsPort = s.getLocalPort();
        }
        Path config = workDir.resolve("gateway.yaml");
        Files.writeString(config, String.join("\n",
                "site: test-port",
                "gatewayId: gw-serial",
                "journal: {directory: '" + workDir.resolve("journal") + "', maxBytes: 64MiB, segmentBytes: 4MiB, maxRecordBytes: 1MiB}",
                "mqtt: {serverUri: '" + brokerUri + "', reconnectMin: 200ms, reconnectMax: 2s}",
                "ops: {httpBind: 127.0.0.1, httpPort: " + opsPort + "}",
                "devices:",
                "  - id: " + DEVICE,
                "    driver: vm250",
                "    lane: lane-1",
                "    transport: {kind: serial, port: '" + serialPort + "', baudRate: " + baudRate
                        + ", reconnectMin: 100ms, reconnectMax: 1s}",
                ""));
        Path log = workDir.resolve("gateway.log");
        Process process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap, "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", "--config", config.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        SerialGateway gateway = new SerialGateway(process, log, opsPort);
        try {
            await("gateway ops endpoint").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("gateway exited with " + process.exitValue() + ":\n" + gateway.logText());
                }
                return gateway.get("/health") != null;
            });
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
        return gateway;
    }

    /** The device's state in /health: UP, DOWN, ... */
    boolean deviceIs(String state) {
        String health = get("/health");
        return health != null && health.contains("\"" + DEVICE + "\":\"" + state + "\"");
    }

    /** Sum of the Prometheus samples whose line starts with the prefix; NaN when the endpoint does not answer. */
    double metric(String nameAndLabelsPrefix) {
        String text = get("/metrics");
        if (text == null) {
            return Double.NaN;
        }
        double sum = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith(nameAndLabelsPrefix)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    boolean alive() {
        return process.isAlive();
    }

    String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private String get(String path) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + opsPort + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return r.body();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
