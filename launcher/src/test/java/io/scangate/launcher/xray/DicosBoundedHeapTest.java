package io.scangate.launcher.xray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scangate.gateway.testing.CountingSubscriber;
import io.scangate.gateway.testing.MosquittoBroker;
import io.scangate.launcher.GatewayProcess;
import io.scangate.proto.v1.ImageRef;
import io.scangate.proto.v1.XrayScan;
import io.scangate.simulator.dicos.DicomUids;
import io.scangate.simulator.dicos.DicosScanner;
import io.scangate.simulator.dicos.DicosSettings;
import io.scangate.simulator.dicos.ScuAssociation;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * More than 1 GiB of images through a gateway JVM limited to {@value #MAX_HEAP}: the simulated scanner
 * (the simulator's SCU) stores 50 dual-energy scans of 11 MB images and some threat reports; every C-STORE
 * succeeds, every scan message reaches a subscriber through a real Mosquitto, each names the blob holding
 * exactly the bytes the scanner sent, and once all has passed the gateway's heap after a full GC holds less
 * than {@value #LIVE_BOUND_MIB} MiB (nothing of the images is retained). The -Xmx is the hard bound: the gateway runs with
 * -XX:+ExitOnOutOfMemoryError, so running out of heap ends it and fails the test.
 */
class DicosBoundedHeapTest {

    private static final String MAX_HEAP = "64m";
    private static final int SCANS = 50;
    private static final long LIVE_BOUND_MIB = 32;
    private static final String HEAP_USED = "jvm_memory_used_bytes{area=\"heap\"";

    @Test
    void aGigabyteOfImagesPassesThroughABoundedHeap(@TempDir Path dir) throws Exception {
        int dicomPort = GatewayProcess.freePort();
        Path blobs = dir.resolve("blobs");
        String yaml = """
                site: test-port
                gatewayId: gw-heap
                journal: {directory: '%s', maxBytes: 64MiB, segmentBytes: 4MiB, maxRecordBytes: 1MiB}
                blobs: {directory: '%s', maxBytes: 2GiB}
                mqtt: {serverUri: '%%s', reconnectMin: 200ms, reconnectMax: 2s}
                devices:
                  - id: xray-1
                    driver: dicos
                    lane: lane-1
                    family: XRAY
                    transport: {kind: tcp-server, host: 127.0.0.1, port: %d}
                    params: {calledAeTitle: SCANGATE, acceptedCallingAeTitles: [SCANNER1]}
                """.formatted(dir.resolve("journal"), blobs, dicomPort);
        DicosSettings settings = DicosSettings.defaults("127.0.0.1", dicomPort)
                .withScans(SCANS, 3600, 1_000_000)
                .withImages(DicomUids.DICOS_DX_FOR_PRESENTATION, List.of("TOP"), true, DicosSettings.DEFAULT_ROWS,
                        DicosSettings.DEFAULT_COLUMNS)
                .withReports(0.25, 0.5);

        try (MosquittoBroker broker = MosquittoBroker.start();
             CountingSubscriber backEnd = CountingSubscriber.connect(broker.uri(), "xray-heap-back-end", "scangate/v1/+/+/+/scan");
             GatewayProcess gateway = GatewayProcess.start(dir, yaml.formatted(broker.uri()), MAX_HEAP)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> gateway.health().contains("\"xray-1\":\"UP\""));
            AtomicLong peakHeap = new AtomicLong();
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> peakHeap.accumulateAndGet((long) gateway.metric(HEAP_USED), Math::max),
                    0, 100, TimeUnit.MILLISECONDS);

            List<DicosScanner.SentScan> sent = new ArrayList<>();
            int stored;
            try {
                stored = new DicosScanner(settings).run(sent::add);
            } finally {
                sampler.shutdownNow();
            }

            List<ScuAssociation.StoreResult> results = sent.stream().flatMap(scan -> scan.results().stream()).toList();
            long imageBytes = sent.stream().mapToLong(scan -> scan.scan().imageBytes()).sum();
            assertThat(stored).as(gateway.logText()).isEqualTo(SCANS);
            assertThat(results).allMatch(ScuAssociation.StoreResult::success);
            assertThat(imageBytes).isGreaterThan(1L << 30);
            await("every scan at the back-end").atMost(Duration.ofSeconds(60))
                    .until(() -> backEnd.count() == results.size());
            assertThat(backEnd.duplicates()).isZero();
            Map<String, ImageRef> announced = backEnd.envelopes().stream().map(envelope -> envelope.getXrayScan())
                    .collect(Collectors.toMap(XrayScan::getScanId, scan -> scan.getImages(0)));
            for (ScuAssociation.StoreResult result : results) {
                ImageRef image = announced.get(result.sopInstanceUid());
                assertThat(image).as(result.sopInstanceUid()).isNotNull();
                Path blob = blobs.resolve("sha256").resolve(image.getSha256().substring(0, 2))
                        .resolve(image.getSha256().substring(2));
                String[] digests = sha256OfFileAndDataset(blob);
                assertThat(digests[0]).as("the blob's name is its content's hash").isEqualTo(image.getSha256());
                assertThat(digests[1]).as("the blob holds the dataset the scanner sent").isEqualTo(result.datasetSha256());
            }
            assertThat(gateway.alive()).as("the gateway did not run out of its %s heap", MAX_HEAP).isTrue();
            assertThat(peakHeap.get()).as("peak heap sampled from /metrics").isPositive();
            long live = liveHeapAfterFullGc(gateway);
            assertThat(live).as("heap in use after a full GC, once 1 GiB has passed").isLessThan(LIVE_BOUND_MIB << 20);
            System.out.printf("dicos heap test: %d scans, %d instances, %d image bytes, peak heap used %.1f MiB,"
                    + " live after full GC %.1f MiB, -Xmx%s%n", SCANS, results.size(), imageBytes,
                    peakHeap.get() / 1048576.0, live / 1048576.0, MAX_HEAP);
        }
    }

    /** Asks the gateway JVM for a full GC with the JDK's jcmd, then reads its heap in use from /metrics. */
    private static long liveHeapAfterFullGc(GatewayProcess gateway) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(gateway.pid()), "GC.run")
                .redirectErrorStream(true).start();
        String output = new String(gc.getInputStream().readAllBytes());
        assertThat(gc.waitFor(30, TimeUnit.SECONDS) && gc.exitValue() == 0).as("jcmd GC.run: " + output).isTrue();
        return (long) gateway.metric(HEAP_USED);
    }

    /** SHA-256 of the whole Part-10 file, and of the dataset after its file meta group, in one read. */
    private static String[] sha256OfFileAndDataset(Path file) throws Exception {
        MessageDigest whole = MessageDigest.getInstance("SHA-256");
        MessageDigest dataset = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(144);
            long metaEnd = 144 + (ByteBuffer.wrap(head, 140, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL);
            whole.update(head);
            byte[] meta = in.readNBytes((int) (metaEnd - 144));
            whole.update(meta);
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                whole.update(buffer, 0, read);
                dataset.update(buffer, 0, read);
            }
        }
        Function<MessageDigest, String> hex = digest -> HexFormat.of().formatHex(digest.digest());
        return new String[] {hex.apply(whole), hex.apply(dataset)};
    }
}
