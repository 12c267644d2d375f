package io.scangate.bench;

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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gateway as an operator runs it ({@code scangate run --config}), in its own JVM with {@code -Xmx256m},
 * watched from outside: CPU time from the OS, heap from its own Prometheus endpoint, sampled every second
 * (a scrape costs the gateway a few milliseconds of an event loop: five a second were 4 % of its CPU under
 * overload).
 */
final class GatewayJvm implements AutoCloseable {

    private static final String HEAP_SAMPLE = "jvm_memory_used_bytes{area=\"heap\"";

    private final Process process;
    private final int opsPort;
    private final Path log;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "heap-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong peakHeap = new AtomicLong();

    private GatewayJvm(Process process, int opsPort, Path log) {
        this.process = process;
        this.opsPort = opsPort;
        this.log = log;
    }

    static GatewayJvm start(Path workDir, String yamlWithoutOps, String maxHeap) throws Exception {
        return start(workDir, yamlWithoutOps, maxHeap, "");
    }

    /** @param opsSettings more {@code ops} keys in YAML flow style, e.g. {@code "ioThreads: 1"}, or empty */
    static GatewayJvm start(Path workDir, String yamlWithoutOps, String maxHeap, String opsSettings) throws Exception {
        Files.createDirectories(workDir);
        int opsPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            opsPort = socket.getLocalPort();
        }
        Path config = workDir.resolve("gateway.yaml");
        Files.writeString(config, yamlWithoutOps + "\nops: {httpBind: 127.0.0.1, httpPort: " + opsPort
                + (opsSettings.isBlank() ? "" : ", " + opsSettings) + "}\n");
        Path log = workDir.resolve("gateway.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap, "-XX:+ExitOnOutOfMemoryError"));
        // E.g. -XX:StartFlightRecording=filename=gw.jfr,settings=profile to see where the gateway's CPU goes.
        String extra = System.getenv().getOrDefault("SCANGATE_BENCH_GATEWAY_JVM_OPTIONS", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", "--config", config.toString()));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        GatewayJvm gateway = new GatewayJvm(process, opsPort, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (gateway.get("/health") == null) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("gateway did not start; log " + log + ":\n" + Files.readString(log));
            }
            Thread.sleep(200);
        }
        gateway.sampler.scheduleAtFixedRate(gateway::sampleHeap, 0, 1, TimeUnit.SECONDS);
        return gateway;
    }

    String health() {
        return get("/health");
    }

    /**
     * Sum of the Prometheus sample lines starting with {@code prefix}; NaN when the endpoint does not answer
     * three times in a row (its event loops are the devices' too, so a saturated gateway answers late).
     */
    double metric(String prefix) {
        String text = get("/metrics");
        for (int attempt = 1; text == null && attempt < 3; attempt++) {
            text = get("/metrics");
        }
        if (text == null) {
            return Double.NaN;
        }
        return text.lines().filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /** User plus system CPU time of the gateway process so far. */
    Duration cpu() {
        return process.toHandle().info().totalCpuDuration().orElseThrow(
                () -> new IllegalStateException("the OS does not report the gateway's CPU time"));
    }

    long peakHeapBytes() {
        return peakHeap.get();
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    private void sampleHeap() {
        double heap = metric(HEAP_SAMPLE);
        if (!Double.isNaN(heap)) {
            peakHeap.accumulateAndGet((long) heap, Math::max);
        }
    }

    private String get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + opsPort
                    + path)).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.body();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        sampler.shutdownNow();
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
