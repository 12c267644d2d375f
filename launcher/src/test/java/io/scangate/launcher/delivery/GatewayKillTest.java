package io.scangate.launcher.delivery;

import static io.scangate.launcher.delivery.DeliveryRig.HEAP;
import static io.scangate.launcher.delivery.DeliveryRig.SUBSCRIPTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scangate.gateway.testing.CountingSubscriber;
import io.scangate.gateway.testing.MosquittoBroker;
import io.scangate.launcher.GatewayProcess;
import io.scangate.launcher.delivery.JournalFiles.StoredRecord;
import io.scangate.proto.v1.Envelope;
import io.scangate.simulator.OccupancyTruth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway JVM is killed with SIGKILL under load and started again on the same journal.
 *
 * <p>What "accepted" means here: the test reads the journal's segment files right after the kill, with its
 * own reader of the documented format, before the second gateway touches them. Every record intact on
 * disk then is a superset of every append the journal acknowledged (a SIGKILL does not lose the page
 * cache, so also records written but not yet fsynced count). The test asserts that each of those events
 * reaches the back-end. What was not on disk at the kill was never accepted: lines still in the TCP
 * buffers and the occupancy the driver was assembling in memory. The VM-250 protocol has no
 * acknowledgement, so the device cannot send them again; the test shows that this loss is confined to the
 * kill point: per lane, the occupancies of the first connection that did not arrive are the last ones
 * written before the kill, never one in the middle, and every occupancy of the second connection arrives.
 */
class GatewayKillTest {

    private static final int LANES = 3;
    private static final int OCCUPANCIES_PER_LANE = 150;

    @Test
    void killMinusNineLosesNothingTheJournalHadAccepted(@TempDir Path dir) throws Exception {
        Path journal = dir.resolve("journal");
        try (MosquittoBroker broker = MosquittoBroker.start();
             CountingSubscriber backEnd = CountingSubscriber.connect(broker.uri(), "kill-back-end", SUBSCRIPTION);
             Lanes lanes = Lanes.start(LANES, 200, OCCUPANCIES_PER_LANE)) {
            String yaml = DeliveryRig.gatewayYaml(lanes, broker.uri(), journal, "", "");

            try (GatewayProcess first = GatewayProcess.start(Files.createDirectories(dir.resolve("life-1")), yaml, HEAP)) {
                await("occupancies flowing before the kill").atMost(Duration.ofMinutes(1))
                        .until(() -> backEnd.byKind("radiation").size() >= 100);
                first.kill();
            }
            await("every lane saw the gateway go").atMost(Duration.ofSeconds(10))
                    .until(() -> lanes.laneIds().stream().noneMatch(lanes::isClientConnected));
            Map<String, Long> lastIndexBeforeKill = lanes.groundTruth().stream().collect(Collectors.toMap(
                    OccupancyTruth::lane, OccupancyTruth::index, Math::max));
            List<StoredRecord> onDisk = JournalFiles.read(journal);
            Set<String> accepted = onDisk.stream().map(r -> r.envelope().getEventId()).collect(Collectors.toSet());

            try (GatewayProcess second = GatewayProcess.start(Files.createDirectories(dir.resolve("life-2")), yaml, HEAP)) {
                assertThat(lanes.awaitCompleted(Duration.ofMinutes(2))).as("simulator finished its occupancies").isTrue();
                lanes.close();
                long secondEpoch = DeliveryRig.bootEpoch(second);
                DeliveryRig.awaitDrained(second, backEnd, secondEpoch, Duration.ofMinutes(2));
                await("every event on disk at the kill at the subscriber").atMost(Duration.ofMinutes(1))
                        .until(() -> DeliveryRig.eventIds(DeliveryRig.deviceEnvelopes(backEnd)).containsAll(accepted));

                List<Envelope> received = DeliveryRig.deviceEnvelopes(backEnd);
                assertThat(onDisk).as("journal records on disk at the kill").isNotEmpty()
                        .anySatisfy(r -> assertThat(r.envelope().hasRadiationScan()).isTrue());
                assertThat(DeliveryRig.eventIds(received)).as("event ids at the subscriber").containsAll(accepted);
                DeliveryRig.assertEveryJournalledEventOnce(received, secondEpoch, DeliveryRig.journalled(second));
                assertThat(backEnd.undecodable()).as("payloads that are no Envelope").isEmpty();
                int lostInTransit = assertLossOnlyAtTheKill(lanes.groundTruth(), lastIndexBeforeKill, received);
                System.out.printf("kill -9: %d records on disk at the kill, all delivered; %d complete occupancies were"
                        + " on the wire or in the driver at the kill%n", onDisk.size(), lostInTransit);
            }
        }
    }

    /** @return how many complete occupancies of the first connection did not arrive */
    private static int assertLossOnlyAtTheKill(List<OccupancyTruth> truth, Map<String, Long> lastIndexBeforeKill,
                                               List<Envelope> received) {
        Map<String, Set<String>> idsByKey = DeliveryRig.eventIdsByOccupancy(received);
        assertThat(DeliveryRig.keys(truth)).as("every occupancy received is one the lanes sent")
                .containsAll(idsByKey.keySet());
        assertThat(idsByKey).as("each occupancy under one event id").allSatisfy((key, ids) -> assertThat(ids).hasSize(1));
        int lost = 0;
        Map<String, List<OccupancyTruth>> byLane = truth.stream().collect(Collectors.groupingBy(OccupancyTruth::lane));
        for (Map.Entry<String, List<OccupancyTruth>> lane : byLane.entrySet()) {
            long killedAt = lastIndexBeforeKill.getOrDefault(lane.getKey(), 0L);
            Map<Boolean, List<OccupancyTruth>> byConnection = lane.getValue().stream()
                    .filter(t -> t.gxSent() && !t.interrupted())
                    .collect(Collectors.partitioningBy(t -> t.index() <= killedAt));
            assertThat(byConnection.get(false)).as("occupancies of %s after the restart", lane.getKey())
                    .isNotEmpty()
                    .allSatisfy(t -> assertThat(idsByKey).as("received").containsKey(DeliveryRig.key(t)));
            Map<Boolean, List<Long>> beforeKill = byConnection.get(true).stream().collect(Collectors.partitioningBy(
                    t -> idsByKey.containsKey(DeliveryRig.key(t)), Collectors.mapping(OccupancyTruth::index,
                            Collectors.toList())));
            long lastReceived = beforeKill.get(true).stream().mapToLong(Long::longValue).max().orElse(0);
            assertThat(beforeKill.get(false)).as("occupancies of %s sent before the kill and not received: only the"
                    + " last ones before the kill (received up to index %d)", lane.getKey(), lastReceived)
                    .allSatisfy(index -> assertThat(index).isGreaterThan(lastReceived));
            lost += beforeKill.get(false).size();
        }
        return lost;
    }
}
