package io.scangate.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scangate.gateway.testing.CountingSubscriber;
import io.scangate.gateway.testing.CountingSubscriber.Received;
import io.scangate.gateway.testing.MosquittoBroker;
import io.scangate.proto.v1.RadiationScan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spectroscopic portal that exports N42 files into a drop directory (written as .tmp, then renamed, as
 * export jobs do): every file reaches the back-end once, and a handled file is moved to processed/ (kept,
 * never deleted) only after its messages are durable.
 */
class N42DropDirectoryEndToEndTest {

    private static final Path GOLDEN = Path.of(System.getProperty("scangate.repo.root", ".."),
            "drivers", "n42", "src", "test", "resources", "golden");

    @Test
    void exportedFilesBecomeMessagesAndAreMovedAsideOnceDurable(@TempDir Path dir) throws Exception {
        Path drop = Files.createDirectories(dir.resolve("drop"));
        String yaml = """
                site: test-port
                gatewayId: gw-drop
                journal: {directory: '%s', maxBytes: 64MiB, segmentBytes: 4MiB, maxRecordBytes: 1MiB}
                mqtt: {serverUri: '%%s', reconnectMin: 200ms, reconnectMax: 2s}
                devices:
                  - id: spectro-export
                    driver: n42
                    lane: lane-4
                    transport: {kind: directory, path: '%s', pollInterval: 200ms}
                    params: {framing: PER_CONNECTION}
                """.formatted(dir.resolve("journal"), drop);
        List<String> documents = List.of("simulator-alarm.n42", "alarm-cs137.n42", "multi-detector-occupancy.n42");
        try (MosquittoBroker broker = MosquittoBroker.start();
             CountingSubscriber backEnd = CountingSubscriber.connect(broker.uri(), "drop-back-end", "scangate/v1/+/+/+/radiation");
             GatewayProcess gateway = GatewayProcess.start(dir, yaml.formatted(broker.uri()), "256m")) {

            for (String name : documents) {
                Path tmp = drop.resolve(name + ".tmp");
                Files.copy(GOLDEN.resolve(name), tmp);
                Files.move(tmp, drop.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            }

            await("a scan per passage document").atMost(Duration.ofSeconds(30)).until(() -> backEnd.count() >= documents.size());
            await("handled files moved aside").atMost(Duration.ofSeconds(30)).until(() ->
                    documents.stream().allMatch(n -> Files.exists(drop.resolve("processed").resolve(n))));
            assertThat(documents).allSatisfy(n -> assertThat(drop.resolve(n)).doesNotExist());
            List<RadiationScan> scans = backEnd.byKind("radiation").stream().map(Received::envelope)
                    .map(e -> e.getRadiationScan()).toList();
            assertThat(scans).extracting(RadiationScan::getOccupancyId).contains("fded8f6e-b251-31a9-96bc-eabc179db064");
            assertThat(scans).anyMatch(RadiationScan::getGammaAlarm);
            assertThat(backEnd.eventIds()).hasSize(documents.size());
            assertThat(gateway.metric("scangate_device_decode_errors_total")).isZero();
        }
    }
}
