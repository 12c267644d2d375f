package io.scangate.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.channel.nio.NioEventLoopGroup;
import io.scangate.gateway.testing.CountingSubscriber;
import io.scangate.gateway.testing.CountingSubscriber.Received;
import io.scangate.gateway.testing.MosquittoBroker;
import io.scangate.proto.v1.RadiationScan;
import io.scangate.simulator.modbus.AspectModbusSlave;
import io.scangate.simulator.modbus.AspectOccupancyTruth;
import io.scangate.simulator.scenario.ScenarioSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A simulated Aspect portal polled over Modbus TCP: its occupancies and alarms reach the back-end as RadiationScans. */
class AspectModbusEndToEndTest {

    private static final int OCCUPANCIES = 20;
    private static final double ACCELERATION = 10;

    @Test
    void simulatedOccupanciesAndAlarmsArriveAsNormalisedScans(@TempDir Path dir) throws Exception {
        ScenarioSettings busyLane = ScenarioSettings.defaults().withArrivalsPerHour(600).withAlarmProbabilities(0.3, 0.1);
        // The monitor's clock starts only once the gateway polls it, so that no passage happens unobserved.
        AtomicLong startedAt = new AtomicLong(-1);
        NioEventLoopGroup group = new NioEventLoopGroup(1);
        try (MosquittoBroker broker = MosquittoBroker.start();
             CountingSubscriber backEnd = CountingSubscriber.connect(broker.uri(), "modbus-back-end", "scangate/v1/+/+/+/radiation");
             AspectModbusSlave slave = new AspectModbusSlave(new AspectModbusSlave.Options("127.0.0.1", 0, Set.of(1),
                     busyLane, 11, ACCELERATION, OCCUPANCIES, 260), group,
                     () -> startedAt.get() < 0 ? 0 : (long) ((System.nanoTime() - startedAt.get()) / 1e6 * ACCELERATION));
             GatewayProcess gateway = GatewayProcess.start(dir, yaml(broker.uri(), slave.port(), dir), "256m")) {

            await().atMost(Duration.ofSeconds(30)).until(() -> gateway.health().contains("\"portal-1\":\"UP\""));
            startedAt.set(System.nanoTime());
            await("all simulated occupancies").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                    .until(() -> slave.groundTruth().size() >= OCCUPANCIES);
            List<AspectOccupancyTruth> truth = slave.groundTruth();
            await("every occupancy at the back-end").atMost(Duration.ofMinutes(1))
                    .until(() -> byCounter(backEnd).keySet().containsAll(truth.stream().map(t -> (long) t.objectCount()).toList()));

            Map<Long, RadiationScan> scans = byCounter(backEnd);
            for (AspectOccupancyTruth t : truth) {
                RadiationScan scan = scans.get((long) t.objectCount());
                assertThat(scan.getGammaAlarm()).as("gamma alarm of occupancy %d", t.objectCount()).isEqualTo(t.gammaAlarm());
                assertThat(scan.getNeutronAlarm()).as("neutron alarm of occupancy %d", t.objectCount()).isEqualTo(t.neutronAlarm());
                assertThat(scan.getGammaCount()).as("poll intervals of occupancy %d", t.objectCount()).isPositive();
            }
            assertThat(truth).as("the run exercised alarms").anyMatch(AspectOccupancyTruth::gammaAlarm);
            assertThat(backEnd.eventIds()).hasSize(truth.size());
            assertThat(gateway.metric("scangate_device_decode_errors_total")).isZero();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private static Map<Long, RadiationScan> byCounter(CountingSubscriber backEnd) {
        return backEnd.byKind("radiation").stream().map(Received::envelope).map(e -> e.getRadiationScan())
                .filter(RadiationScan::getDeviceCounterPresent)
                .collect(Collectors.toMap(RadiationScan::getDeviceCounter, s -> s, (a, b) -> a));
    }

    private static String yaml(String brokerUri, int port, Path dir) {
        return """
                site: test-port
                gatewayId: gw-modbus
                journal: {directory: '%s', maxBytes: 64MiB, segmentBytes: 4MiB, maxRecordBytes: 1MiB}
                mqtt: {serverUri: '%s', reconnectMin: 200ms, reconnectMax: 2s}
                devices:
                  - id: portal-1
                    driver: aspect-modbus
                    lane: lane-7
                    transport: {kind: tcp-client, host: 127.0.0.1, port: %d, reconnectMin: 100ms, reconnectMax: 1s}
                    params: {unitId: 1, pollOccupied: 20ms, pollIdle: 50ms}
                """.formatted(dir.resolve("journal"), brokerUri, port);
    }
}
