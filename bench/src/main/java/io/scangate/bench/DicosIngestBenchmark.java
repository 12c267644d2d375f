package io.scangate.bench;

import io.scangate.gateway.testing.MosquittoBroker;
import io.scangate.simulator.dicos.DicomUids;
import io.scangate.simulator.dicos.DicosSettings;
import io.scangate.simulator.dicos.ScuAssociation;
import io.scangate.simulator.dicos.SyntheticImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Ingest of one 50 MB DICOS image compared, in the same run, with a raw loopback TCP copy of the same bytes.
 * Ingest: the simulator's SCU opens an association with the gateway JVM (dicos driver, real Mosquitto) and
 * stores the image; the clock stops at the C-STORE-RSP success, which the gateway sends only once the blob
 * is fsynced and the scan message is in the journal. Raw: the same dataset bytes written to a socket on
 * 127.0.0.1 whose reader discards them and answers one byte at the end; the same copy whose reader writes
 * the bytes to a file and fsyncs it before answering; and the disk alone (the bytes written from memory to a
 * file and fsynced), the bound of any receiver that answers only once the image is durable. Each repetition
 * stores a new SOP instance (a resent one would be deduplicated by the content-addressed store); datasets
 * are rendered in memory before the clock starts, and the SCU does not hash what it sends, so that the
 * sender costs no more than the raw writer. Every timing starts once the gateway has delivered the image
 * before, so that none shares the two cores with that delivery.
 */
public final class DicosIngestBenchmark {

    private static final int BUFFER = 1 << 16;

