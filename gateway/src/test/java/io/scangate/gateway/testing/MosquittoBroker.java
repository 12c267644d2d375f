package io.scangate.gateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A real Mosquitto on a free 127.0.0.1 port, persisting to a temporary directory, for tests. It keeps
 * every queued message ({@code max_queued_messages 0}) so that tests count the publisher's behaviour,
 * not the broker's drops. Restarting keeps the port and the persisted sessions.
 *
 * <pre>
 * try (MosquittoBroker broker = MosquittoBroker.start()) { ... broker.uri() ... broker.restart(); }
 * </pre>
 */
public final class MosquittoBroker implements AutoCloseable {

    public static final String INSTALL_HINT = "install mosquitto (apt-get install mosquitto) or run ./run-tests";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final Path executable;
    private final Path directory;
    private final Path config;
    private final int port;
    private final int tlsPort;
    private final String tlsListener;
    private final int maxInflightMessages;
    private int maxPacketSize;
    private Process process;

    private MosquittoBroker(Path executable, Path directory, int port, int maxInflightMessages,
            TestCertificates tls) throws IOException {
        this.executable = executable;
        this.directory = directory;
        this.port = port;
        this.tlsPort = tls == null ? -1 : freePort();
        this.config = directory.resolve("mosquitto.conf");
        String tlsListener = tls == null ? "" : String.join("\n",
                "listener " + tlsPort + " 127.0.0.1",
                "cafile " + tls.caFile(),
                "certfile " + tls.serverCert(),
                "keyfile " + tls.serverKey(),
                "require_certificate true",
                "");
        this.tlsListener = tlsListener;
        this.maxInflightMessages = maxInflightMessages;
        writeConfig();
    }

    private void writeConfig() throws IOException {
        Files.writeString(config, tlsListener + String.join("\n",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "persistence true",
                "persistence_location " + directory + "/",
                "max_queued_messages 0",
                "max_inflight_messages " + maxInflightMessages,
                maxPacketSize > 0 ? "max_packet_size " + maxPacketSize : "",
                "persistent_client_expiration 1d",
                "user " + System.getProperty("user.name"),
                "log_dest file " + directory.resolve("mosquitto.log"),
                "log_type error",
                "log_type warning",
                "log_type notice",
                "log_type information",
                ""), StandardCharsets.US_ASCII);
    }

    /** Starts a broker with {@code max_inflight_messages 20} (Mosquitto's default, also its Receive Maximum). */
    public static MosquittoBroker start() {
        return start(20);
    }

    /**
     * Starts a broker whose {@code max_inflight_messages} is also the Receive Maximum it announces to MQTT 5
     * clients.
     */
    public static MosquittoBroker start(int maxInflightMessages) {
        return start(maxInflightMessages, null);
    }

    /**
     * Starts a broker with a second, TLS listener ({@link #tlsUri()}) that requires a client certificate
     * signed by the same CA; the plain listener stays available.
     */
    public static MosquittoBroker startWithTls(TestCertificates certificates) {
        return start(20, certificates);
    }

    private static MosquittoBroker start(int maxInflightMessages, TestCertificates tls) {
        try {
            MosquittoBroker broker = new MosquittoBroker(findExecutable(),
                    Files.createTempDirectory("scangate-mosquitto-"), freePort(), maxInflightMessages, tls);
            broker.startProcess();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sets Mosquitto's {@code max_packet_size} (0: no limit, the default) for the broker's next start: it
     * announces it to MQTT 5 clients in CONNACK and disconnects a client that sends a larger packet.
     * Follow with {@link #restart()} or {@link #startAgain()}.
     */
    public void maxPacketSizeFromNextStart(int bytes) {
        if (bytes != 0 && bytes < 20) {
            throw new IllegalArgumentException("mosquitto refuses a max_packet_size below 20 bytes");
        }
        maxPacketSize = bytes;
        try {
            writeConfig();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code ssl://127.0.0.1:<port>} of the TLS listener; only for {@link #startWithTls}. */
    public String tlsUri() {
        if (tlsPort < 0) {
            throw new IllegalStateException("this broker has no TLS listener; start it with startWithTls");
        }
        return "ssl://127.0.0.1:" + tlsPort;
    }

    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** User plus system CPU time of the running broker process so far (benchmarks' CPU budgets). */
    public java.time.Duration cpu() {
        Process running = process;
        if (running == null) {
            throw new IllegalStateException("mosquitto is not running");
        }
        return running.toHandle().info().totalCpuDuration().orElseThrow(
                () -> new IllegalStateException("the OS does not report mosquitto's CPU time"));
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    /** Stops with SIGTERM, which makes Mosquitto write its persistence file, and waits for the exit. */
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("mosquitto did not stop on SIGTERM within " + STOP_TIMEOUT
                        + "; killed. Log:\n" + log());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping mosquitto", e);
        }
        process = null;
    }

    /** Starts again on the same port with the same persisted state. */
    public void restart() {
        stop();
        startProcess();
    }

    /** Starts a stopped broker again (same port, same state). */
    public void startAgain() {
        if (!running()) {
            startProcess();
        }
    }

    /** The broker's log so far, for failure messages. */
    public String log() {
        try {
            Path file = directory.resolve("mosquitto.log");
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(no log)";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } finally {
            deleteDirectory();
        }
    }

    private void startProcess() {
        try {
            process = new ProcessBuilder(executable.toString(), "-c", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("mosquitto.out").toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + executable + ": " + e.getMessage() + "; " + INSTALL_HINT, e);
        }
        Process started = process;
        try {
            Awaitility.await("mosquitto listening on " + port)
                    .atMost(STARTUP_TIMEOUT)
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> {
                        if (!started.isAlive()) {
                            throw new IllegalStateException("mosquitto exited with " + started.exitValue()
                                    + ". Output:\n" + readQuietly(directory.resolve("mosquitto.out")) + "\nLog:\n"
                                    + log());
                        }
                        return accepting();
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("mosquitto did not listen on " + port + " within " + STARTUP_TIMEOUT
                    + ". Log:\n" + log(), e);
        }
    }

    private boolean accepting() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path findExecutable() {
        Path standard = Path.of("/usr/sbin/mosquitto");
        if (Files.isExecutable(standard)) {
            return standard;
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "mosquitto");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("mosquitto not found in /usr/sbin or on PATH: " + INSTALL_HINT);
    }

    /** An MQTT URI on 127.0.0.1 where no broker listens: a gateway whose broker is down. */
    public static String absentBrokerUri() throws IOException {
        return "tcp://127.0.0.1:" + freePort();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private void deleteDirectory() {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
