package io.scangate.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scangate.simulator.scenario.FaultSettings;
import io.scangate.simulator.scenario.ScenarioSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

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
    void groundTruthFileHoldsOneJsonLinePerOccupancy(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("truth/ground-truth.jsonl");
        SimulatorOptions options = SimulatorOptions.builder().seed(8).acceleration(2000).maxOccupanciesPerLane(5)
                .groundTruthFile(file).faults(FaultSettings.none().withProbability(Fault.TAMPER, 0.5)).build();
        List<OccupancyTruth> inMemory;
        try (Simulator sim = Simulator.start(options); WireClient client = new WireClient(sim.port("lane-1"))) {
            client.readUntil(read -> WireClient.count(read, "GX") == 5);
            assertThat(sim.awaitCompleted(Duration.ofSeconds(30))).isTrue();
            inMemory = sim.groundTruth();
        }
        ObjectMapper json = new ObjectMapper();
        List<OccupancyTruth> fromFile = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            fromFile.add(json.readValue(line, OccupancyTruth.class));
        }
        assertThat(fromFile).hasSize(5).isEqualTo(inMemory);
        assertThat(Files.readAllLines(file).get(0)).startsWith("{\"lane\":\"lane-1\",\"index\":1,\"deviceCounter\":1,");
    }

    @Test
    void threeLanesOfAHundredOccupanciesAtHighAcceleration() throws Exception {
        SimulatorOptions options = SimulatorOptions.builder().lanes(3).seed(9).acceleration(20_000)
                .maxOccupanciesPerLane(100).build();
        try (Simulator sim = Simulator.start(options)) {
            List<CompletableFuture<Long>> gxPerLane = sim.laneIds().stream()
                    .map(lane -> CompletableFuture.supplyAsync(() -> readGx(sim.port(lane), 100))).toList();
            assertThat(sim.awaitCompleted(Duration.ofSeconds(60))).isTrue();
            for (CompletableFuture<Long> gx : gxPerLane) {
                assertThat(gx.get(30, TimeUnit.SECONDS)).isEqualTo(100);
            }
            assertThat(sim.completedOccupancies()).isEqualTo(300);
            assertThat(sim.groundTruth()).filteredOn(OccupancyTruth::gxSent).hasSize(300);
        }
    }

    private static long readGx(int port, int expected) {
        try (WireClient client = new WireClient(port)) {
            return WireClient.count(client.readUntil(read -> WireClient.count(read, "GX") == expected), "GX");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
    void theClockStopsWhileNoClientIsConnected() throws Exception {
        SimulatorOptions options = SimulatorOptions.builder().seed(12).acceleration(20_000).maxOccupanciesPerLane(12)
                .build();
        try (Simulator sim = Simulator.start(options)) {
            List<Integer> firstSession;
            try (WireClient first = new WireClient(sim.port("lane-1"))) {
                first.readUntil(read -> WireClient.count(read, "GX") >= 4);
                firstSession = gxCounters(first.text());
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> !sim.isClientConnected("lane-1"));
            List<OccupancyTruth> whileAway = sim.groundTruth();
            assertThat(whileAway.stream().filter(OccupancyTruth::gxSent).map(OccupancyTruth::deviceCounter))
                    .startsWith(firstSession.toArray(Integer[]::new));
            try (WireClient second = new WireClient(sim.port("lane-1"))) {
                second.readUntil(read -> WireClient.count(read, "GX") >= 4);
                assertThat(second.text().get(0)).startsWith("SG1,");
                int lastBefore = whileAway.get(whileAway.size() - 1).deviceCounter();
                assertThat(gxCounters(second.text())).startsWith(lastBefore + 1, lastBefore + 2);
            }
            assertThat(sim.groundTruth().subList(0, whileAway.size())).isEqualTo(whileAway);
        }
    }

    private static List<Integer> gxCounters(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith("GX,")).map(l -> Integer.parseInt(l.substring(3, 9))).toList();
    }

    @Test
    void anEndlessRunCannotBeAwaited() {
        try (Simulator sim = Simulator.start(SimulatorOptions.builder().build())) {
            assertThatThrownBy(() -> sim.awaitCompleted(Duration.ofMillis(1))).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void theNewestClientTakesTheLaneOver() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorOptions.builder().acceleration(1000).build());
             WireClient first = new WireClient(sim.port("lane-1"))) {
            first.readUntil(read -> read.size() >= 5);
            try (WireClient second = new WireClient(sim.port("lane-1"))) {
                first.readUntil(read -> false);
                assertThat(first.endOfStream()).isTrue();
                second.readUntil(read -> read.size() >= 5);
                assertThat(second.text().get(0)).startsWith("SG1,");
            }
        }
    }
}
