package io.scangate.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scangate.gateway.testing.CountingSubscriber;
import io.scangate.gateway.testing.MosquittoBroker;
import io.scangate.gateway.testing.SelfSignedCertificate;
import io.scangate.simulator.ocr.HttpOcrPortal;
import io.scangate.simulator.ocr.OcrFaults;
import io.scangate.simulator.ocr.OcrPortal;
import io.scangate.simulator.ocr.OcrReadGenerator;
import io.scangate.simulator.ocr.PortalRead;
import io.scangate.simulator.vehicle.VehicleGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The webhook over HTTPS (a keytool self-signed PKCS#12 key store on the tcp-server transport): reads arrive,
 * a client that speaks plain HTTP to the TLS port is counted and cut, and the gateway keeps serving.
 */
class OcrHttpsEndToEndTest {

    @Test
    void readsArriveOverHttpsAndPlainTextOnTheTlsPortIsCounted(@TempDir Path dir) throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir);
        int port = GatewayProcess.freePort();
        URI webhook = URI.create("https://127.0.0.1:" + port + "/ocr/reads");
        try (MosquittoBroker broker = MosquittoBroker.start();
             CountingSubscriber backEnd = CountingSubscriber.connect(broker.uri(), "ocr-tls-back-end", "scangate/v1/#");
             GatewayProcess gateway = GatewayProcess.start(dir, yaml(broker.uri(), port, dir, cert), "256m");
             OcrPortal portal = new HttpOcrPortal(webhook, null, 5, Duration.ofSeconds(1), cert.clientContext())) {

            await("the webhook answers over TLS").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> portal.sendRaw("{}").status() == 400);
            plainTextTo(port);
            OcrReadGenerator engine = new OcrReadGenerator(OcrFaults.none(), 3);
            VehicleGenerator traffic = new VehicleGenerator(4);
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                PortalRead read = engine.read(traffic.next(), "lane-4", Instant.parse("2026-11-26T09:00:00Z").plusSeconds(i))
                        .read().orElseThrow();
                assertThat(portal.send(read).status()).isEqualTo(200);
                sent.add(read.readId());
            }
            await("every read at the back-end").atMost(Duration.ofSeconds(30)).until(() -> backEnd.byKind("conveyance").stream()
                    .map(r -> r.envelope().getConveyanceId().getReadId()).distinct().count() == sent.size());
            await("the plain-text client counted").atMost(Duration.ofSeconds(10))
                    .until(() -> gateway.metric("scangate_device_decode_errors_total{device=\"ocr-tls\",reason=\"tls_failed\"") >= 1);
            assertThat(gateway.alive()).isTrue();
        }
    }

    private static void plainTextTo(int port) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("POST /ocr/reads HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(socket.getInputStream().read()).as("the gateway closes a connection that is not TLS").isEqualTo(-1);
        }
    }

    private static String yaml(String brokerUri, int port, Path dir, SelfSignedCertificate cert) {
        return """
                site: test-port
                gatewayId: gw-ocr-tls
                journal: {directory: '%s', maxBytes: 64MiB, segmentBytes: 4MiB, maxRecordBytes: 1MiB}
                mqtt: {serverUri: '%s', reconnectMin: 200ms, reconnectMax: 2s}
                devices:
                  - id: ocr-tls
                    driver: ocr
                    family: OCR
                    lane: lane-4
                    transport:
                      kind: tcp-server
                      host: 127.0.0.1
                      port: %d
                      tls: {keyStoreFile: '%s', keyStorePasswordFile: '%s'}
                """.formatted(dir.resolve("journal"), brokerUri, port, cert.keyStore(), cert.passwordFile());
    }
}
