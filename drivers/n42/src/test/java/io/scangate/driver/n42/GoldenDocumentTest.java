package io.scangate.driver.n42;

import io.scangate.driver.testkit.CanonicalJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import io.scangate.proto.v1.Envelope;
import io.scangate.proto.v1.Spectrum;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.xml.sax.SAXParseException;

/**
 * Every {@code golden/NAME.n42} through the real pipeline, framed STX ... ETX: what the driver did must equal
 * {@code NAME.expected.json} ({@link GoldenJson}), whether the bytes arrive at once or in small pieces;
 * and every spectrum emitted must have the channel count, sum, live time and real time that the document
 * itself says, computed here independently with the JDK's DOM parser ({@link IndependentN42}).
 */
class GoldenDocumentTest {

    @Test
    void theGoldenSetCoversTheCasesTheSpecNames() throws IOException {
        assertThat(cases()).extracting(GoldenDocumentTest::name).contains("background", "multi-detector-occupancy",
                "counted-zeroes", "alarm-cs137", "vendor-extensions", "malformed", "simulator-alarm");
    }

    @TestFactory
    Stream<DynamicNode> goldenDocuments() throws IOException {
        return cases().stream().map(GoldenDocumentTest::testsFor);
    }

    private static DynamicNode testsFor(Path document) {
        List<DynamicNode> tests = new ArrayList<>();
        tests.add(dynamicTest("events", () -> {
            byte[] bytes = Files.readAllBytes(document);
            DriverHarness harness = new DriverHarness().feed(DriverHarness.framed(bytes));
            assertEvents(document, harness);
        }));
        tests.add(dynamicTest("events, 7 bytes per read", () -> {
            byte[] bytes = Files.readAllBytes(document);
            DriverHarness harness = new DriverHarness().feedInChunks(DriverHarness.framed(bytes), 7);
            assertEvents(document, harness);
        }));
        tests.add(dynamicTest("spectra and times as the document says", () -> assertSpectra(document)));
        return DynamicContainer.dynamicContainer(name(document), tests);
    }

    private static void assertEvents(Path document, DriverHarness harness) throws IOException {
        List<String> actual = harness.device().events().stream()
                .map(GoldenJson::event).map(CanonicalJson::of).toList();
        Path expectedFile = document.resolveSibling(name(document) + ".expected.json");
        if (!Files.exists(expectedFile)) {
            fail("missing " + expectedFile.getFileName() + "; the driver produced:\n" + String.join(",\n", actual));
        }
        List<String> expected = new ArrayList<>();
        for (JsonNode event : GoldenJson.JSON.readTree(expectedFile.toFile())) {
            expected.add(CanonicalJson.of(event));
        }
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(harness.device().frames()).isEqualTo(1);
    }

    private static void assertSpectra(Path document) throws Exception {
        byte[] bytes = Files.readAllBytes(document);
        List<Envelope> emitted = new DriverHarness().feed(DriverHarness.framed(bytes)).device().emitted();
        if (name(document).equals("malformed")) {
            assertThatThrownBy(() -> IndependentN42.spectra(bytes)).isInstanceOf(SAXParseException.class);
            assertThat(emitted).singleElement().satisfies(message ->
                    assertThat(message.getRawRecord().getPayload().toByteArray()).isEqualTo(bytes));
            return;
        }
        List<String> actual = new ArrayList<>();
        for (Envelope message : emitted) {
            List<Spectrum> spectra = message.hasRadiationScan() ? message.getRadiationScan().getSpectraList()
                    : message.getRadiationMeasurement().getSpectraList();
            for (Spectrum spectrum : spectra) {
                actual.add(IndependentN42.describe(spectrum.getDetector(), spectrum.getChannelCountsCount(),
                        spectrum.getChannelCountsList().stream().mapToLong(Integer::toUnsignedLong).sum(),
                        GoldenJson.seconds(spectrum.getLiveTime()), GoldenJson.seconds(spectrum.getRealTime())));
            }
        }
        List<String> expected = IndependentN42.spectra(bytes);
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }

    static List<Path> cases() throws IOException {
        Path directory;
        try {
            directory = Path.of(GoldenDocumentTest.class.getResource("/golden").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(path -> path.getFileName().toString().endsWith(".n42")).sorted().toList();
        }
    }

    private static String name(Path document) {
        String file = document.getFileName().toString();
        return file.substring(0, file.length() - ".n42".length());
    }
}
