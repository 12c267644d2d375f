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
 * What happens to vehicles still open when the gateway JVM goes away (docs/architecture.md): the lane expects an
 * OCR read no device sends and has a long deadline, so every occupancy stays open. A SIGKILL leaves them in the
 * state file and the next start publishes them as incomplete "gateway restarted"; a SIGTERM publishes them as
 * incomplete "gateway stopped". Either way each occupancy gets exactly one inspection, none is dropped.
 */
class InspectionRestartEndToEndTest {

    private static final int OCCUPANCIES = 4;

    @Test
    void vehiclesOpenAtAKillArePublishedAsRestartedAtTheNextStart(@TempDir Path dir) throws Exception {
        assertOpenVehiclesSurvive(dir, true, "gateway restarted", MissingReason.MISSING_REASON_GATEWAY_RESTARTED);
    }

    @Test
    void vehiclesOpenAtAnOrderlyStopArePublishedAsStopped(@TempDir Path dir) throws Exception {
        assertOpenVehiclesSurvive(dir, false, "gateway stopped", MissingReason.MISSING_REASON_GATEWAY_STOPPED);
    }

    private static void assertOpenVehiclesSurvive(Path dir, boolean kill, String closedBy, MissingReason reason)
            throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start();
             CountingSubscriber backEnd = CountingSubscriber.connect(broker.uri(), "restart-back-end", "scangate/v1/+/+/+/+");
             Simulator simulator = Simulator.start(SimulatorOptions.builder().lanes(1).seed(11).acceleration(100)
                     .maxOccupanciesPerLane(OCCUPANCIES).build())) {
            String lane = simulator.laneIds().get(0);
            String yaml = """
                    site: test-port
                    gatewayId: gw-test
                    journal: {directory: '%s', maxBytes: 64MiB, segmentBytes: 4MiB, maxRecordBytes: 1MiB}
                    mqtt: {serverUri: '%s', reconnectMin: 200ms, reconnectMax: 2s}
                    devices:
                      - {id: %s-rpm, driver: vm250, lane: %s, transport: {kind: tcp-client, host: 127.0.0.1, port: %d,
                         reconnectMin: 100ms, reconnectMax: 1s}}
                    correlation:
                      sweepInterval: 200ms
                      lanes:
                        - lane: %s
                          parts: [{kind: conveyance}, {kind: radiation, after: 1s, tolerance: 1s}]
                          deadline: 10m
                    """.formatted(dir.resolve("journal"), broker.uri(), lane, lane, simulator.port(lane), lane);

            try (GatewayProcess first = GatewayProcess.start(Files.createDirectories(dir.resolve("life-1")), yaml, "256m")) {
                assertThat(simulator.awaitCompleted(Duration.ofMinutes(2))).as("simulator finished").isTrue();
                await("every occupancy open in the correlator").atMost(Duration.ofSeconds(30))
                        .until(() -> first.metric("scangate_correlation_open{lane=\"" + lane + "\"") == OCCUPANCIES);
                assertThat(backEnd.byKind("inspection")).isEmpty();
                if (kill) {
                    first.kill();
                } else {
                    assertThat(first.stop()).isIn(0, 143);
                }
            }
            try (GatewayProcess second = GatewayProcess.start(Files.createDirectories(dir.resolve("life-2")), yaml, "256m")) {
                await("an inspection per open vehicle").atMost(Duration.ofMinutes(1))
                        .until(() -> inspections(backEnd).size() >= OCCUPANCIES);
                await("every radiation scan delivered").atMost(Duration.ofMinutes(1))
                        .until(() -> radiationIds(backEnd).size() >= OCCUPANCIES);

                List<Inspection> inspections = inspections(backEnd);
                assertThat(inspections).hasSize(OCCUPANCIES).allSatisfy(i -> {
                    assertThat(i.getClosedBy()).isEqualTo(closedBy);
                    assertThat(i.getComplete()).isFalse();
                    assertThat(i.getMissingList()).singleElement().satisfies(m -> {
                        assertThat(m.getPart()).isEqualTo(InspectionPart.INSPECTION_PART_CONVEYANCE);
                        assertThat(m.getReason()).isEqualTo(reason);
                        assertThat(m.getDetail()).isNotBlank();
                    });
                });
                assertThat(inspections.stream().map(i -> i.getRadiation().getEventId()).collect(Collectors.toSet()))
                        .isEqualTo(radiationIds(backEnd));
                assertThat(second.metric("scangate_correlation_open{lane=\"" + lane + "\"")).isZero();
            }
        }
    }

    /** Distinct inspection records (QoS 1 may deliver one twice; the event id tells). */
    private static List<Inspection> inspections(CountingSubscriber backEnd) {
        return backEnd.byKind("inspection").stream().collect(Collectors.toMap(r -> r.envelope().getEventId(),
                        r -> r.envelope().getInspection(), (a, b) -> a)).values().stream().toList();
    }

    private static Set<String> radiationIds(CountingSubscriber backEnd) {
        return backEnd.byKind("radiation").stream().map(Received::envelope).map(e -> e.getEventId())
                .collect(Collectors.toSet());
    }
}
