package io.scangate.launcher.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scangate.gateway.host.SocatPair;
import io.scangate.gateway.testing.CountingSubscriber;
import io.scangate.gateway.testing.CountingSubscriber.Received;
import io.scangate.gateway.testing.MosquittoBroker;
import io.scangate.proto.v1.OccupancyClose;
import io.scangate.proto.v1.RadiationScan;
import io.scangate.simulator.OccupancyTruth;
import io.scangate.simulator.scenario.ScenarioSettings;
import io.scangate.simulator.serial.SerialLane;
import io.scangate.simulator.serial.SerialLaneOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * VM-250 over a serial line with real parts: the simulator writes to one end of a socat pseudo-terminal pair at
 * 115,200 baud, the gateway (its own JVM, -Xmx256m) reads the other end as a {@code kind: serial} device and
 * publishes to a real Mosquitto. Mid-stream the pair is torn down and recreated under the same names, as a USB
 * adapter that is unplugged and plugged back: the gateway must notice, recover on its own, and lose nothing the
 * device managed to send.
 */
class SerialEndToEndTest {

    private static final int BAUD = 115_200;
    private static final int OCCUPANCIES = 40;
    private static final int BEFORE_CUT = 12;

    @Test
    void everyOccupancySentOverTheSerialLineArrivesAndTheGatewayRecoversFromAVanishedPort(@TempDir Path dir) throws Exception {
        ScenarioSettings busyLane = ScenarioSettings.defaults().withArrivalsPerHour(120).withAlarmProbabilities(0.1, 0.02);
        try (SocatPair pair = SocatPair.start(dir);
             MosquittoBroker broker = MosquittoBroker.start();
             CountingSubscriber backEnd = CountingSubscriber.connect(broker.uri(), "serial-back-end", "scangate/v1/+/+/+/radiation");
             SerialGateway gateway = SerialGateway.start(dir, pair.gatewayEnd(), BAUD, broker.uri(), "256m");
             SerialLane lane = SerialLane.start(SerialLaneOptions.of(pair.deviceEnd()).withBaudRate(BAUD)
                     .withScenario(11, 50, OCCUPANCIES, busyLane))) {

            await("device UP").atMost(Duration.ofSeconds(30)).until(() -> gateway.deviceIs("UP"));
            await(BEFORE_CUT + " occupancies at the back-end").atMost(Duration.ofMinutes(2))
                    .until(() -> keys(backEnd).size() >= BEFORE_CUT);

            int endedBeforeCut = lane.groundTruth().size();
            pair.kill();
            await("simulator saw the port vanish").atMost(Duration.ofSeconds(30)).until(() -> !lane.isPortOpen());
            int endedByCut = lane.groundTruth().size();
            await("gateway reports the device DOWN").atMost(Duration.ofSeconds(30)).until(() -> gateway.deviceIs("DOWN"));
            assertThat(gateway.logText()).contains("device=" + SerialGateway.DEVICE + " state=DOWN reason=\"serial port "
                    + pair.gatewayEnd() + " vanished");

            pair.restart();
            await("device UP again").atMost(Duration.ofSeconds(30)).until(() -> gateway.deviceIs("UP"));
            assertThat(lane.awaitCompleted(Duration.ofMinutes(3))).as("simulator sent its occupancies").isTrue();

            List<OccupancyTruth> truth = lane.groundTruth();
            // Lines written in the instant of the cut sit in the pseudo-terminal's buffer that socat's death discards,
            // as bytes on a pulled cable are lost: an occupancy completed between the last look and the cut is not owed.
            Set<String> inTheCut = truth.subList(endedBeforeCut, endedByCut).stream()
                    .filter(t -> !t.interrupted()).map(SerialEndToEndTest::key).collect(Collectors.toSet());
            List<OccupancyTruth> owed = truth.stream().filter(t -> t.gxSent() && !t.interrupted())
                    .filter(t -> !inTheCut.contains(key(t))).toList();
            assertThat(owed.size()).as("complete occupancies owed").isGreaterThanOrEqualTo(OCCUPANCIES - 2);
            assertThat(owed.stream().filter(t -> t.index() > endedByCut)).as("occupancies after the cut").isNotEmpty();
            await("every complete occupancy at the back-end").atMost(Duration.ofMinutes(2))
                    .until(() -> keys(backEnd).containsAll(owed.stream().map(SerialEndToEndTest::key).toList()));

            Map<String, RadiationScan> scans = backEnd.byKind("radiation").stream()
                    .collect(Collectors.toMap(SerialEndToEndTest::key, r -> r.envelope().getRadiationScan(), (a, b) -> a));
            Set<String> afterInterrupted = firstAfterInterrupted(truth);
            for (OccupancyTruth t : owed) {
                RadiationScan scan = scans.get(key(t));
                assertThat(scan.getClose()).as("close of %s", key(t)).isEqualTo(OccupancyClose.OCCUPANCY_CLOSE_NORMAL);
                if (afterInterrupted.contains(key(t))) {
                    // The driver keeps an occupancy open across a lost link until its GX or its timeout (DESIGN 4.1),
                    // as a real RPM goes on with it; the simulator abandoned it, so the next GX closes both together.
                    assertThat(scan.getGammaCount()).as("gamma intervals of %s", key(t)).isGreaterThanOrEqualTo(t.gsLines() + t.gaLines());
                    assertThat(scan.getNeutronCount()).as("neutron intervals of %s", key(t)).isGreaterThanOrEqualTo(t.nsLines() + t.naLines());
                    assertThat(scan.getGammaAlarm() || !t.gammaAlarm()).as("gamma alarm of %s", key(t)).isTrue();
                    continue;
                }
                assertThat(scan.getGammaAlarm()).as("gamma alarm of %s", key(t)).isEqualTo(t.gammaAlarm());
                assertThat(scan.getGammaCount()).as("gamma intervals of %s", key(t)).isEqualTo(t.gsLines() + t.gaLines());
                assertThat(scan.getNeutronCount()).as("neutron intervals of %s", key(t)).isEqualTo(t.nsLines() + t.naLines());
            }
            assertThat(backEnd.undecodable()).isEmpty();
            assertThat(gateway.alive()).as("gateway alive under -Xmx256m").isTrue();
            System.out.printf("SERIAL END-TO-END: %d occupancies over %d baud, %d complete and owed, %d in the cut,"
                            + " %d interrupted; %d lines written, gateway framed %.0f%n",
                    truth.size(), BAUD, owed.size(), inTheCut.size(), truth.stream().filter(OccupancyTruth::interrupted).count(),
                    lane.linesWritten(), gateway.metric("scangate_device_frames_total"));
        }
    }

    /** The first complete occupancy after each one the cut interrupted. */
    private static Set<String> firstAfterInterrupted(List<OccupancyTruth> truth) {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < truth.size(); i++) {
            if (truth.get(i).interrupted()) {
                truth.subList(i + 1, truth.size()).stream().filter(t -> !t.interrupted()).findFirst()
                        .ifPresent(t -> keys.add(key(t)));
            }
        }
        return keys;
    }

    private static String key(OccupancyTruth truth) {
        return truth.lane() + "#" + truth.deviceCounter();
    }

    private static String key(Received received) {
        RadiationScan scan = received.envelope().getRadiationScan();
        return received.envelope().getDevice().getLane() + "#"
                + (scan.getDeviceCounterPresent() ? Long.toString(scan.getDeviceCounter()) : "none");
    }

    private static Set<String> keys(CountingSubscriber backEnd) {
        return backEnd.byKind("radiation").stream().map(SerialEndToEndTest::key).collect(Collectors.toSet());
    }
}
