package io.scangate.launcher.delivery;

import static io.scangate.launcher.delivery.DeliveryRig.HEAP;
import static io.scangate.launcher.delivery.DeliveryRig.SUBSCRIPTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
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
 * The broker is down and the journal reaches its quota: the gateway stops reading from the devices (TCP
 * flow control holds the lanes back), says so in /health and in {@code scangate_device_state}, stays up,
 * and once the broker returns everything flows, nothing lost.
 */
class JournalQuotaTest {

    private static final int LANES = 3;
    private static final int OCCUPANCIES_PER_LANE = 60;
    /** A quota of 300 unconfirmed entries: lanes at this pace fill it within a second or two. */
    private static final String SMALL_JOURNAL = "maxEntries: 300, maxBytes: 16MiB, segmentBytes: 1MiB, maxRecordBytes: 256KiB";
    private static final Duration PAUSE = Duration.ofSeconds(8);
    private static final int PAUSED = 5;

    @Test
    void aFullJournalPausesTheDevicesAndEverythingFlowsOnceTheBrokerIsBack(@TempDir Path dir) throws Exception {
        pauseAndResume(dir, "");
    }

    /**
     * The same with a pause longer than the devices' idle timeout (30 s by default; 3 s here to keep the
     * test short): a paused link reads nothing, but that silence is ours, not the device's, so the link
     * must stay open and the bytes the lanes wrote into it must arrive.
     */
    @Test
    void aPauseLongerThanTheDeviceIdleTimeoutLosesNothing(@TempDir Path dir) throws Exception {
        pauseAndResume(dir, "idleTimeout: 3s");
    }

    private static void pauseAndResume(Path dir, String transport) throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start();
             CountingSubscriber backEnd = CountingSubscriber.connect(broker.uri(), "quota-back-end", SUBSCRIPTION);
             Lanes lanes = Lanes.start(LANES, 200, OCCUPANCIES_PER_LANE)) {
            broker.stop();
            try (GatewayProcess gateway = GatewayProcess.start(dir, DeliveryRig.gatewayYaml(lanes, broker.uri(),
                    dir.resolve("journal"), SMALL_JOURNAL, transport), HEAP)) {

                await("devices paused by the full journal").atMost(Duration.ofMinutes(1))
                        .until(() -> everyDevice(gateway, "PAUSED"));
                JsonNode health = DeliveryRig.health(gateway);
                assertThat(health.path("status").asText()).isEqualTo("DEGRADED");
                assertThat(health.path("journal").path("paused").asBoolean()).as("/health journal.paused").isTrue();
                for (String lane : lanes.laneIds()) {
                    assertThat(gateway.metric("scangate_device_state{device=\"" + lane + "-rpm\""))
                            .as("scangate_device_state of %s", lane).isEqualTo(PAUSED);
                }
                double framesWhenPaused = gateway.metric("scangate_device_frames_total");
                await("no line read for " + PAUSE + ", devices PAUSED, gateway alive").during(PAUSE)
                        .atMost(PAUSE.plusSeconds(30)).until(() -> gateway.alive() && everyDevice(gateway, "PAUSED")
                                && gateway.metric("scangate_device_frames_total") == framesWhenPaused);
                assertThat(gateway.metric("scangate_device_reconnects_total"))
                        .as("device links dropped while paused (log: %s)", linkLog(gateway)).isZero();

                broker.startAgain();
                assertThat(lanes.awaitCompleted(Duration.ofMinutes(2))).as("simulator finished its occupancies").isTrue();
                lanes.close();
                long bootEpoch = DeliveryRig.bootEpoch(gateway);
                DeliveryRig.awaitDrained(gateway, backEnd, bootEpoch, Duration.ofMinutes(2));

                List<OccupancyTruth> truth = lanes.groundTruth();
                assertThat(truth).as("ground truth").hasSize(LANES * OCCUPANCIES_PER_LANE)
                        .allSatisfy(t -> assertThat(t.gxSent() && !t.interrupted())
                                .as("occupancy sent whole to one connection: %s", t).isTrue());
                List<Envelope> received = DeliveryRig.deviceEnvelopes(backEnd);
                DeliveryRig.assertEveryOccupancyOnce(truth, received);
                DeliveryRig.assertEveryJournalledEventOnce(received, bootEpoch, DeliveryRig.journalled(gateway));
                assertThat(DeliveryRig.health(gateway).path("journal").path("paused").asBoolean())
                        .as("paused after the drain").isFalse();
                assertThat(gateway.logText()).contains("action=pause_devices").contains("action=resume_devices");
            }
        }
    }

    private static String linkLog(GatewayProcess gateway) {
        return gateway.logText().lines().filter(line -> line.contains("action=reconnect")).findFirst().orElse("none");
    }

    private static boolean everyDevice(GatewayProcess gateway, String state) {
        JsonNode health = DeliveryRig.health(gateway);
        if (health == null || health.path("devices").isEmpty()) {
            return false;
        }
        for (JsonNode device : health.path("devices")) {
            if (!state.equals(device.asText())) {
                return false;
            }
        }
        return true;
    }
}
