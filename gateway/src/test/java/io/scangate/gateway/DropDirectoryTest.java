package io.scangate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scangate.gateway.config.ConfigLoader;
import io.scangate.gateway.config.LoadedConfig;
import io.scangate.gateway.host.DriverRegistry;
import io.scangate.gateway.testing.MosquittoBroker;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drop-directory transport on a real disk with the N42 driver: a file still being written in place is
 * not taken, a file over the size limit and a file the driver cannot decode go to {@code rejected/} with a
 * counted reason, and the files after them still flow.
 */
class DropDirectoryTest {

    private static final Path GOLDEN = Path.of(System.getProperty("scangate.repo.root", ".."),
            "drivers", "n42", "src", "test", "resources", "golden");
    private static final Duration POLL = Duration.ofMillis(300);

    @Test
    void aFileAppendedInPlaceIsTakenOnlyOnceItHoldsStill(@TempDir Path dir) throws Exception {
        Path drop = Files.createDirectories(dir.resolve("drop"));
        byte[] document = Files.readAllBytes(GOLDEN.resolve("alarm-cs137.n42"));
        Path file = drop.resolve("passage-1.n42");
        try (Gateway gateway = Gateway.start(config(dir, drop, "64KiB"), Clock.systemUTC());
             OutputStream writer = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
            // A slow exporter: a piece every third of a poll interval, across several polls.
            int piece = document.length / 12;
            for (int offset = 0; offset < document.length; offset += piece) {
                writer.write(Arrays.copyOfRange(document, offset, Math.min(document.length, offset + piece)));
                writer.flush();
                Thread.sleep(POLL.toMillis() / 3);
                assertThat(file).as("not taken while it grows").exists();
            }
            writer.close();

            await("the finished file is handled").atMost(Duration.ofSeconds(10))
                    .until(() -> Files.exists(drop.resolve("processed").resolve(file.getFileName())));
            assertThat(journalled(gateway, "radiation")).isEqualTo(1.0);
            assertThat(decodeErrors(gateway)).isZero();
            assertThat(drop.resolve("rejected")).doesNotExist();
        }
    }

    @Test
    void oversizeAndUndecodableFilesAreRejectedWithAReasonAndLaterFilesStillFlow(@TempDir Path dir) throws Exception {
        Path drop = Files.createDirectories(dir.resolve("drop"));
        try (Gateway gateway = Gateway.start(config(dir, drop, "4KiB"), Clock.systemUTC())) {
            Files.copy(GOLDEN.resolve("simulator-alarm.n42"), drop.resolve("a-too-large.n42"));
            Files.copy(GOLDEN.resolve("malformed.n42"), drop.resolve("b-malformed.n42"));
            await("both bad files set aside").atMost(Duration.ofSeconds(10)).until(() ->
                    Files.exists(drop.resolve("rejected").resolve("a-too-large.n42"))
                            && Files.exists(drop.resolve("rejected").resolve("b-malformed.n42")));

            Files.copy(GOLDEN.resolve("alarm-cs137.n42"), drop.resolve("c-good.n42"));
            await("a good file after them").atMost(Duration.ofSeconds(10))
                    .until(() -> Files.exists(drop.resolve("processed").resolve("c-good.n42")));

            String metrics = gateway.registry().scrape();
            assertThat(metrics).contains("reason=\"file_too_large\"").contains("reason=\"malformed_document\"");
            assertThat(journalled(gateway, "radiation")).as("only the good passage is a scan").isEqualTo(1.0);
            assertThat(journalled(gateway, "raw")).as("what could not be decoded is kept raw").isEqualTo(1.0);
            assertThat(drop.resolve("processed").resolve("a-too-large.n42")).doesNotExist();
        }
    }

    private static double journalled(Gateway gateway, String kind) {
        String prefix = "scangate_events_journalled_total{device=\"spectro-export\",kind=\"" + kind + "\"} ";
        return gateway.registry().scrape().lines().filter(l -> l.startsWith(prefix))
                .mapToDouble(l -> Double.parseDouble(l.substring(prefix.length()))).sum();
    }

    private static double decodeErrors(Gateway gateway) {
        return gateway.registry().scrape().lines()
                .filter(l -> l.startsWith("scangate_device_decode_errors_total{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static LoadedConfig config(Path dir, Path drop, String maxFileBytes) throws Exception {
        return new ConfigLoader(DriverRegistry.fromClassPath()).parse("""
                site: test
                gatewayId: gw-drop
                journal: {directory: '%s', maxBytes: 8MiB, segmentBytes: 1MiB, maxRecordBytes: 64KiB}
                mqtt: {serverUri: '%s', reconnectMin: 1s, reconnectMax: 5s}
                ops: {httpPort: -1}
                devices:
                  - id: spectro-export
                    driver: n42
                    lane: lane4
                    transport: {kind: directory, path: '%s', pollInterval: %dms, maxFileBytes: %s}
                    params: {framing: PER_CONNECTION}
                """.formatted(dir.resolve("journal"), MosquittoBroker.absentBrokerUri(), drop, POLL.toMillis(), maxFileBytes));
    }
}
