package io.scangate.simulator.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import io.scangate.simulator.vehicle.Vehicle;
import io.scangate.simulator.vehicle.VehicleGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OcrReadGeneratorTest {

    private static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");

    @Test
    void aPerfectPortalReadsWhatPassedWithHighConfidence() {
        OcrReadGenerator portal = new OcrReadGenerator(OcrFaults.none(), 1);
        VehicleGenerator traffic = new VehicleGenerator(2);
        for (int i = 0; i < 200; i++) {
            Vehicle vehicle = traffic.next();
            PortalRead read = portal.read(vehicle, "lane-1", T0.plusSeconds(i)).read().orElseThrow();
            assertThat(read.containers()).extracting(PortalRead.Container::code).containsExactlyElementsOf(vehicle.containers());
            assertThat(read.containers()).allMatch(c -> c.confidence() >= 0.85);
            assertThat(read.plate().text()).isEqualTo(vehicle.plate());
            assertThat(read.readId()).isEqualTo("lane-1-" + (i + 1));
        }
    }

    @Test
    void theSameSeedGivesTheSameReads() {
        List<String> first = encoded(7);
        assertThat(encoded(7)).isEqualTo(first);
        assertThat(encoded(8)).isNotEqualTo(first);
    }

    @Test
    void everyFaultHappensAndTheGroundTruthSaysWhichAndWhere() {
        OcrReadGenerator portal = new OcrReadGenerator(new OcrFaults(0.05, 0.1, 0.1, 0.1, 0.1, 0.1), 5);
        VehicleGenerator traffic = new VehicleGenerator(6, 0, 0, 1);
        Map<OcrFault, Integer> seen = new EnumMap<>(OcrFault.class);
        for (int i = 0; i < 2000; i++) {
            SimulatedRead simulated = portal.read(traffic.next(), "lane-1", T0);
            simulated.plateFaults().forEach(f -> seen.merge(f, 1, Integer::sum));
            if (simulated.vehicleMissed()) {
                continue;
            }
            PortalRead read = simulated.read().orElseThrow();
            int sent = 0;
            for (int c = 0; c < simulated.truth().containers().size(); c++) {
                Set<OcrFault> faults = simulated.containerFaults().get(c);
                faults.forEach(f -> seen.merge(f, 1, Integer::sum));
                if (faults.contains(OcrFault.MISSED_CONTAINER)) {
                    continue;
                }
                String truth = simulated.truth().containers().get(c);
                PortalRead.Container container = read.containers().get(sent++);
                if (faults.contains(OcrFault.WRONG_CHECK_DIGIT)) {
                    assertThat(container.code()).startsWith(truth.substring(0, 10)).isNotEqualTo(truth);
                } else if (faults.contains(OcrFault.LOOK_ALIKE)) {
                    assertThat(container.code()).isNotEqualTo(truth).doesNotMatch("[A-Z]{3}U[0-9]{7}");
                } else {
                    assertThat(container.code()).isEqualTo(truth);
                }
                if (faults.contains(OcrFault.LOW_CONFIDENCE)) {
                    assertThat(container.confidence()).isBetween(0.30, 0.60);
                }
            }
            assertThat(read.containers()).hasSize(sent);
            assertThat(read.plate() == null).isEqualTo(simulated.plateFaults().contains(OcrFault.NO_PLATE));
        }
        assertThat(seen.keySet()).containsExactlyInAnyOrder(OcrFault.values());
        // 2000 vehicles, 5 % missed: about 100 (binomial sd about 10)
        assertThat(seen.get(OcrFault.MISSED_VEHICLE)).isBetween(60, 140);
    }

    private static List<String> encoded(long seed) {
        OcrReadGenerator portal = new OcrReadGenerator(OcrFaults.realistic().scaled(5), seed);
        VehicleGenerator traffic = new VehicleGenerator(seed);
        List<String> reads = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            portal.read(traffic.next(), "lane-1", T0.plusSeconds(i)).read().map(ReadEncoders::json).ifPresent(reads::add);
        }
        return reads;
    }
}
