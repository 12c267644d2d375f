package io.scangate.driver.dicos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scangate.gateway.testing.CountingSubscriber;
import io.scangate.gateway.testing.MosquittoBroker;
import io.scangate.launcher.GatewayProcess;
import io.scangate.proto.v1.ImageRef;
import io.scangate.proto.v1.XrayScan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scanner (dcmtk's storescu) sends an image to the gateway JVM, which listens as a DICOM SCP: the
 * image lands in the blob store under its SHA-256 and the back-end receives the XrayScan that references it.
 */
class DicosGatewayEndToEndTest {

    @Test
    void anImageStoredByStorescuIsInTheBlobStoreAndAnnouncedToTheBackEnd(@TempDir Path dir) throws Exception {
        int dicomPort = GatewayProcess.freePort();
        Path blobs = dir.resolve("blobs");
        String yaml = """
                site: test-port
                gatewayId: gw-xray
                journal: {directory: '%s', maxBytes: 64MiB, segmentBytes: 4MiB, maxRecordBytes: 1MiB}
                blobs: {directory: '%s', maxBytes: 256MiB}
                mqtt: {serverUri: '%%s', reconnectMin: 200ms, reconnectMax: 2s}
                devices:
                  - id: xray-1
                    driver: dicos
                    lane: lane-1
                    family: XRAY
                    transport: {kind: tcp-server, host: 127.0.0.1, port: %d}
                    params: {calledAeTitle: SCANGATE, acceptedCallingAeTitles: [SCANNER1]}
                """.formatted(dir.resolve("journal"), blobs, dicomPort);
        Path image = TestImages.bmp(dir.resolve("view.bmp"), 320, 240);
        Dcmtk.Result made = Dcmtk.run(dir, "img2dcm", "-i", "BMP", image.toString(), "view.dcm");
        assertThat(made.exitCode()).as(made.output()).isZero();
        byte[] sent = Files.readAllBytes(dir.resolve("view.dcm"));

        try (MosquittoBroker broker = MosquittoBroker.start();
             CountingSubscriber backEnd = CountingSubscriber.connect(broker.uri(), "xray-back-end", "scangate/v1/+/+/+/scan");
             GatewayProcess gateway = GatewayProcess.start(dir, yaml.formatted(broker.uri()), "256m")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> gateway.health().contains("\"xray-1\":\"UP\""));

            Dcmtk.Result store = Dcmtk.run(dir, "storescu", "-v", "-aec", "SCANGATE", "-aet", "SCANNER1", "127.0.0.1",
                    Integer.toString(dicomPort), "view.dcm");

            assertThat(store.exitCode()).as(store.output()).isZero();
            assertThat(store.output()).contains("Received Store Response (Success)");
            await("the scan at the back-end").atMost(Duration.ofSeconds(30)).until(() -> backEnd.count() == 1);
            XrayScan scan = backEnd.envelopes().get(0).getXrayScan();
            ImageRef ref = scan.getImages(0);
            Path stored = blobs.resolve("sha256").resolve(ref.getSha256().substring(0, 2)).resolve(ref.getSha256().substring(2));
            assertThat(stored).exists();
            assertThat(TestImages.sha256(Files.readAllBytes(stored))).isEqualTo(ref.getSha256());
            assertThat(TestImages.dataset(Files.readAllBytes(stored))).isEqualTo(TestImages.dataset(sent));
            assertThat(ref.getWidth()).isEqualTo(320);
            assertThat(ref.getHeight()).isEqualTo(240);
            assertThat(backEnd.received().get(0).topic()).isEqualTo("scangate/v1/test-port/lane-1/xray-1/scan");
        }
    }
}
