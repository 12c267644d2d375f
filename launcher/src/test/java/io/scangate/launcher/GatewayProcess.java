package io.scangate.launcher;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The gateway as a separate JVM, started exactly as an operator would ({@code scangate run --config}),
 * with its own heap limit, its log in a file, and its ops endpoint on a free port.
 */
public final class GatewayProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int opsPort;
    private final HttpClient http = HttpClient.newHttpClient();

    private GatewayProcess(Process process, Path log, int opsPort) {
        this.process = process;
        this.log = log;
        this.opsPort = opsPort;
    }

    /** @param yamlWithoutOps the configuration; an {@code ops:} section on a free port is appended */
    public static GatewayProcess start(Path workDir, String yamlWithoutOps, String maxHeap) throws IOException {
        int opsPort = freePort();
        Path config = workDir.resolve("gateway.yaml");
        Files.writeString(config, yamlWithoutOps + "\nops: {httpBind: 127.0.0.1, httpPort: " + opsPort + "}\n");
        Path log = workDir.resolve("gateway.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap, "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", "--config", config.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        GatewayProcess gateway = new GatewayProcess(process, log, opsPort);
        await("gateway ops endpoint").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("gateway exited with " + process.exitValue() + ":\n" + gateway.logText());
                    }
                    return gateway.get("/health") != null;
                });
        return gateway;
    }

    /** What a one-shot {@code scangate} command printed, and its exit code. */
    public record CommandResult(int exitCode, String out, String err) {
    }

    /** Runs {@code scangate <args>} in its own JVM, as an operator would, and waits (1 min at most) for its exit. */
    public static CommandResult command(Path workDir, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "command-", ".out");
        Path err = Files.createTempFile(workDir, "command-", ".err");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("scangate " + String.join(" ", args) + " still running after 1 min:\n"
                    + Files.readString(out) + Files.readString(err));
        }
        return new CommandResult(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    public String metrics() {
        return get("/metrics");
    }

    /** The value of one Prometheus sample line (name with labels as printed), or 0 when absent. */
    public double metric(String nameAndLabelsPrefix) {
        String text = metrics();
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

    public String health() {
        return get("/health");
    }

    /** Waits until the gateway reports its broker connection up; returns when it saw it. */
    public Instant awaitMqttConnected(Duration timeout) {
        await("gateway connected to the broker").atMost(timeout).pollInterval(Duration.ofMillis(20))
                .until(() -> String.valueOf(health()).contains("\"mqtt\":{\"connected\":true}"));
        return Instant.now();
    }

    public boolean alive() {
        return process.isAlive();
    }

    public String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** SIGTERM and wait: the orderly stop an operator's systemd does. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        return process.exitValue();
    }

    /** SIGKILL, as a power cut or the OOM killer would end it: no shutdown hook, no flush. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("gateway pid " + process.pid() + " still alive 30 s after SIGKILL");
        }
    }

    public long pid() {
        return process.pid();
    }

    /** CPU time (user + system) the gateway JVM has used so far, as the OS reports it; empty once it exited. */
    public Optional<Duration> cpuTime() {
        return process.toHandle().info().totalCpuDuration();
    }

    /**
     * The body, or null when the gateway does not answer: after one retry, because a gateway starved of CPU
     * on a busy 2-core machine can miss one 5 s timeout without anything being wrong with it.
     */
    private String get(String path) {
        for (int attempt = 1; attempt <= 2 && process.isAlive(); attempt++) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + opsPort + path))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                return r.body();
            } catch (IOException e) {
                // Tried once more, then null.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
