package io.scangate.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scangate.gateway.testing.CountingSubscriber;
import io.scangate.gateway.testing.CountingSubscriber.Received;
import io.scangate.gateway.testing.MosquittoBroker;
import io.scangate.proto.v1.Envelope;
import io.scangate.proto.v1.NuclideIdentification;
import io.scangate.proto.v1.RadiationScan;
import io.scangate.simulator.n42.N42LaneServer;
import io.scangate.simulator.n42.N42LaneSettings;
import io.scangate.simulator.n42.SentDocument;
import io.scangate.simulator.n42.SimulatedDocument.Kind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A simulated spectroscopic portal over STX/ETX TCP: every passage document becomes one scan, alarms keep their nuclide. */
class N42EndToEndTest {

    private static final int DOCUMENTS = 40;

    @Test
    void everyPassageDocumentBecomesOneScanWithItsAlarmAndNuclide(@TempDir Path dir) throws Exception {
        N42LaneSettings settings = N42LaneSettings.defaults().withSeed(5).withAcceleration(100)
                .withOccupanciesPerHour(120).withAlarmProbability(0.3).withMaxDocuments(DOCUMENTS);
        try (MosquittoBroker broker = MosquittoBroker.start();
             CountingSubscriber backEnd = CountingSubscriber.connect(broker.uri(), "n42-back-end", "scangate/v1/#");
             N42LaneServer portal = N42LaneServer.start(settings);
             GatewayProcess gateway = GatewayProcess.start(dir, yaml(broker.uri(), portal.port(), dir), "256m")) {

            await("the portal sent its documents").atMost(Duration.ofMinutes(2)).until(() -> portal.groundTruth().size() >= DOCUMENTS);
            List<SentDocument> sent = portal.groundTruth();
            List<SentDocument> passages = sent.stream().filter(d -> d.kind() != Kind.BACKGROUND).toList();
            long backgrounds = sent.size() - passages.size();
            await("every document at the back-end").atMost(Duration.ofMinutes(1)).until(() ->
                    scansById(backEnd).keySet().containsAll(passages.stream().map(SentDocument::uuid).toList())
                            && measurements(backEnd) >= backgrounds);

            Map<String, RadiationScan> scans = scansById(backEnd);
            assertThat(scans).hasSize(passages.size());
            for (SentDocument d : passages) {
                RadiationScan scan = scans.get(d.uuid());
                assertThat(scan.getGammaAlarm()).as("alarm of %s", d.uuid()).isEqualTo(d.kind() == Kind.ALARM);
                assertThat(scan.getSpectraList()).as("spectra of %s", d.uuid())
                        .extracting(s -> s.getChannelCountsList().stream().mapToLong(Integer::longValue).sum())
                        .containsExactlyElementsOf(d.gammaSums());
                if (d.kind() == Kind.ALARM) {
                    assertThat(scan.getNuclidesList()).extracting(NuclideIdentification::getNuclide).contains(d.nuclide());
                }
            }
            assertThat(passages).as("the run exercised alarms").anyMatch(d -> d.kind() == Kind.ALARM);
            assertThat(gateway.metric("scangate_device_decode_errors_total")).isZero();
        }
    }

    private static Map<String, RadiationScan> scansById(CountingSubscriber backEnd) {
        return backEnd.byKind("radiation").stream().map(Received::envelope).map(Envelope::getRadiationScan)
                .collect(Collectors.toMap(RadiationScan::getOccupancyId, s -> s, (a, b) -> a));
    }

    private static long measurements(CountingSubscriber backEnd) {
        return backEnd.byKind("measurement").stream().map(r -> r.envelope().getEventId()).distinct().count();
    }

    private static String yaml(String brokerUri, int port, Path dir) {
        return """
                site: test-port
                gatewayId: gw-n42
                journal: {directory: '%s', maxBytes: 64MiB, segmentBytes: 4MiB, maxRecordBytes: 1MiB}
                mqtt: {serverUri: '%s', reconnectMin: 200ms, reconnectMax: 2s}
                devices:
                  - id: spectro-1
                    driver: n42
                    lane: lane-9
                    transport: {kind: tcp-client, host: 127.0.0.1, port: %d, reconnectMin: 100ms, reconnectMax: 1s,
                                idleTimeout: 5m}
                """.formatted(dir.resolve("journal"), brokerUri, port);
    }
}