    private DicosIngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int rows = Integer.parseInt(options.getOrDefault("rows", "5000"));
        int columns = Integer.parseInt(options.getOrDefault("columns", "5000"));
        int repetitions = Integer.parseInt(options.getOrDefault("repetitions", "5"));
        int warmups = Integer.parseInt(options.getOrDefault("warmups", "3"));
        String heap = options.getOrDefault("gateway-heap", "256m");
        String jfr = options.get("jfr");
        Path work = Files.createTempDirectory("scangate-bench-dicos-");
        int dicomPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            dicomPort = probe.getLocalPort();
        }
        try (MosquittoBroker broker = MosquittoBroker.start();
             GatewayJvm gateway = GatewayJvm.start(work.resolve("gateway"), yaml(work, broker.uri(), dicomPort), heap);
             RawSink sink = RawSink.start(work.resolve("raw-copy"))) {
            waitUntilUp(gateway);
            if (jfr != null) {
                jcmd(gateway, "JFR.start", "name=dicos", "settings=profile", "filename=" + Path.of(jfr).toAbsolutePath());
            }
            DicosSettings settings = DicosSettings.defaults("127.0.0.1", dicomPort)
                    .withImages(DicomUids.DICOS_DX_FOR_PRESENTATION, List.of("TOP"), false, rows, columns);
            System.out.printf("dicos ingest: %d x %d x 16-bit image, pixel data %d bytes; gateway -Xmx%s, work %s%n",
                    rows, columns, 2L * rows * columns, heap, work);
            double[] ingest = new double[repetitions];
            double[] raw = new double[repetitions];
            double[] rawToDisk = new double[repetitions];
            double[] diskOnly = new double[repetitions];
            for (int i = 0; i < warmups + repetitions; i++) {
                SyntheticImage image = image(rows, columns, i);
                byte[] dataset = render(image);
                awaitDelivered(gateway);
                double ingestMbs = ingest(settings, image, dataset);
                awaitDelivered(gateway);
                double rawMbs = sink.copy(dataset, false);
                double rawToDiskMbs = sink.copy(dataset, true);
                double diskOnlyMbs = sink.writeAndForce(dataset);
                if (i < warmups) {
                    System.out.printf("warm-up %d: ingest %.1f MB/s, raw %.1f MB/s, raw to disk %.1f MB/s (not counted)%n",
                            i + 1, ingestMbs, rawMbs, rawToDiskMbs);
                    continue;
                }
                int run = i - warmups;
                ingest[run] = ingestMbs;
                raw[run] = rawMbs;
                rawToDisk[run] = rawToDiskMbs;
                diskOnly[run] = diskOnlyMbs;
                System.out.printf("run %d: dataset %d bytes, ingest %.1f MB/s, raw loopback %.1f MB/s (ratio %.2f),"
                        + " raw loopback to disk + fsync %.1f MB/s (ratio %.2f), disk only %.1f MB/s%n", run + 1,
                        dataset.length, ingestMbs, rawMbs, ingestMbs / rawMbs, rawToDiskMbs, ingestMbs / rawToDiskMbs,
                        diskOnlyMbs);
            }
            if (jfr != null) {
                jcmd(gateway, "JFR.stop", "name=dicos");
                System.out.println("gateway flight recording: " + jfr);
            }
            double ingestMedian = median(ingest);
            double rawMedian = median(raw);
            double rawToDiskMedian = median(rawToDisk);
            System.out.printf("median of %d: ingest %.1f MB/s; raw loopback %.1f MB/s, ratio %.2f (target >= 0.5);"
                    + " raw loopback to disk + fsync %.1f MB/s, ratio %.2f; gateway peak heap %.1f MiB%n", repetitions,
                    ingestMedian, rawMedian, ingestMedian / rawMedian, rawToDiskMedian, ingestMedian / rawToDiskMedian,
                    gateway.peakHeapBytes() / 1048576.0);
            double diskOnlyMedian = median(diskOnly);
            System.out.printf("durable ceiling: the same bytes written from memory to a file and fsynced, no network:"
                    + " %.1f MB/s, %.2f of the raw loopback copy; a receiver that answers only once the image is on disk"
                    + " cannot beat the disk%n", diskOnlyMedian, diskOnlyMedian / rawMedian);
        }
    }

    private static void jcmd(GatewayJvm gateway, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(gateway.pid())));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", line) + " failed: " + output);
        }
    }

    private static double ingest(DicosSettings settings, SyntheticImage image, byte[] dataset) throws IOException {
        String sopInstance = image.spec().sopInstanceUid();
        long start = System.nanoTime();
        ScuAssociation.StoreResult result;
        try (ScuAssociation association = ScuAssociation.open(settings.association(List.of(image.spec().sopClassUid())))) {
            result = association.store(image.spec().sopClassUid(), sopInstance, (out, explicitVr) -> out.write(dataset),
                    false);
            long elapsed = System.nanoTime() - start;
            association.release();
            if (!result.success()) {
                throw new IllegalStateException(String.format("C-STORE of %s answered 0x%04X: %s", sopInstance,
                        result.status(), result.errorComment()));
            }
            return dataset.length / 1e6 / (elapsed / 1e9);
        }
    }

    private static SyntheticImage image(int rows, int columns, int repetition) {
        return new SyntheticImage(new SyntheticImage.Spec(DicomUids.DICOS_DX_FOR_PRESENTATION, "DX",
                DicomUids.derived(42, "bench-image", repetition), DicomUids.derived(42, "bench-study", repetition),
                DicomUids.derived(42, "bench-series", repetition), 1, 1, "TOP", SyntheticImage.Energy.HIGH, rows, columns,
                14, 4.0, Instant.now(), "OOI-BENCH", new SyntheticImage.Device("scangate bench", "X16", "B-1", "1"),
                repetition));
    }

    /** The explicit VR dataset, which the gateway accepts by preference: the same bytes both ways. */
    private static byte[] render(SyntheticImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) image.spec().pixelBytes() + 4096);
        image.writeTo(out, true);
        return out.toByteArray();
    }

    private static String yaml(Path work, String brokerUri, int dicomPort) {
        return """
                site: bench
                gatewayId: gw-bench-dicos
                journal: {directory: '%s'}
                blobs: {directory: '%s', maxBytes: 4GiB}
                mqtt: {serverUri: '%s'}
                devices:
                  - id: xray-bench
                    driver: dicos
                    lane: lane-1
                    family: XRAY
                    transport: {kind: tcp-server, host: 127.0.0.1, port: %d}
                """.formatted(work.resolve("journal"), work.resolve("blobs"), brokerUri, dicomPort);
    }

    private static void waitUntilUp(GatewayJvm gateway) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!String.valueOf(gateway.health()).contains("\"xray-bench\":\"UP\"")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the dicos device did not come up: " + gateway.health());
            }
            Thread.sleep(100);
        }
    }

    /**
     * Waits until the gateway has delivered everything it journalled (nothing stored or in flight), so that
     * no timing shares the two cores with the previous image's delivery: at a lane, scans come tens of
     * seconds apart and one 50 MB image is delivered in about a second.
     */
    private static void awaitDelivered(GatewayJvm gateway) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (gateway.metric("scangate_journal_entries{state=\"stored\"")
                + gateway.metric("scangate_journal_entries{state=\"inflight\"") != 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the gateway did not deliver the previous image within 120 s");
            }
            Thread.sleep(50);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }

    /**
     * The raw ceilings: a loopback socket whose reader counts and discards (or writes to a file and fsyncs),
     * answering one byte once it has all; the writer uses the same 64 KiB buffering as the SCU.
     */
    private static final class RawSink implements AutoCloseable {

        private final ServerSocket server;
        private final Path file;

        private RawSink(ServerSocket server, Path file) {
            this.server = server;
            this.file = file;
        }

        static RawSink start(Path file) throws IOException {
            return new RawSink(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()), file);
        }

        double copy(byte[] bytes, boolean toDisk) throws Exception {
            long[] received = new long[1];
            Thread reader = new Thread(() -> {
                try (Socket socket = server.accept(); InputStream in = socket.getInputStream();
                     OutputStream out = socket.getOutputStream();
                     FileChannel channel = toDisk ? FileChannel.open(file, StandardOpenOption.CREATE,
                             StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING) : null) {
                    byte[] buffer = new byte[BUFFER];
                    while (received[0] < bytes.length) {
                        int read = in.read(buffer);
                        if (read < 0) {
                            break;
                        }
                        if (channel != null) {
                            ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, read);
                            while (chunk.hasRemaining()) {
                                channel.write(chunk);
                            }
                        }
                        received[0] += read;
                    }
                    if (channel != null) {
                        channel.force(true);
                    }
                    out.write(1);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }, "raw-sink");
            reader.start();
            long start = System.nanoTime();
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                socket.setTcpNoDelay(true);
                OutputStream out = socket.getOutputStream();
                for (int at = 0; at < bytes.length; at += BUFFER) {
                    out.write(bytes, at, Math.min(BUFFER, bytes.length - at));
                }
                out.flush();
                if (socket.getInputStream().read() != 1) {
                    throw new IllegalStateException("raw sink did not acknowledge");
                }
            }
            long elapsed = System.nanoTime() - start;
            reader.join();
            if (received[0] != bytes.length) {
                throw new IllegalStateException("raw sink received " + received[0] + " of " + bytes.length);
            }
            return bytes.length / 1e6 / (elapsed / 1e9);
        }

        /** The disk alone: the bytes written from memory in 64 KiB writes, then fsynced. */
        double writeAndForce(byte[] bytes) throws IOException {
            long start = System.nanoTime();
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                for (int at = 0; at < bytes.length; at += BUFFER) {
                    ByteBuffer chunk = ByteBuffer.wrap(bytes, at, Math.min(BUFFER, bytes.length - at));
                    while (chunk.hasRemaining()) {
                        channel.write(chunk);
                    }
                }
                channel.force(true);
            }
            return bytes.length / 1e6 / ((System.nanoTime() - start) / 1e9);
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
