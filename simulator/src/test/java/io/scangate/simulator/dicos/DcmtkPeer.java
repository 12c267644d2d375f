package io.scangate.simulator.dicos;

import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** dcmtk, the independent peer: a storescp on a free port writing into a directory, and dcmdump. */
public final class DcmtkPeer implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    private DcmtkPeer(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** storescp answering as {@code aeTitle}, storing into {@code directory}; extra options before the port. */
    public static DcmtkPeer storescp(Path directory, String aeTitle, String... options) throws IOException {
        requireInstalled("storescp");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of("storescp", "-v", "-aet", aeTitle, "-od", directory.toString()));
        command.addAll(List.of(options));
        command.add(Integer.toString(port));
        Path log = Files.createTempFile(directory.getParent(), "storescp", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        DcmtkPeer peer = new DcmtkPeer(process, log, port);
        await("storescp listening on " + port).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("storescp exited: " + peer.log());
                    }
                    try (Socket probe = new Socket()) {
                        probe.connect(new InetSocketAddress("127.0.0.1", port), 500);
                        return true;
                    } catch (IOException notYet) {
                        return false;
                    }
                });
        return peer;
    }

    public int port() {
        return port;
    }

    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** dcmdump of a file, long values printed in full up to {@code +R 512}. */
    public static String dump(Path file) throws IOException, InterruptedException {
        requireInstalled("dcmdump");
        Process process = new ProcessBuilder("dcmdump", "-M", file.toString()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            fail("dcmdump " + file + " failed: " + new String(output, StandardCharsets.UTF_8));
        }
        return new String(output, StandardCharsets.UTF_8);
    }

    public static void requireInstalled(String tool) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(directory, tool))) {
                return;
            }
        }
        fail(tool + " not found on PATH: these tests use dcmtk, the reference DICOM implementation, as the"
                + " independent peer; install it with `sudo apt-get install dcmtk` (Debian/Ubuntu) or"
                + " `brew install dcmtk` (macOS)");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
