package io.scangate.launcher.delivery;

import static io.scangate.launcher.delivery.DeliveryRig.HEAP;
import static io.scangate.launcher.delivery.DeliveryRig.SUBSCRIPTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scangate.gateway.testing.CountingSubscriber;
import io.scangate.gateway.testing.MosquittoBroker;
import io.scangate.launcher.GatewayProcess;
import io.scangate.launcher.GatewayProcess.CommandResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker whose Maximum Packet Size is too small for a radiation scan: the gateway dead-letters the scans
 * instead of blocking its queue. Once the broker accepts normal packets again, the operator lists the dead
 * letters, requeues them with the gateway stopped, and the next gateway delivers them under their original
 * event ids. Every {@code scangate} command runs in its own JVM, as an operator would run it.
 */
class DeadLetterRequeueTest {

    /** Status, setup and measurement messages (under 300 bytes here) fit with their properties; a radiation scan with its spectra (about 1 KB) does not. */
    private static final int SMALL_PACKET = 800;

    @Test
    void scansTheBrokerRefusedAsTooLargeAreListedRequeuedAndDeliveredUnderTheirEventIds(@TempDir Path dir)
            throws Exception {
        Path journal = dir.resolve("journal");
        try (MosquittoBroker broker = MosquittoBroker.start()) {
            broker.maxPacketSizeFromNextStart(SMALL_PACKET);
            broker.restart();
            String yaml;
            try (Lanes lanes = Lanes.start(1, 500, 2)) {
                yaml = DeliveryRig.gatewayYaml(lanes, broker.uri(), journal, "", "");
                try (GatewayProcess first = GatewayProcess.start(Files.createDirectories(dir.resolve("life-1")), yaml, HEAP)) {
                    assertThat(lanes.awaitCompleted(Duration.ofMinutes(1))).as("simulator finished").isTrue();
                    try {
                        await("both scans dead-lettered").atMost(Duration.ofSeconds(30))
                                .until(() -> first.metric("scangate_publish_deadlettered_total") >= 2);
                    } catch (ConditionTimeoutException e) {
                        throw new AssertionError("gateway health " + first.health() + ", its log:\n" + first.logText(), e);
                    }

                    CommandResult locked = GatewayProcess.command(dir, "dead-letters", "requeue", "--journal",
                            journal.toString(), "--all");
                    assertThat(locked.exitCode()).as("requeue while the gateway runs").isEqualTo(1);
                    assertThat(locked.err()).contains("is in use by another process", "stop the gateway first");
                    assertThat(first.stop()).as("orderly stop").isIn(0, 143);
                }
            }

            CommandResult listed = GatewayProcess.command(dir, "dead-letters", "list", "--journal", journal.toString(),
                    "--json");
            assertThat(listed.exitCode()).as(listed.err()).isZero();
            List<JsonNode> letters = new ArrayList<>();
            for (String line : listed.out().lines().toList()) {
                letters.add(new ObjectMapper().readTree(line));
            }
            List<JsonNode> scans = letters.stream().filter(letter -> "radiation".equals(letter.path("kind").asText()))
                    .toList();
            assertThat(scans).as("dead-lettered radiation scans in %s", listed.out()).hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(scan -> assertThat(scan.get("reason").asText())
                            .contains("exceeds the broker's maximum packet size " + SMALL_PACKET));
            Set<String> eventIds = letters.stream().map(letter -> letter.get("eventId").asText())
                    .collect(Collectors.toSet());
            CommandResult lines = GatewayProcess.command(dir, "dead-letters", "list", "--journal", journal.toString());
            assertThat(lines.out()).contains("event=" + scans.get(0).get("eventId").asText(),
                    "reason=\"payload of ", letters.size() + " dead letter(s), 0 requeued");

            broker.maxPacketSizeFromNextStart(0);
            broker.restart();
            try (CountingSubscriber backEnd = CountingSubscriber.connect(broker.uri(), "requeue-back-end", SUBSCRIPTION)) {
                CommandResult requeued = GatewayProcess.command(dir, "dead-letters", "requeue", "--journal",
                        journal.toString(), "--all");
                assertThat(requeued.exitCode()).as(requeued.out() + requeued.err()).isZero();
                assertThat(requeued.out()).contains("requeued " + letters.size() + " dead letter(s)");

                try (GatewayProcess second = GatewayProcess.start(Files.createDirectories(dir.resolve("life-2")), yaml, HEAP)) {
                    await("every requeued event at the subscriber").atMost(Duration.ofMinutes(1))
                            .until(() -> DeliveryRig.eventIds(DeliveryRig.deviceEnvelopes(backEnd)).containsAll(eventIds));
                    assertThat(second.metric("scangate_publish_deadlettered_total")).as("dead letters this time").isZero();
                }
            }

            CommandResult again = GatewayProcess.command(dir, "dead-letters", "requeue", "--journal", journal.toString(),
                    "--id", scans.get(0).get("id").asText());
            assertThat(again.exitCode()).isEqualTo(2);
            assertThat(again.err()).contains(scans.get(0).get("id").asText() + ": already requeued as ");
        }
    }
}
