package io.scangate.simulator.vehicle;

import java.util.List;
import java.util.Set;

/**
 * What really passed, for one vehicle: the ground truth a correlation is checked against.
 *
 * @param vehicle          index in the scenario, from 0
 * @param arrivalMillis    when it reached the first device of the lane
 * @param plate            its licence plate
 * @param containers       the true ISO 6346 codes it carried (0-2)
 * @param parts            which devices reported it at all
 * @param ocrNoRead        the OCR portal reported the passage but read nothing
 * @param wrongCheckDigit  the OCR misread a check digit (the reported code differs from the true one)
 * @param xrayMissing      the vehicle was not X-rayed
 * @param xrayLate         the X-ray images were delivered minutes late
 * @param gammaAlarm       the radiation portal alarmed
 * @param xrayViews        images in its X-ray study (0 when not X-rayed)
 */
public record VehicleTruth(long vehicle, long arrivalMillis, String plate, String plateCountry,
                           List<String> containers, Set<PartKind> parts,
                           boolean ocrNoRead, boolean wrongCheckDigit, boolean xrayMissing, boolean xrayLate,
                           boolean gammaAlarm, int xrayViews) {

    public VehicleTruth {
        containers = List.copyOf(containers);
        parts = Set.copyOf(parts);
    }

    /** Every part the lane expects arrived with content: the correlation should be complete. */
    public boolean completeExpected() {
        return parts.containsAll(Set.of(PartKind.OCR, PartKind.RPM, PartKind.XRAY)) && !ocrNoRead;
    }
}
