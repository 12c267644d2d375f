package io.scangate.driver.n42;

import io.scangate.driver.n42.N42Document.Detector;
import io.scangate.driver.n42.N42Document.GrossCounts;
import io.scangate.driver.n42.N42Document.Measurement;
import io.scangate.driver.n42.N42Document.SpectrumData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The detectors of one document, in a stable order (as declared in RadDetectorInformation, then those only
 * referenced, in order of first reference), each with its kind. Counts lists in the contract follow this
 * order.
 */
final class Detectors {

    enum Kind { GAMMA, NEUTRON }

    private final Map<String, Kind> kinds = new LinkedHashMap<>();

    Detectors(N42Document document) {
        for (Detector detector : document.detectors) {
            if (detector.id != null) {
                kinds.putIfAbsent(detector.id, kindOf(detector.id, detector.category, detector.name));
            }
        }
        for (Measurement measurement : document.measurements) {
            for (SpectrumData spectrum : measurement.spectra) {
                if (spectrum.detector != null) {
                    kinds.putIfAbsent(spectrum.detector, Kind.GAMMA);
                }
            }
            for (GrossCounts counts : measurement.grossCounts) {
                if (counts.detector != null) {
                    kinds.putIfAbsent(counts.detector, kindOf(counts.detector, null, null));
                }
            }
        }
    }

    /**
     * RadDetectorCategoryCode decides; without one, a detector whose id or name says "neutron" is a neutron
     * detector and every other one counts as gamma (the only other kind portals report).
     */
    private static Kind kindOf(String id, String category, String name) {
        if (category != null && !category.isEmpty()) {
            return "Neutron".equalsIgnoreCase(category) ? Kind.NEUTRON : Kind.GAMMA;
        }
        String label = (id + " " + name).toLowerCase(Locale.ROOT);
        return label.contains("neutron") ? Kind.NEUTRON : Kind.GAMMA;
    }

    Kind kind(String detector) {
        return detector == null ? Kind.GAMMA : kinds.getOrDefault(detector, Kind.GAMMA);
    }

    List<String> all() {
        return List.copyOf(kinds.keySet());
    }

    List<String> of(Kind kind) {
        List<String> ids = new ArrayList<>();
        kinds.forEach((id, k) -> {
            if (k == kind) {
                ids.add(id);
            }
        });
        return ids;
    }

    static String label(String detector) {
        return detector == null ? "" : detector;
    }
}
