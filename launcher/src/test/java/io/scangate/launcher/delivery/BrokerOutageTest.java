package io.scangate.launcher.delivery;

import static io.scangate.launcher.delivery.DeliveryRig.HEAP;
import static io.scangate.launcher.delivery.DeliveryRig.SUBSCRIPTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scangate.gateway.testing.CountingSubscriber;
import io.scangate.gateway.testing.MosquittoBroker;
import io.scangate.launcher.GatewayProcess;
import io.scangate.proto.v1.Envelope;
import io.scangate.simulator.OccupancyTruth;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker goes away for 30 s while lanes keep sending: the gateway keeps journalling, and once the
 * broker is back the back-end's persistent QoS 1 session receives every occupancy and every event.
 */
class BrokerOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(30);

    @Test
    void aThirtySecondBrokerOutageUnderLoadLosesNothing(@TempDir Path dir) throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start();
             CountingSubscriber backEnd = CountingSubscriber.connect(broker.uri(), "outage-back-end", SUBSCRIPTION);
             Lanes lanes = Lanes.start(3, 200, 300);
             GatewayProcess gateway = GatewayProcess.start(dir, DeliveryRig.gatewayYaml(lanes, broker.uri(),
                     dir.resolve("journal"), "", ""), HEAP)) {

            await("occupancies flowing before the outage").atMost(Duration.ofMinutes(1))
                    .until(() -> backEnd.byKind("radiation").size() >= 50);
            broker.stop();
            await("the gateway journals while the broker is away").atMost(Duration.ofSeconds(20))
                    .until(() -> DeliveryRig.backlog(gateway) > 100);
            await("the outage lasts " + OUTAGE + " with the gateway alive").during(OUTAGE)
                    .atMost(OUTAGE.plusSeconds(5)).until(gateway::alive);
            assertThat(lanes.completedOccupancies()).as("load continued through the outage")
                    .isLessThan(3 * 300);
            broker.startAgain();

            assertThat(lanes.awaitCompleted(Duration.ofMinutes(2))).as("simulator finished its occupancies").isTrue();
            lanes.close();
            long bootEpoch = DeliveryRig.bootEpoch(gateway);
            DeliveryRig.awaitDrained(gateway, backEnd, bootEpoch, Duration.ofMinutes(2));

            List<OccupancyTruth> truth = lanes.groundTruth();
            assertThat(truth).as("ground truth").hasSize(3 * 300)
                    .allSatisfy(t -> assertThat(t.gxSent() && !t.interrupted()).as("complete: %s", t).isTrue());
            List<Envelope> received = DeliveryRig.deviceEnvelopes(backEnd);
            DeliveryRig.assertEveryOccupancyOnce(truth, received);
            DeliveryRig.assertEveryJournalledEventOnce(received, bootEpoch, DeliveryRig.journalled(gateway));
            assertThat(backEnd.undecodable()).as("payloads that are no Envelope").isEmpty();
            assertThat(gateway.metric("scangate_mqtt_reconnects_total")).as("the gateway reconnected").isPositive();
            System.out.printf("broker outage: %d occupancies, %d events, %d duplicate deliveries%n", truth.size(),
                    DeliveryRig.journalled(gateway), backEnd.duplicates());
        }
    }
}
