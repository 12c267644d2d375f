package io.scangate.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scangate.gateway.testing.CountingSubscriber;
import io.scangate.gateway.testing.CountingSubscriber.Received;
import io.scangate.gateway.testing.MosquittoBroker;
import io.scangate.proto.v1.CheckDigitResult;
import io.scangate.proto.v1.ContainerCode;
import io.scangate.proto.v1.ConveyanceId;
import io.scangate.proto.v1.Envelope;
import io.scangate.simulator.ocr.HttpOcrPortal;
import io.scangate.simulator.ocr.OcrFault;
import io.scangate.simulator.ocr.OcrFaults;
import io.scangate.simulator.ocr.OcrPortal;
import io.scangate.simulator.ocr.OcrReadGenerator;
import io.scangate.simulator.ocr.PortalRead;
import io.scangate.simulator.ocr.SimulatedRead;
import io.scangate.simulator.ocr.TcpOcrPortal;
import io.scangate.simulator.vehicle.Iso6346;
import io.scangate.simulator.vehicle.VehicleGenerator;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simulated OCR portal POSTing to the gateway's webhook: every read it was told was stored reaches a
 * back-end through the journal and a real Mosquitto exactly once as a ConveyanceId, with the codes as read
 * and the flags the ISO 6346 check must give; a bad body gets 400 and a counter, and the gateway keeps serving.
 */
class OcrEndToEndTest {

    private static final int VEHICLES = 300;
    private static final Instant START = Instant.parse("2026-11-26T06:00:00Z");

    @Test
    void everyStoredReadArrivesOnceWithItsCodesAndFlags(@TempDir Path dir) throws Exception {
        int port = GatewayProcess.freePort();
        URI webhook = URI.create("http://127.0.0.1:" + port + "/ocr/reads");
        try (MosquittoBroker broker = MosquittoBroker.start();
             CountingSubscriber backEnd = CountingSubscriber.connect(broker.uri(), "ocr-back-end", "scangate/v1/#");
             GatewayProcess gateway = GatewayProcess.start(dir, yaml(broker.uri(), port, dir), "256m");
             OcrPortal portal = new HttpOcrPortal(webhook)) {

            OcrReadGenerator engine = new OcrReadGenerator(OcrFaults.realistic().scaled(4), 17);
            VehicleGenerator traffic = new VehicleGenerator(18);
            List<PortalRead> stored = new ArrayList<>();
            Map<String, SimulatedRead> truthByReadId = new HashMap<>();
            Map<OcrFault, Integer> faults = new EnumMap<>(OcrFault.class);
            awaitListening(portal);
            for (int i = 0; i < VEHICLES; i++) {
                SimulatedRead simulated = engine.read(traffic.next(), "lane-3", START.plusSeconds(120L * i));
                simulated.containerFaults().forEach(set -> set.forEach(f -> faults.merge(f, 1, Integer::sum)));
                simulated.plateFaults().forEach(f -> faults.merge(f, 1, Integer::sum));
                if (simulated.read().isEmpty()) {
                    continue;
                }
                PortalRead read = simulated.read().get();
                OcrPortal.Delivery delivery = portal.send(read);
                assertThat(delivery.status()).as("answer to %s", read.readId()).isEqualTo(200);
                stored.add(read);
                truthByReadId.put(read.readId(), simulated);
            }
            assertThat(faults.keySet()).as("the run exercised every fault").containsExactlyInAnyOrder(OcrFault.values());

            OcrPortal.Delivery bad = portal.sendRaw("{\"readId\": \"broken\", \"lane\": ");
            assertThat(bad.status()).isEqualTo(400);
            PortalRead after = engine.read(traffic.next(), "lane-3", START.plusSeconds(120L * VEHICLES)).read().orElseThrow();
            assertThat(portal.send(after).status()).as("the gateway keeps serving").isEqualTo(200);
            stored.add(after);

            await("every stored read at the back-end").atMost(Duration.ofMinutes(1))
                    .until(() -> readsById(backEnd).keySet().containsAll(stored.stream().map(PortalRead::readId).toList()));
            Map<String, List<Envelope>> received = readsById(backEnd);
            assertThat(received).hasSize(stored.size());
            for (PortalRead read : stored) {
                List<Envelope> copies = received.get(read.readId());
                assertThat(copies.stream().map(Envelope::getEventId).distinct()).as("events of %s", read.readId()).hasSize(1);
                Envelope envelope = copies.get(0);
                assertThat(envelope.getDevice().getLane()).isEqualTo("lane-3");
                assertThat(envelope.getDevice().getFamily()).as("the driver's family").isEqualTo("OCR");
                assertThat(Instant.ofEpochSecond(envelope.getDeviceTime().getSeconds(), envelope.getDeviceTime().getNanos()))
                        .isEqualTo(read.time());
                assertRead(read, envelope.getConveyanceId(), truthByReadId.get(read.readId()));
            }
            await("the bad body counted").atMost(Duration.ofSeconds(10))
                    .until(() -> gateway.metric("scangate_device_decode_errors_total{device=\"ocr-gate-3\",reason=\"invalid_json\"") == 1);
            assertThat(backEnd.byKind("raw")).extracting(r -> r.envelope().getRawRecord().getTag()).contains("ocr-read");
            assertThat(gateway.alive()).isTrue();
        }
    }

