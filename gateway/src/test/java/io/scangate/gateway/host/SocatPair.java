package io.scangate.gateway.host;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Two pseudo-terminals joined by socat, reached through two stable links in a directory: a serial cable in
 * software. {@link #kill()} and {@link #restart()} re-create the pair under the same link names, as a USB
 * adapter that is unplugged and re-enumerated under the same {@code /dev/serial/by-id} name.
 *
 * <pre>
 * try (SocatPair pair = SocatPair.start(dir)) { open pair.deviceEnd() and pair.gatewayEnd() ... }
 * </pre>
 */
public final class SocatPair implements AutoCloseable {

    public static final String INSTALL_HINT = "socat is not installed: apt-get install socat (or run ./run-tests, which installs it)";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final Path deviceEnd;
    private final Path gatewayEnd;
    private final Path log;
    private Process process;

    private SocatPair(Path directory) {
        this.deviceEnd = directory.resolve("device-end");
        this.gatewayEnd = directory.resolve("gateway-end");
        this.log = directory.resolve("socat.log");
    }

    /** Starts socat; fails with an install hint when it is missing. */
    public static SocatPair start(Path directory) {
        SocatPair pair = new SocatPair(directory);
        pair.restart();
        return pair;
    }

    /** The link the simulated device writes to. */
    public Path deviceEnd() {
        return deviceEnd;
    }

    /** The link the gateway opens as its serial port. */
    public Path gatewayEnd() {
        return gatewayEnd;
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    /** SIGTERM: socat closes both pseudo-terminals and removes the links; both ends see the port vanish. */
    public void kill() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
        deleteLink(deviceEnd);
        deleteLink(gatewayEnd);
    }

    /** Starts a new pair under the same link names and waits until both links lead to a terminal. */
    public void restart() {
        kill();
        Path socat = executable();
        try {
            process = new ProcessBuilder(socat.toString(), "-d", "-d",
                    "pty,raw,echo=0,link=" + deviceEnd, "pty,raw,echo=0,link=" + gatewayEnd)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + socat + " (" + INSTALL_HINT + ")", e);
        }
        await("socat links " + deviceEnd + " and " + gatewayEnd).atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(5))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("socat exited with " + process.exitValue() + ": " + Files.readString(log));
                    }
                    return Files.exists(deviceEnd) && Files.exists(gatewayEnd);
                });
    }

    @Override
    public void close() {
        kill();
    }

    private static Path executable() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "socat");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(INSTALL_HINT);
    }

    private static void deleteLink(Path link) {
        try {
            Files.deleteIfExists(link);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove stale link " + link, e);
        }
    }
}
