package io.scangate.simulator.n42;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.scangate.simulator.n42.SimulatedDocument.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXParseException;

/**
 * The N42 golden documents of the driver ({@code drivers/n42/src/test/resources/golden}, read as files: the
 * simulator does not depend on the driver) are well-formed N42 by the simulator's own reading, and the one
 * the simulator wrote is still what its writer writes.
 */
class GoldenN42DocumentsTest {

    static final String SIMULATOR_GOLDEN = "simulator-alarm.n42";
    private static final long GOLDEN_SEED = 42;

    static Path goldenDirectory() {
        String root = System.getProperty("scangate.repo.root", ".");
        Path directory = Path.of(root, "drivers", "n42", "src", "test", "resources", "golden");
        if (!Files.isDirectory(directory)) {
            directory = Path.of(root).resolve("..").resolve("drivers/n42/src/test/resources/golden").normalize();
        }
        return directory;
    }

    /** The simulator's golden alarm document: the first alarm of lane seed 42, CountedZeroes. */
    static byte[] simulatorGolden() {
        N42Scenario scenario = new N42Scenario(N42LaneSettings.defaults().withSeed(GOLDEN_SEED)
                .withAlarmProbability(1).withOccupanciesPerHour(120));
        SimulatedDocument document = scenario.next();
        while (document.kind() != Kind.ALARM) {
            document = scenario.next();
        }
        return new N42DocumentWriter("n42-lane-1", N42Scenario.GAMMA_DETECTORS, N42Scenario.NEUTRON_DETECTORS, true)
                .write(document);
    }

    @Test
    void everyGoldenDocumentExceptTheMalformedOneIsWellFormedN42() throws Exception {
        List<Path> documents = goldenDocuments();
        assertThat(documents).extracting(p -> p.getFileName().toString())
                .contains("background.n42", "alarm-cs137.n42", "counted-zeroes.n42", "malformed.n42", SIMULATOR_GOLDEN);
        for (Path document : documents) {
            byte[] bytes = Files.readAllBytes(document);
            if (document.getFileName().toString().equals("malformed.n42")) {
                assertThatThrownBy(() -> N42Xml.parse(bytes)).isInstanceOf(SAXParseException.class);
                continue;
            }
            N42Xml.Parsed parsed = N42Xml.parse(bytes);
            assertThat(parsed.measurements().size() + parsed.alarmCategories().size())
                    .as(document.getFileName().toString()).isPositive();
        }
    }

    @Test
    void theSimulatorGoldenIsWhatTheWriterWrites() throws Exception {
        Path golden = goldenDirectory().resolve(SIMULATOR_GOLDEN);
        if (!Files.exists(golden)) {
            fail(golden + " is missing: run GoldenN42DocumentsTest.main from the simulator's test classes");
        }
        assertThat(Files.readAllBytes(golden)).isEqualTo(simulatorGolden());
        N42Xml.Parsed parsed = N42Xml.parse(Files.readAllBytes(golden));
        assertThat(parsed.alarmCategories()).containsExactly("Gamma");
        assertThat(parsed.nuclides()).containsKey("Cs-137");
        assertThat(parsed.measurements().get(0).spectra()).allSatisfy(spectrum ->
                assertThat(spectrum.channels()).hasSize(SpectrumModel.CHANNELS));
    }

    private static List<Path> goldenDocuments() throws IOException {
        Path directory = goldenDirectory();
        assertThat(directory).as("the driver's golden directory").isDirectory();
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".n42")).sorted().toList();
        }
    }

    /** Writes the simulator golden into the driver's golden directory: {@code main <repo root>}. */
    public static void main(String[] args) throws IOException {
        Path golden = Path.of(args[0], "drivers/n42/src/test/resources/golden", SIMULATOR_GOLDEN);
        Files.write(golden, simulatorGolden());
        System.out.println("wrote " + golden);
    }
}