    @Test
    void tcpLinesArriveOnceEachAndABadLineIsKeptRaw(@TempDir Path dir) throws Exception {
        int port = GatewayProcess.freePort();
        String yaml = yaml("tcp://unused", port, dir).replace("framing: HTTP, path: /ocr/reads, maxBodyBytes: 16384",
                "framing: TCP, maxLineBytes: 2048");
        try (MosquittoBroker broker = MosquittoBroker.start();
             CountingSubscriber backEnd = CountingSubscriber.connect(broker.uri(), "ocr-tcp-back-end", "scangate/v1/#");
             GatewayProcess gateway = GatewayProcess.start(dir, yaml.replace("tcp://unused", broker.uri()), "256m")) {
            OcrReadGenerator engine = new OcrReadGenerator(OcrFaults.realistic().scaled(4), 21);
            VehicleGenerator traffic = new VehicleGenerator(22);
            List<PortalRead> sent = new ArrayList<>();
            try (OcrPortal portal = await("the gateway listens").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> new TcpOcrPortal("127.0.0.1", port), p -> true)) {
                for (int i = 0; i < 100; i++) {
                    SimulatedRead simulated = engine.read(traffic.next(), "lane-3", START.plusSeconds(60L * i));
                    if (simulated.read().isPresent()) {
                        portal.send(simulated.read().get());
                        sent.add(simulated.read().get());
                    }
                    if (i == 50) {
                        portal.sendRaw("readId=broken;lane=lane-3;time=not-a-time");
                    }
                }
            }
            await("every line at the back-end").atMost(Duration.ofMinutes(1))
                    .until(() -> readsById(backEnd).keySet().containsAll(sent.stream().map(PortalRead::readId).toList()));
            Map<String, List<Envelope>> received = readsById(backEnd);
            assertThat(received).hasSize(sent.size());
            for (PortalRead read : sent) {
                assertThat(received.get(read.readId()).stream().map(Envelope::getEventId).distinct()).hasSize(1);
                assertThat(received.get(read.readId()).get(0).getConveyanceId().getContainersList())
                        .extracting(ContainerCode::getCode)
                        .containsExactlyElementsOf(read.containers().stream().map(PortalRead.Container::code).toList());
            }
            await("the bad line kept raw").atMost(Duration.ofSeconds(10)).until(() -> backEnd.byKind("raw").stream()
                    .anyMatch(r -> r.envelope().getRawRecord().getPayload().toStringUtf8().startsWith("readId=broken")));
            assertThat(gateway.metric("scangate_device_decode_errors_total{device=\"ocr-gate-3\",reason=\"invalid_read\"")).isEqualTo(1);
        }
    }

    /** What the back-end got must be what the portal sent, flagged as the simulator's own check says. */
    private static void assertRead(PortalRead sent, ConveyanceId got, SimulatedRead truth) {
        assertThat(got.getContainersList()).extracting(ContainerCode::getCode)
                .containsExactlyElementsOf(sent.containers().stream().map(PortalRead.Container::code).toList());
        assertThat(got.getContainersList()).extracting(ContainerCode::getConfidence)
                .containsExactlyElementsOf(sent.containers().stream().map(PortalRead.Container::confidence).toList());
        for (ContainerCode code : got.getContainersList()) {
            boolean shaped = code.getCode().matches("[A-Z]{3}[UJZ][0-9]{7}");
            CheckDigitResult expected = !shaped ? CheckDigitResult.CHECK_DIGIT_MALFORMED
                    : Iso6346.valid(code.getCode()) ? CheckDigitResult.CHECK_DIGIT_VALID
                    : CheckDigitResult.CHECK_DIGIT_INVALID;
            assertThat(code.getCheck()).as(code.getCode()).isEqualTo(expected);
            if (!shaped) {
                // one look-alike swapped: the correction is the true number, which is among the vehicle's
                assertThat(truth.truth().containers()).as("suggestion for %s", code.getCode()).contains(code.getSuggestedCorrection());
            } else {
                assertThat(code.getSuggestedCorrection()).isEmpty();
            }
        }
        if (sent.plate() == null) {
            assertThat(got.getLicencePlate()).isEmpty();
            assertThat(truth.plateFaults()).isEqualTo(Set.of(OcrFault.NO_PLATE));
        } else {
            assertThat(got.getLicencePlate()).isEqualTo(sent.plate().text());
            assertThat(got.getLicencePlateConfidence()).isEqualTo(sent.plate().confidence());
        }
        assertThat(got.getImagesList()).hasSize(sent.images().size());
        assertThat(got.getSourceDevice()).isEqualTo("ocr-gate-3");
    }

    private static Map<String, List<Envelope>> readsById(CountingSubscriber backEnd) {
        return backEnd.byKind("conveyance").stream().map(Received::envelope)
                .collect(Collectors.groupingBy(e -> e.getConveyanceId().getReadId()));
    }

    /** The gateway is up once its ops endpoint is; its webhook listens a moment later. */
    private static void awaitListening(OcrPortal portal) {
        await("the webhook answers").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> portal.sendRaw("{}").status() == 400);
    }

    private static String yaml(String brokerUri, int port, Path dir) {
        return """
                site: test-port
                gatewayId: gw-ocr
                journal: {directory: '%s', maxBytes: 64MiB, segmentBytes: 4MiB, maxRecordBytes: 1MiB}
                mqtt: {serverUri: '%s', reconnectMin: 200ms, reconnectMax: 2s}
                devices:
                  - id: ocr-gate-3
                    driver: ocr
                    lane: lane-3
                    transport: {kind: tcp-server, host: 127.0.0.1, port: %d}
                    params: {framing: HTTP, path: /ocr/reads, maxBodyBytes: 16384}
                """.formatted(dir.resolve("journal"), brokerUri, port);
    }
}
