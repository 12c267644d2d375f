package io.scangate.simulator.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scangate.simulator.vehicle.Iso6346;
import io.scangate.simulator.vehicle.Vehicle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The OCR golden vectors of the driver ({@code drivers/ocr/src/test/resources/golden}, read as files: the
 * simulator does not depend on the driver): the two the simulator wrote are still what its encoders write,
 * and every container code the driver's expectations flag is flagged alike by the simulator's own check.
 */
class OcrGoldenVectorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Path goldenDirectory() {
        String root = System.getProperty("scangate.repo.root", ".");
        Path directory = Path.of(root, "drivers", "ocr", "src", "test", "resources", "golden");
        if (!Files.isDirectory(directory)) {
            directory = Path.of(root).resolve("..").resolve("drivers/ocr/src/test/resources/golden").normalize();
        }
        return directory;
    }

    /** Two 20-foot boxes, both misread (seed 11: a look-alike and a wrong check digit), the plate read at once. */
    static PortalRead goldenRead() {
        OcrReadGenerator generator = new OcrReadGenerator(new OcrFaults(0, 0, 0.5, 0.5, 0, 0), 11,
                "https://ocr-gate3.port.example/images");
        Vehicle vehicle = new Vehicle("BX482KL", "NL", List.of("CSQU3054383", "OOLU1234567"));
        return generator.read(vehicle, "lane-3", Instant.parse("2026-11-26T07:30:00.125Z")).read().orElseThrow();
    }

    @Test
    void theSimulatorsGoldenBodyAndLineAreWhatItsEncodersWrite() throws IOException {
        PortalRead read = goldenRead();
        assertGolden("simulator-misreads.json", ReadEncoders.json(read));
        assertGolden("simulator-misreads.line", ReadEncoders.line(read));
        assertThat(read.containers()).extracting(PortalRead.Container::code).noneMatch(Iso6346::valid);
    }

    @Test
    void theSimulatorsCheckDigitAgreesWithEveryFlagTheDriverExpects() throws IOException {
        int checked = 0;
        try (Stream<Path> files = Files.list(goldenDirectory())) {
            for (Path expected : files.filter(p -> p.toString().endsWith(".expected.json")).sorted().toList()) {
                for (JsonNode event : JSON.readTree(expected.toFile())) {
                    for (JsonNode container : event.path("conveyanceId").path("containers")) {
                        String code = container.get("normalised").asText();
                        String check = container.get("check").asText();
                        assertThat(ownVerdict(code)).as("%s in %s", code, expected.getFileName()).isEqualTo(check);
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).as("container codes in the golden set").isGreaterThanOrEqualTo(8);
    }

    private static String ownVerdict(String code) {
        boolean shaped = code.matches("[A-Z]{3}[UJZ][0-9]{6}[0-9]?");
        if (!shaped) {
            return "CHECK_DIGIT_MALFORMED";
        }
        if (code.length() == 10) {
            return "CHECK_DIGIT_ABSENT";
        }
        return Iso6346.valid(code) ? "CHECK_DIGIT_VALID" : "CHECK_DIGIT_INVALID";
    }

    private static void assertGolden(String file, String actual) throws IOException {
        Path golden = goldenDirectory().resolve(file);
        if (!Files.exists(golden)) {
            fail("missing " + golden + "; the simulator writes:\n" + actual);
        }
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
