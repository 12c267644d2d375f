package io.scangate.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scangate.simulator.OccupancyTruth;
import io.scangate.simulator.Simulator;
import io.scangate.simulator.SimulatorOptions;
import io.scangate.simulator.WireClient;
import io.scangate.simulator.lane.Emission;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScheduledVm250ScenarioTest {

    @Test
    void anOccupancyStartsAtTheNextTickWithThePlannedDurationAndAlarm() {
        ScheduledVm250Scenario lane = new ScheduledVm250Scenario("lane-1", ScenarioSettings.defaults(), 3);
        lane.clientConnected(1_000);
        List<Emission> setup = drain(lane, 1_000);
        assertThat(setup).extracting(Emission::tag).containsExactly("SG1", "SG2", "SG3", "SN1", "SN2");
        assertThat(drain(lane, 5_999)).as("background only every 5 s").isEmpty();
        assertThat(drain(lane, 6_000)).extracting(Emission::tag).containsExactly("GB", "NB");

        lane.occupy(4_000, true);
        List<Emission> occupancy = drain(lane, 7_000);
        assertThat(occupancy.get(0).kind()).isEqualTo(Emission.Kind.OCCUPANCY_START);
        assertThat(occupancy.get(0).atMillis()).isEqualTo(7_000);
        occupancy.addAll(drain(lane, 60_000));
        List<String> tags = occupancy.stream().filter(e -> e.occupancy() != null).map(Emission::tag)
                .filter(t -> t != null).toList();
        assertThat(tags).contains("GA").doesNotContain("GB", "NA").last().isEqualTo("GX");
        Emission end = occupancy.stream().filter(e -> e.kind() == Emission.Kind.OCCUPANCY_END).findFirst().orElseThrow();
        assertThat(end.atMillis()).isEqualTo(11_000);
        assertThat(lane.planned()).isEqualTo(1);
    }

    @Test
    void anOccupancyAskedForDuringAnotherFollowsItAndRequestsWithoutClientAreDropped() {
        ScheduledVm250Scenario lane = new ScheduledVm250Scenario("lane-1", ScenarioSettings.defaults(), 3);
        lane.occupy(3_000, false);
        lane.clientConnected(0);
        drain(lane, 0);
        assertThat(lane.planned()).as("asked for before a client connected").isZero();

        lane.occupy(3_000, false);
        drain(lane, 1_000);
        lane.occupy(2_000, false);
        List<Emission> rest = drain(lane, 2_000);
        rest.addAll(drain(lane, 60_000));
        List<Long> starts = rest.stream().filter(e -> e.kind() == Emission.Kind.OCCUPANCY_START).map(Emission::atMillis).toList();
        assertThat(starts).as("after the first's end and the minimum gap").containsExactly(4_000L + 2_000);
        assertThatThrownBy(() -> lane.occupy(10, false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSimulatorLanePlaysOccupanciesOnDemandToItsClient() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorOptions.builder().laneIds(List.of("lane-9"))
                .scheduledLanes(Set.of("lane-9")).acceleration(50).build())) {
            assertThat(sim.occupy("lane-9", 2_000, false)).as("no client yet").isFalse();
            try (WireClient client = new WireClient(sim.port("lane-9"))) {
                org.awaitility.Awaitility.await().until(() -> sim.isClientConnected("lane-9"));
                assertThat(sim.occupy("lane-9", 3_000, true)).isTrue();
                List<byte[]> lines = client.readUntil(read -> read.stream()
                        .anyMatch(l -> new String(l, StandardCharsets.US_ASCII).startsWith("GX")), Duration.ofSeconds(20));
                List<String> text = new ArrayList<>();
                lines.forEach(l -> text.add(new String(l, StandardCharsets.US_ASCII)));
                assertThat(text).anyMatch(l -> l.startsWith("GA"));
            }
            org.awaitility.Awaitility.await().until(() -> sim.groundTruth().size() == 1);
            OccupancyTruth truth = sim.groundTruth().get(0);
            assertThat(truth.endMillis() - truth.startMillis()).isEqualTo(3_000);
            assertThat(truth.gammaAlarm()).isTrue();
        }
    }

    private static List<Emission> drain(ScheduledVm250Scenario lane, long now) {
        List<Emission> out = new ArrayList<>();
        for (Emission e = lane.next(now); e != null; e = lane.next(now)) {
            out.add(e);
        }
        return out;
    }
}
