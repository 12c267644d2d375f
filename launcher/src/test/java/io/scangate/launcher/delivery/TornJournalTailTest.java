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
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal's last record is cut in half between two lives of the gateway, as a crash in the middle of
 * a write leaves it. The second gateway keeps every record before the cut, says in its log where it cut,
 * and publishes nothing that is not a whole, checksummed record.
 */
class TornJournalTailTest {

    @Test
    void aRecordCutInHalfIsDroppedAndReportedAndEverythingBeforeItIsPublished(@TempDir Path dir) throws Exception {
        Path journal = dir.resolve("journal");
        try (MosquittoBroker broker = MosquittoBroker.start();
             CountingSubscriber backEnd = CountingSubscriber.connect(broker.uri(), "torn-back-end", SUBSCRIPTION)) {
            broker.stop();
            List<OccupancyTruth> truth;
            String yaml;
            try (Lanes lanes = Lanes.start(2, 500, 20)) {
                yaml = DeliveryRig.gatewayYaml(lanes, broker.uri(), journal, "", "");
                try (GatewayProcess first = GatewayProcess.start(Files.createDirectories(dir.resolve("life-1")), yaml, HEAP)) {
                    assertThat(lanes.awaitCompleted(Duration.ofMinutes(1))).as("simulator finished").isTrue();
                    truth = lanes.groundTruth();
                    await("every occupancy journalled").atMost(Duration.ofSeconds(30)).until(() ->
                            first.metric("scangate_events_journalled_total{device=\"lane-1-rpm\",kind=\"radiation\"")
                                    + first.metric("scangate_events_journalled_total{device=\"lane-2-rpm\",kind=\"radiation\"")
                                    >= truth.size());
                    assertThat(first.stop()).as("orderly stop").isIn(0, 143);
                }
            }

            List<StoredRecord> written = JournalFiles.read(journal);
            StoredRecord last = written.get(written.size() - 1);
            cut(last.segment(), last.offset() + last.framedBytes() / 2);
            List<StoredRecord> kept = written.subList(0, written.size() - 1);
            assertThat(JournalFiles.read(journal)).as("records intact after the cut").hasSize(kept.size());
            long firstEpoch = last.envelope().getBootEpoch();
            Map<String, Envelope> keptById = kept.stream().map(StoredRecord::envelope)
                    .collect(Collectors.toMap(Envelope::getEventId, Function.identity()));

            broker.startAgain();
            try (GatewayProcess second = GatewayProcess.start(Files.createDirectories(dir.resolve("life-2")), yaml, HEAP)) {
                await("every record before the cut at the subscriber").atMost(Duration.ofMinutes(1))
                        .until(() -> DeliveryRig.eventIds(DeliveryRig.ofEpoch(DeliveryRig.deviceEnvelopes(backEnd),
                                firstEpoch)).containsAll(keptById.keySet()) && DeliveryRig.backlog(second) == 0);

                List<Envelope> fromFirstLife = DeliveryRig.ofEpoch(DeliveryRig.deviceEnvelopes(backEnd), firstEpoch);
                assertThat(DeliveryRig.eventIds(fromFirstLife)).as("events of the first life at the subscriber")
                        .containsExactlyInAnyOrderElementsOf(keptById.keySet())
                        .doesNotContain(last.envelope().getEventId());
                assertThat(fromFirstLife).as("each delivery is the journalled record, byte for byte")
                        .allSatisfy(e -> assertThat(e).isEqualTo(keptById.get(e.getEventId())));
                assertThat(backEnd.undecodable()).as("payloads that are no Envelope").isEmpty();
                Set<String> expectedOccupancies = new TreeSet<>(DeliveryRig.keys(truth));
                if (last.envelope().hasRadiationScan()) {
                    expectedOccupancies.remove(DeliveryRig.key(last.envelope()));
                }
                assertThat(DeliveryRig.eventIdsByOccupancy(fromFirstLife).keySet()).as("occupancies delivered")
                        .containsExactlyInAnyOrderElementsOf(expectedOccupancies);
                assertThat(second.logText()).as("the second gateway's log")
                        .contains("journal torn tail dropped file=" + last.segment() + " offset=" + last.offset()
                                + " bytes=" + (last.framedBytes() / 2));
                assertThat(second.metric("scangate_journal_torn_tails_total")).as("torn tails counted").isEqualTo(1.0);
            }
        }
    }

    private static void cut(Path segment, long length) throws Exception {
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.truncate(length);
        }
    }
}
