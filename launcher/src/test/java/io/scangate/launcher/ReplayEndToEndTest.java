package io.scangate.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scangate.gateway.testing.CountingSubscriber;
import io.scangate.gateway.testing.CountingSubscriber.Received;
import io.scangate.gateway.testing.MosquittoBroker;
import io.scangate.proto.v1.OccupancyClose;
import io.scangate.simulator.OccupancyTruth;
import io.scangate.simulator.Simulator;
import io.scangate.simulator.SimulatorOptions;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recorded daily file replayed through the gateway: one occupancy message per GX plus the abnormal closes. */
class ReplayEndToEndTest {

    @Test
    void aReplayedDailyFileGivesOneOccupancyPerGxAndTheRightAlarms(@TempDir Path dir) throws Exception {
        Path daily = dir.resolve("daily.txt");
        try (InputStream sample = Simulator.class.getResourceAsStream("/replay/sample-daily.txt")) {
            assertThat(sample).as("the simulator ships a sample daily file").isNotNull();
            Files.copy(sample, daily);
        }
        try (MosquittoBroker broker = MosquittoBroker.start();
             CountingSubscriber backEnd = CountingSubscriber.connect(broker.uri(), "replay-back-end", "scangate/v1/+/+/+/radiation");
             Simulator replay = Simulator.start(SimulatorOptions.builder().lanes(1).seed(1).acceleration(2000)
                     .replay(daily, false).progressInterval(Duration.ZERO).build());
             GatewayProcess gateway = GatewayProcess.start(dir, Lanes.gatewayYaml(replay, broker.uri(), dir.resolve("journal"), ""), "256m")) {

            assertThat(replay.awaitCompleted(Duration.ofMinutes(3))).isTrue();
            List<OccupancyTruth> truth = replay.groundTruth();
            long withGx = truth.stream().filter(OccupancyTruth::gxSent).count();
            long gammaAlarms = truth.stream().filter(OccupancyTruth::gammaAlarm).count();
            assertThat(withGx).as("the sample has occupancies").isGreaterThan(10);

            await("every occupancy of the file").atMost(Duration.ofMinutes(2))
                    .until(() -> backEnd.eventIds().size() >= truth.size());
            List<Received> radiation = backEnd.byKind("radiation");
            assertThat(backEnd.eventIds()).hasSize(truth.size());
            assertThat(radiation.stream().filter(r -> r.envelope().getRadiationScan().getClose()
                    == OccupancyClose.OCCUPANCY_CLOSE_NORMAL).map(r -> r.envelope().getEventId()).distinct().count())
                    .isEqualTo(withGx);
            assertThat(radiation.stream().filter(r -> r.envelope().getRadiationScan().getGammaAlarm())
                    .map(r -> r.envelope().getEventId()).distinct().count()).isEqualTo(gammaAlarms);
            System.out.printf("REPLAY: %d occupancies (%d closed by GX, %d gamma alarms) from %s%n",
                    truth.size(), withGx, gammaAlarms, daily.getFileName());
        }
    }
}
