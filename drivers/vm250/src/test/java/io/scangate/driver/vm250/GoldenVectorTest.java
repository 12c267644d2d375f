package io.scangate.driver.vm250;

import io.scangate.driver.testkit.CanonicalJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case in {@code golden/} (format: golden/README.md) through the real pipeline. The bytes of
 * {@code NAME.lines} are written at once, then time passes beyond the occupancy timeout; what the driver
 * did must equal {@code NAME.events.jsonl} (compact form: {@link GoldenJson#event}).
 */
class GoldenVectorTest {

    private static final Duration AFTER_LAST_BYTE =
            Vm250Config.DEFAULT_OCCUPANCY_TIMEOUT.plusSeconds(1);

    @TestFactory
    Stream<DynamicNode> goldenCases() throws IOException {
        return cases().stream().map(GoldenVectorTest::testsFor);
    }

    @Test
    void theSharedAllTagsCaseAndTheAddedCasesArePresent() throws IOException {
        assertThat(cases()).extracting(GoldenVectorTest::name).contains("all-tags", "normal-occupancy",
                "gamma-alarm", "neutron-alarm", "missing-values", "unknown-tags", "counter-reset",
                "missing-gx-background", "missing-gx-timeout", "tamper", "faults");
    }

    private static DynamicNode testsFor(Path lines) {
        String name = name(lines);
        List<DynamicNode> tests = new ArrayList<>();
        tests.add(dynamicTest("records", () -> {
            DriverHarness harness = new DriverHarness().feed(Files.readAllBytes(lines));
            assertRecords(lines, harness);
        }));
        tests.add(dynamicTest("records, one byte per read", () -> {
            DriverHarness harness = new DriverHarness().feedByteByByte(Files.readAllBytes(lines));
            assertRecords(lines, harness);
        }));
        Path events = sibling(lines, ".events.jsonl");
        if (Files.exists(events)) {
            tests.add(dynamicTest("events", () -> {
                DriverHarness harness = new DriverHarness().feed(Files.readAllBytes(lines))
                        .advance(AFTER_LAST_BYTE);
                List<String> actual = harness.device().events().stream()
                        .map(GoldenJson::event).map(CanonicalJson::of).toList();
                assertThat(actual).containsExactlyElementsOf(canonicalLines(events));
            }));
        }
        return DynamicContainer.dynamicContainer(name, tests);
    }

    private static void assertRecords(Path lines, DriverHarness harness) {
        List<String> expected = canonicalLines(sibling(lines, ".records.jsonl"));
        List<String> actual = harness.records().stream().map(GoldenJson::record).map(CanonicalJson::of).toList();
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(harness.device().decodeErrors()).isEmpty();
        assertThat(harness.device().frames()).isEqualTo(expected.size());
    }

    private static List<String> canonicalLines(Path jsonl) {
        try {
            List<String> canonical = new ArrayList<>();
            for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    JsonNode node = GoldenJson.JSON.readTree(line);
                    canonical.add(CanonicalJson.of(node));
                }
            }
            return canonical;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> cases() throws IOException {
        Path directory;
        try {
            directory = Path.of(GoldenVectorTest.class.getResource("/golden").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(path -> path.getFileName().toString().endsWith(".lines")).sorted().toList();
        }
    }

    private static String name(Path lines) {
        String file = lines.getFileName().toString();
        return file.substring(0, file.length() - ".lines".length());
    }

    private static Path sibling(Path lines, String suffix) {
        return lines.resolveSibling(name(lines) + suffix);
    }
}
