package io.scangate.simulator.serial;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A socat pseudo-terminal pair for the simulator's own tests (the simulator depends on no gateway code, so the
 * gateway's fixture is not used here). {@link #cut()} and {@link #restore()} keep the link names.
 */
final class SocatCable implements AutoCloseable {

    static final String INSTALL_HINT = "socat is not installed: apt-get install socat (or run ./run-tests, which installs it)";

    final Path deviceEnd;
    final Path gatewayEnd;
    private Process process;

    private SocatCable(Path dir) {
        this.deviceEnd = dir.resolve("device-end");
        this.gatewayEnd = dir.resolve("gateway-end");
    }

    static SocatCable start(Path dir) throws Exception {
        SocatCable cable = new SocatCable(dir);
        cable.restore();
        return cable;
    }

    void cut() throws InterruptedException, IOException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        Files.deleteIfExists(deviceEnd);
        Files.deleteIfExists(gatewayEnd);
    }

    void restore() throws Exception {
        String socat = null;
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "socat"))) {
                socat = Path.of(dir, "socat").toString();
            }
        }
        if (socat == null) {
            throw new IllegalStateException(INSTALL_HINT);
        }
        try {
            process = new ProcessBuilder(socat, "pty,raw,echo=0,link=" + deviceEnd, "pty,raw,echo=0,link=" + gatewayEnd)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException(INSTALL_HINT, e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(deviceEnd) && Files.exists(gatewayEnd))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("socat did not create " + deviceEnd + " and " + gatewayEnd);
            }
            Thread.onSpinWait();
        }
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            cut();
        }
    }
}
