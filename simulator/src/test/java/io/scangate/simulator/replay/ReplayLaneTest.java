package io.scangate.simulator.replay;

import io.scangate.simulator.OccupancyTruth;
import io.scangate.simulator.Simulator;
import io.scangate.simulator.SimulatorOptions;
import io.scangate.simulator.WireClient;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample daily file replayed over TCP: every line, without timestamps, and its occupancies as ground truth. */
class ReplayLaneTest {

    @Test
    void replaysTheSampleFile() throws Exception {
        Path sample = SampleDailyFileTest.SAMPLE;
        List<String> expected = DailyFile.read(sample).lines().stream().map(DailyFile.Line::text).toList();
        long gxInFile = expected.stream().filter(l -> l.startsWith("GX,")).count();
        SimulatorOptions options = SimulatorOptions.builder().replay(sample, false).acceleration(2000).build();
        try (Simulator sim = Simulator.start(options); WireClient client = new WireClient(sim.port("lane-1"))) {
            client.readUntil(lines -> lines.size() == expected.size());
            assertThat(sim.awaitCompleted(Duration.ofSeconds(30))).isTrue();
            assertThat(client.text()).isEqualTo(expected);

            List<OccupancyTruth> truth = sim.groundTruth();
            assertThat(truth).hasSize(new ReplaySource(DailyFile.read(sample), false).occupanciesPerPass());
            assertThat(truth.stream().filter(OccupancyTruth::gxSent).count()).isEqualTo(gxInFile);
            assertThat(truth).anySatisfy(t -> assertThat(t.gxSent()).isFalse());
            assertThat(truth.stream().filter(OccupancyTruth::gammaAlarm).count())
                    .isEqualTo(gammaAlarmOccupancies(expected)).isPositive();
            assertThat(truth).extracting(OccupancyTruth::startMillis).isSorted();
            assertThat(truth.get(truth.size() - 1).startMillis()).isGreaterThan(24 * 3600 * 1000L);
        }
    }

    @Test
    void loopingReplayGoesOnWithTheNextRound() throws Exception {
        Path sample = SampleDailyFileTest.SAMPLE;
        int perPass = DailyFile.read(sample).lines().size();
        SimulatorOptions options = SimulatorOptions.builder().replay(sample, true).acceleration(5000).build();
        try (Simulator sim = Simulator.start(options); WireClient client = new WireClient(sim.port("lane-1"))) {
            client.readUntil(lines -> lines.size() >= perPass + 10);
            assertThat(client.text().subList(perPass, perPass + 5)).extracting(l -> l.substring(0, 3))
                    .containsExactly("SG1", "SG2", "SG3", "SN1", "SN2");
        }
    }

    private static long gammaAlarmOccupancies(List<String> lines) {
        long count = 0;
        boolean inAlarm = false;
        for (String line : lines) {
            if (line.startsWith("GA,")) {
                inAlarm = true;
            } else if ((line.startsWith("GX,") || line.startsWith("GB,")) && inAlarm) {
                count++;
                inAlarm = false;
            }
        }
        return count;
    }
}
