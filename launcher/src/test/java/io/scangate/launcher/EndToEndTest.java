package io.scangate.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scangate.gateway.testing.CountingSubscriber;
import io.scangate.gateway.testing.CountingSubscriber.Received;
import io.scangate.gateway.testing.MosquittoBroker;
import io.scangate.proto.v1.OccupancyClose;
import io.scangate.proto.v1.RadiationScan;
import io.scangate.simulator.OccupancyTruth;
import io.scangate.simulator.Simulator;
import io.scangate.simulator.SimulatorOptions;
import io.scangate.simulator.scenario.ScenarioSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole chain with real parts: simulated VM-250 lanes (TCP) -> the gateway as its own JVM under
 * -Xmx256m -> a real Mosquitto -> a persistent QoS 1 subscriber. Prints throughput and latency figures;
 * asserts only correctness.
 */
class EndToEndTest {

    private static final int LANES = 3;
    private static final int OCCUPANCIES_PER_LANE = 100;

    @Test
    void everySimulatedOccupancyArrivesOnceWithItsAlarmFlags(@TempDir Path dir) throws Exception {
        ScenarioSettings moreAlarms = ScenarioSettings.defaults().withAlarmProbabilities(0.05, 0.02);
        try (MosquittoBroker broker = MosquittoBroker.start();
             CountingSubscriber backEnd = CountingSubscriber.connect(broker.uri(), "e2e-back-end", "scangate/v1/+/+/+/radiation");
             Simulator simulator = Simulator.start(SimulatorOptions.builder().lanes(LANES).seed(42).acceleration(1000)
                     .maxOccupanciesPerLane(OCCUPANCIES_PER_LANE).scenario(moreAlarms).build());
             GatewayProcess gateway = GatewayProcess.start(dir, Lanes.gatewayYaml(simulator, broker.uri(), dir.resolve("journal"), ""), "256m")) {

            long started = System.nanoTime();
            Instant connected = gateway.awaitMqttConnected(Duration.ofSeconds(30));
            assertThat(simulator.awaitCompleted(Duration.ofMinutes(3))).as("simulator finished its occupancies").isTrue();
            List<OccupancyTruth> truth = simulator.groundTruth();
            assertThat(truth).hasSize(LANES * OCCUPANCIES_PER_LANE).allSatisfy(t -> assertThat(t.gxSent()).isTrue());
            await("every occupancy at the back-end").atMost(Duration.ofMinutes(2))
                    .until(() -> Lanes.eventIdsByKey(backEnd.byKind("radiation")).size() >= truth.size());
            double seconds = (System.nanoTime() - started) / 1e9;

            List<Received> radiation = backEnd.byKind("radiation");
            Map<String, List<String>> idsByKey = Lanes.eventIdsByKey(radiation);
            Map<String, RadiationScan> scanByKey = radiation.stream().collect(Collectors.toMap(Lanes::key,
                    r -> r.envelope().getRadiationScan(), (a, b) -> a));
            assertThat(idsByKey.keySet()).containsExactlyInAnyOrderElementsOf(truth.stream().map(Lanes::key).toList());
            assertThat(idsByKey).allSatisfy((key, ids) -> assertThat(ids).as("event ids of %s", key).hasSize(1));
            for (OccupancyTruth t : truth) {
                RadiationScan scan = scanByKey.get(Lanes.key(t));
                assertThat(scan.getClose()).as("close of %s", Lanes.key(t)).isEqualTo(OccupancyClose.OCCUPANCY_CLOSE_NORMAL);
                assertThat(scan.getGammaAlarm()).as("gamma alarm of %s", Lanes.key(t)).isEqualTo(t.gammaAlarm());
                assertThat(scan.getNeutronAlarm()).as("neutron alarm of %s", Lanes.key(t)).isEqualTo(t.neutronAlarm());
                assertThat(scan.getGammaCount()).as("gamma intervals of %s", Lanes.key(t)).isEqualTo(t.gsLines() + t.gaLines());
                assertThat(scan.getNeutronCount()).as("neutron intervals of %s", Lanes.key(t)).isEqualTo(t.nsLines() + t.naLines());
            }
            assertThat(truth.stream().filter(OccupancyTruth::gammaAlarm).count()).as("the run exercised gamma alarms").isPositive();
            assertThat(backEnd.undecodable()).isEmpty();
            assertThat(gateway.alive()).as("gateway alive under -Xmx256m").isTrue();
            assertThat(gateway.metric("scangate_device_decode_errors_total")).isZero();

            printFigures(radiation, connected, truth.size(), seconds, gateway);
        }
    }

    /**
     * Latency counts from the gateway receiving the occupancy's last line; occupancies that ended before
     * the broker connection was first up waited for it, so the steady-state figures leave them out.
     */
    private static void printFigures(List<Received> radiation, Instant connected, int occupancies, double seconds,
                                     GatewayProcess gateway) {
        List<Long> all = radiation.stream().map(r -> r.latency().toMillis()).sorted().toList();
        List<Long> steady = radiation.stream().filter(r -> r.arrived().minus(r.latency()).isAfter(connected))
                .map(r -> r.latency().toMillis()).sorted().toList();
        double events = gateway.metric("scangate_events_journalled_total");
        System.out.printf("END-TO-END: %d occupancies (%d lanes) in %.1f s; gateway journalled %.0f events (%.0f events/s);"
                        + " occupancy latency gateway->subscriber: all %d p50 %d ms p99 %d ms max %d ms;"
                        + " after broker connected %d p50 %d ms p99 %d ms; duplicates %d%n",
                occupancies, LANES, seconds, events, events / seconds, all.size(), percentile(all, 50),
                percentile(all, 99), all.get(all.size() - 1), steady.size(), percentile(steady, 50),
                percentile(steady, 99), radiation.size() - occupancies);
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(sorted.size() * p / 100.0) - 1)));
    }
}
