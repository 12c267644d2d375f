package io.scangate.simulator;

import io.scangate.simulator.scenario.ScenarioSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A real TCP client reads a lane: every line follows the grammar and the ground truth matches the wire. */
class LaneServerTest {

    private static final int OCCUPANCIES = 40;

    @Test
    void groundTruthMatchesWhatWasRead() throws Exception {
        SimulatorOptions options = SimulatorOptions.builder().seed(3).acceleration(1000)
                .maxOccupanciesPerLane(OCCUPANCIES)
                .scenario(ScenarioSettings.defaults().withAlarmProbabilities(0.2, 0.1))
                .build();
        try (Simulator sim = Simulator.start(options); WireClient client = new WireClient(sim.port("lane-1"))) {
            List<byte[]> lines = client.readUntil(read -> WireClient.count(read, "GX") == OCCUPANCIES);
            assertThat(sim.awaitCompleted(Duration.ofSeconds(30))).isTrue();
            List<String> text = client.text();

            assertThat(text.subList(0, 5)).extracting(l -> l.substring(0, 3))
                    .containsExactly("SG1", "SG2", "SG3", "SN1", "SN2");
            assertThat(text).allSatisfy(line -> assertThat(Vm250Grammar.isDeviceLine(line)).as(line).isTrue());

            List<OccupancyTruth> truth = sim.groundTruth();
            assertThat(truth).hasSize(OCCUPANCIES);
            assertThat(truth).allSatisfy(t -> {
                assertThat(t.gxSent()).isTrue();
                assertThat(t.interrupted()).isFalse();
                assertThat(t.faults()).isEmpty();
            });
            List<Integer> wireCounters = new ArrayList<>();
            List<Boolean> wireGammaAlarms = new ArrayList<>();
            List<Integer> wireGammaLines = new ArrayList<>();
            boolean gammaAlarm = false;
            int gammaLines = 0;
            for (String line : text) {
                if (line.startsWith("GA,")) {
                    gammaAlarm = true;
                }
                if (line.startsWith("GA,") || line.startsWith("GS,")) {
                    gammaLines++;
                }
                if (line.startsWith("GX,")) {
                    wireCounters.add(Integer.parseInt(line.substring(3, 9)));
                    wireGammaAlarms.add(gammaAlarm);
                    wireGammaLines.add(gammaLines);
                    gammaAlarm = false;
                    gammaLines = 0;
                }
            }
            assertThat(wireCounters).isEqualTo(truth.stream().map(OccupancyTruth::deviceCounter).toList());
            assertThat(wireGammaAlarms).isEqualTo(truth.stream().map(OccupancyTruth::gammaAlarm).toList());
            assertThat(wireGammaAlarms).contains(true);
            assertThat(wireGammaLines).isEqualTo(truth.stream().map(t -> t.gsLines() + t.gaLines()).toList());
            assertThat(WireClient.count(lines, "NA")).isEqualTo(truth.stream().mapToInt(OccupancyTruth::naLines).sum());
        }
    }

    @Test
    void lanesHaveTheirOwnPortsAndSeeds() throws Exception {
        SimulatorOptions options = SimulatorOptions.builder().lanes(3).seed(5).acceleration(1000)
                .maxOccupanciesPerLane(5).build();
        try (Simulator sim = Simulator.start(options)) {
            assertThat(sim.laneIds()).containsExactly("lane-1", "lane-2", "lane-3");
            assertThat(sim.laneIds().stream().map(sim::port).distinct()).hasSize(3);
            List<List<String>> perLane = new ArrayList<>();
            for (String lane : sim.laneIds()) {
                try (WireClient client = new WireClient(sim.port(lane))) {
                    client.readUntil(read -> WireClient.count(read, "GX") == 5);
                    perLane.add(client.text().stream().filter(l -> l.startsWith("GS")).toList());
                }
            }
            assertThat(sim.awaitCompleted(Duration.ofSeconds(30))).isTrue();
            assertThat(sim.groundTruth()).hasSize(15);
            assertThat(perLane.get(0)).isNotEqualTo(perLane.get(1));
        }
    }

    @Test
    void aSecondClientIsRefusedWhileOneIsServed() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorOptions.builder().acceleration(1000).build());
             WireClient first = new WireClient(sim.port("lane-1"))) {
            first.readUntil(read -> read.size() >= 5);
            try (WireClient second = new WireClient(sim.port("lane-1"))) {
                second.readUntil(read -> false);
                assertThat(second.endOfStream()).isTrue();
                assertThat(second.text()).isEmpty();
            }
        }
    }
}
