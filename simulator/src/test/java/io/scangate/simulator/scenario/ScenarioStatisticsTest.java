package io.scangate.simulator.scenario;

import io.scangate.simulator.lane.Emission;
import io.scangate.simulator.lane.OccupancyPlan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** With a fixed seed, the scenario reproduces the statistics of the real capture (DESIGN 4.1). */
class ScenarioStatisticsTest {

    private static final int OCCUPANCIES = 20_000;
    private static final List<Seen> seen = new ArrayList<>();
    private static long lastMillis;

    private record Seen(OccupancyPlan plan, int gs, int ga, int ns, int na, int sp, boolean gx) {
    }

    @BeforeAll
    static void runScenario() {
        Vm250Scenario scenario = new Vm250Scenario(ScenarioSettings.defaults(), FaultSettings.none(), 7, OCCUPANCIES);
        int gs = 0;
        int ga = 0;
        int ns = 0;
        int na = 0;
        int sp = 0;
        boolean gx = false;
        while (seen.size() < OCCUPANCIES) {
            Emission e = scenario.next(Long.MAX_VALUE);
            assertThat(e.atMillis()).isGreaterThanOrEqualTo(lastMillis);
            lastMillis = e.atMillis();
            switch (e.kind()) {
                case OCCUPANCY_START -> {
                    gs = 0;
                    ga = 0;
                    ns = 0;
                    na = 0;
                    sp = 0;
                    gx = false;
                }
                case OCCUPANCY_END -> seen.add(new Seen(e.occupancy(), gs, ga, ns, na, sp, gx));
                default -> {
                    switch (e.tag()) {
                        case "GS" -> gs++;
                        case "GA" -> ga++;
                        case "NS" -> ns++;
                        case "NA" -> na++;
                        case "SP" -> sp++;
                        case "GX" -> gx = true;
                        default -> {
                            // background and set-up lines are outside the statistics
                        }
                    }
                }
            }
        }
    }

    @Test
    void arrivalsAreAboutThirtyPerHour() {
        double hours = lastMillis / 3_600_000.0;
        assertThat(OCCUPANCIES / hours).isBetween(27.0, 31.0);
    }

    @Test
    void gammaAlarmRateIsAboutSevenPerThousand() {
        long alarms = seen.stream().filter(s -> s.ga() > 0).count();
        assertThat(alarms / (double) OCCUPANCIES).isBetween(0.005, 0.009);
    }

    @Test
    void neutronAlarmsAreRare() {
        long alarms = seen.stream().filter(s -> s.na() > 0).count();
        assertThat(alarms / (double) OCCUPANCIES).isLessThan(0.002);
    }

    @Test
    void durationsFollowTheCapture() {
        double[] seconds = seen.stream()
                .mapToDouble(s -> (s.plan().endMillis() - s.plan().startMillis()) / 1000.0).sorted().toArray();
        assertThat(percentile(seconds, 0.5)).isCloseTo(10.4, within(0.4));
        assertThat(percentile(seconds, 0.1)).isCloseTo(4.2, within(0.4));
        assertThat(percentile(seconds, 0.9)).isCloseTo(13.9, within(0.5));
        assertThat(seconds[0]).isGreaterThanOrEqualTo(2.0);
        assertThat(seconds[seconds.length - 1]).isLessThanOrEqualTo(21.0);
    }

    @Test
    void aboutFiftySixGammaLinesAtTheMedianOccupancy() {
        double[] linesAtTenSeconds = seen.stream()
                .filter(s -> Math.abs(s.plan().endMillis() - s.plan().startMillis() - 10_400) <= 400)
                .mapToDouble(s -> s.gs() + s.ga()).sorted().toArray();
        assertThat(linesAtTenSeconds).isNotEmpty();
        assertThat(percentile(linesAtTenSeconds, 0.5)).isBetween(50.0, 60.0);
    }

    @Test
    void everyOccupancyHasSpeedNeutronLinesAndOneGxWithIncreasingCounter() {
        for (int i = 0; i < seen.size(); i++) {
            Seen s = seen.get(i);
            assertThat(s.gx()).isTrue();
            assertThat(s.sp()).isBetween(1, 2);
            assertThat(s.ns() + s.na()).isEqualTo((int) ((s.plan().endMillis() - s.plan().startMillis()) / 1000));
            assertThat(s.plan().deviceCounter()).isEqualTo(i + 1);
        }
    }

    @Test
    void sameSeedSameLane() {
        Vm250Scenario a = new Vm250Scenario(ScenarioSettings.defaults(), FaultSettings.none(), 99, 5);
        Vm250Scenario b = new Vm250Scenario(ScenarioSettings.defaults(), FaultSettings.none(), 99, 5);
        for (int i = 0; i < 2_000; i++) {
            Emission x = a.next(Long.MAX_VALUE);
            Emission y = b.next(Long.MAX_VALUE);
            assertThat(y.atMillis()).isEqualTo(x.atMillis());
            assertThat(y.bytes()).isEqualTo(x.bytes());
        }
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    }
}
