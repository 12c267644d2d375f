package io.scangate.simulator.vehicle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VehicleLaneScenarioTest {

    @Test
    void vehiclesPassTheDevicesInOrderWithTheConfiguredStatistics() {
        VehicleLaneSettings settings = VehicleLaneSettings.defaults();
        List<VehiclePassage> vehicles = new VehicleLaneScenario(settings, 42, 0).vehicles(2000);

        double hours = vehicles.get(vehicles.size() - 1).truth().arrivalMillis() / 3_600_000.0;
        assertThat(vehicles.size() / hours).isBetween(27.0, 33.0);
        for (int i = 1; i < vehicles.size(); i++) {
            assertThat(vehicles.get(i).truth().arrivalMillis() - vehicles.get(i - 1).truth().arrivalMillis())
                    .isGreaterThanOrEqualTo(30_000);
        }
        long twoBoxes = vehicles.stream().filter(v -> v.truth().containers().size() == 2).count();
        long none = vehicles.stream().filter(v -> v.truth().containers().isEmpty()).count();
        assertThat(twoBoxes / 2000.0).isBetween(0.35, 0.45);
        assertThat(none / 2000.0).isBetween(0.07, 0.13);
        assertThat(share(vehicles, t -> t.ocrNoRead())).isBetween(0.025, 0.055);
        assertThat(share(vehicles, t -> t.xrayMissing())).isBetween(0.025, 0.055);
        assertThat(share(vehicles, t -> t.xrayLate())).isBetween(0.025, 0.055);
        assertThat(share(vehicles, t -> t.wrongCheckDigit())).isBetween(0.015, 0.045);

        for (VehiclePassage v : vehicles) {
            long ocr = at(v, PartKind.OCR);
            long rpm = at(v, PartKind.RPM);
            assertThat(rpm).isGreaterThan(ocr);
            if (!v.truth().xrayMissing()) {
                assertThat(at(v, PartKind.XRAY)).isGreaterThan(rpm);
                assertThat(v.parts().stream().filter(p -> p.kind() == PartKind.XRAY)).hasSize(v.truth().xrayViews());
            } else {
                assertThat(v.truth().parts()).doesNotContain(PartKind.XRAY);
            }
            for (PartEvent p : v.parts()) {
                assertThat(p.deliverMillis()).isGreaterThanOrEqualTo(p.atMillis());
            }
            PartEvent.OcrRead read = (PartEvent.OcrRead) v.parts().stream().filter(p -> p.kind() == PartKind.OCR).findFirst().orElseThrow();
            if (!v.truth().ocrNoRead() && !v.truth().wrongCheckDigit()) {
                assertThat(read.containerCodes()).isEqualTo(v.truth().containers());
                assertThat(read.plate()).isEqualTo(v.truth().plate());
            }
        }
    }

    @Test
    void aSeedReplaysTheSameTraffic() {
        var a = new VehicleLaneScenario(VehicleLaneSettings.defaults(), 7, 1000).vehicles(50);
        var b = new VehicleLaneScenario(VehicleLaneSettings.defaults(), 7, 1000).vehicles(50);
        assertThat(a).isEqualTo(b);
    }

    @Test
    void groundTruthRoundTripsAsJsonLines(@TempDir Path dir) throws Exception {
        var vehicles = new VehicleLaneScenario(VehicleLaneSettings.defaults(), 9, 0).vehicles(20);
        Path file = dir.resolve("truth.jsonl");
        VehicleTruthLog.write(file, vehicles);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(20);
        assertThat(VehicleTruthLog.parse(lines.get(3))).isEqualTo(vehicles.get(3).truth());
    }

    private static long at(VehiclePassage v, PartKind kind) {
        return v.parts().stream().filter(p -> p.kind() == kind).mapToLong(PartEvent::atMillis).min().orElseThrow();
    }

    private static double share(List<VehiclePassage> vehicles, java.util.function.Predicate<VehicleTruth> fault) {
        return vehicles.stream().filter(v -> fault.test(v.truth())).count() / (double) vehicles.size();
    }
}
