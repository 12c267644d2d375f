package io.scangate.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scangate.gateway.testing.CountingSubscriber;
import io.scangate.gateway.testing.MosquittoBroker;
import io.scangate.simulator.Fault;
import io.scangate.simulator.OccupancyTruth;
import io.scangate.simulator.Simulator;
import io.scangate.simulator.SimulatorOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One lane misbehaves (garbage bytes, a 1 MiB line, a connection dropped mid-line); the gateway counts and
 * logs each with the device and the reason, the lane recovers, the other lanes lose nothing, and the
 * gateway stays up.
 */
class BadInputEndToEndTest {

    private static final String BAD_LANE = "lane-1";

    @Test
    void aMisbehavingLaneIsCountedLoggedAndRecoversWithoutHarmingTheOthers(@TempDir Path dir) throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start();
             CountingSubscriber backEnd = CountingSubscriber.connect(broker.uri(), "bad-input-back-end", "scangate/v1/+/+/+/radiation");
             Simulator simulator = Simulator.start(SimulatorOptions.builder().lanes(3).seed(7).acceleration(500)
                     .maxOccupanciesPerLane(30).build())) {
            simulator.inject(BAD_LANE, Fault.GARBAGE);
            simulator.inject(BAD_LANE, Fault.OVERSIZE_FRAME);
            try (GatewayProcess gateway = GatewayProcess.start(dir, Lanes.gatewayYaml(simulator, broker.uri(), dir.resolve("journal"), ""), "256m")) {
                // The drop comes after the other faults were written, so that it cannot cut them off.
                await().atMost(Duration.ofMinutes(1)).until(() -> simulator.groundTruth().stream().anyMatch(t -> !t.faults().isEmpty()));
                simulator.inject(BAD_LANE, Fault.DROP_MID_LINE);

                assertThat(simulator.awaitCompleted(Duration.ofMinutes(3))).isTrue();
                List<OccupancyTruth> truth = simulator.groundTruth();
                List<OccupancyTruth> faulty = truth.stream().filter(t -> !t.faults().isEmpty()).toList();
                assertThat(faulty).as("the simulator put the faults on the wire").isNotEmpty()
                        .allSatisfy(t -> assertThat(t.lane()).isEqualTo(BAD_LANE));
                Set<Fault> injected = faulty.stream().flatMap(t -> t.faults().stream()).collect(Collectors.toSet());
                assertThat(injected).contains(Fault.GARBAGE, Fault.OVERSIZE_FRAME, Fault.DROP_MID_LINE);

                Set<String> complete = truth.stream().filter(t -> t.gxSent() && !t.interrupted())
                        .map(Lanes::key).collect(Collectors.toSet());
                await("every complete occupancy of every lane").atMost(Duration.ofMinutes(2))
                        .until(() -> Lanes.eventIdsByKey(backEnd.byKind("radiation")).keySet().containsAll(complete));

                String device = BAD_LANE + "-rpm";
                assertThat(gateway.metric("scangate_device_decode_errors_total{device=\"" + device + "\",reason=\"garbage\"")).isPositive();
                assertThat(gateway.metric("scangate_device_decode_errors_total{device=\"" + device + "\",reason=\"line_too_long\"")).isPositive();
                assertThat(gateway.metric("scangate_device_decode_errors_total{device=\"" + device + "\",reason=\"truncated_line\"")).isPositive();
                assertThat(gateway.metric("scangate_device_decode_errors_total{device=\"lane-2-rpm\"")).isZero();
                assertThat(gateway.metric("scangate_device_decode_errors_total{device=\"lane-3-rpm\"")).isZero();
                String log = gateway.logText();
                assertThat(log).contains("device=" + device + " reason=garbage", "device=" + device + " reason=line_too_long",
                        "device=" + device + " reason=truncated_line");
                await("the bad lane is UP again").atMost(Duration.ofSeconds(30))
                        .until(() -> gateway.health().contains("\"" + device + "\":\"UP\""));
                assertThat(gateway.alive()).isTrue();
            }
        }
    }
}
