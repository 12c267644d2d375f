package io.scangate.launcher.correlate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scangate.gateway.testing.CountingSubscriber;
import io.scangate.gateway.testing.CountingSubscriber.Received;
import io.scangate.gateway.testing.MosquittoBroker;
import io.scangate.launcher.GatewayProcess;
import io.scangate.proto.v1.Inspection;
import io.scangate.proto.v1.InspectionPart;
import io.scangate.proto.v1.MissingReason;
import io.scangate.simulator.Simulator;
import io.scangate.simulator.SimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inspections through the real chain: simulated VM-250 lanes (TCP) -> the gateway JVM with two correlated lanes ->
 * Mosquitto -> a back-end subscribed to {@code scangate/v1/+/+/inspection/inspection}. Lane 1 expects only the
 * radiation part (every occupancy is a complete inspection); lane 2 also expects an OCR read that no device sends
 * (every inspection closes at its deadline saying the conveyance is missing).
 */
class InspectionEndToEndTest {

    private static final int OCCUPANCIES_PER_LANE = 20;

    @Test
    void everyOccupancyBecomesOneInspectionPublishedOnTheLanesInspectionTopic(@TempDir Path dir) throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start();
             CountingSubscriber backEnd = CountingSubscriber.connect(broker.uri(), "e2e-inspections", "scangate/v1/+/+/+/+");
             Simulator simulator = Simulator.start(SimulatorOptions.builder().lanes(2).seed(7).acceleration(200)
                     .maxOccupanciesPerLane(OCCUPANCIES_PER_LANE).build())) {
            List<String> lanes = simulator.laneIds();
            String yaml = gatewayYaml(simulator, broker.uri(), dir) + """
                    correlation:
                      maxOpenPerLane: 64
                      sweepInterval: 200ms
                      lanes:
                        - lane: %s
                          parts: [{kind: radiation}]
                          settle: 0s
                        - lane: %s
                          parts: [{kind: conveyance}, {kind: radiation, after: 1s, tolerance: 1s}]
                          deadline: 3s
                          settle: 0s
                    """.formatted(lanes.get(0), lanes.get(1));
            try (GatewayProcess gateway = GatewayProcess.start(dir, yaml, "256m")) {
                gateway.awaitMqttConnected(Duration.ofSeconds(30));
                assertThat(simulator.awaitCompleted(Duration.ofMinutes(3))).as("simulator finished").isTrue();
                await("an inspection per occupancy").atMost(Duration.ofMinutes(1))
                        .until(() -> backEnd.byKind("inspection").size() >= 2 * OCCUPANCIES_PER_LANE);

                List<Received> inspections = backEnd.byKind("inspection");
                Set<String> radiationIds = backEnd.byKind("radiation").stream().map(r -> r.envelope().getEventId())
                        .collect(Collectors.toSet());
                for (Received r : inspections) {
                    assertThat(r.topic()).isEqualTo("scangate/v1/test-port/" + r.envelope().getDevice().getLane()
                            + "/inspection/inspection");
                    assertThat(r.userProperty("scangate-type")).isEqualTo("scangate.v1.Inspection");
                    Inspection i = r.envelope().getInspection();
                    assertThat(radiationIds).contains(i.getRadiation().getEventId());
                    if (i.getLane().equals(lanes.get(0))) {
                        assertThat(i.getComplete()).isTrue();
                    } else {
                        assertThat(i.getComplete()).isFalse();
                        assertThat(i.getMissingList()).singleElement().satisfies(m -> {
                            assertThat(m.getPart()).isEqualTo(InspectionPart.INSPECTION_PART_CONVEYANCE);
                            assertThat(m.getReason()).isEqualTo(MissingReason.MISSING_REASON_TIMEOUT);
                        });
                    }
                }
                assertThat(inspections.stream().map(r -> r.envelope().getInspection().getRadiation().getEventId())
                        .collect(Collectors.toSet())).as("one inspection per radiation scan").hasSize(inspections.size())
                        .hasSize(2 * OCCUPANCIES_PER_LANE);
                assertThat(gateway.metric("scangate_inspections_total{lane=\"" + lanes.get(0) + "\",outcome=\"complete\""))
                        .isEqualTo(OCCUPANCIES_PER_LANE);
                assertThat(gateway.metric("scangate_inspections_total{lane=\"" + lanes.get(1) + "\",outcome=\"incomplete\""))
                        .isEqualTo(OCCUPANCIES_PER_LANE);
                assertThat(gateway.stop()).as("orderly stop").isIn(0, 143);
                assertThat(gateway.logText()).contains("component=correlator state=stopped");
                assertThat(Files.exists(dir.resolve("journal").resolve("correlation-state.bin"))).isTrue();
            }
        }
    }

    private static String gatewayYaml(Simulator simulator, String brokerUri, Path dir) {
        StringBuilder yaml = new StringBuilder()
                .append("site: test-port\n")
                .append("gatewayId: gw-test\n")
                .append("journal: {directory: '").append(dir.resolve("journal")).append("', maxBytes: 64MiB, segmentBytes: 4MiB, maxRecordBytes: 1MiB}\n")
                .append("mqtt: {serverUri: '").append(brokerUri).append("', reconnectMin: 200ms, reconnectMax: 2s}\n")
                .append("devices:\n");
        for (String lane : simulator.laneIds()) {
            yaml.append("  - {id: ").append(lane).append("-rpm, driver: vm250, lane: ").append(lane)
                    .append(", transport: {kind: tcp-client, host: 127.0.0.1, port: ").append(simulator.port(lane))
                    .append(", reconnectMin: 100ms, reconnectMax: 1s}}\n");
        }
        return yaml.toString();
    }
}
