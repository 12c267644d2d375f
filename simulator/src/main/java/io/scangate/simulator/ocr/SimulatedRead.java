package io.scangate.simulator.ocr;

import io.scangate.simulator.vehicle.Vehicle;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A vehicle, the read the portal made of it (empty when it missed the vehicle) and what went wrong: per
 * container in the vehicle's order (an empty set where nothing did) and for the plate.
 */
public record SimulatedRead(Vehicle truth, Optional<PortalRead> read, List<Set<OcrFault>> containerFaults,
                            Set<OcrFault> plateFaults) {

    public SimulatedRead {
        containerFaults = containerFaults.stream().map(Set::copyOf).toList();
        plateFaults = Set.copyOf(plateFaults);
    }

    public boolean vehicleMissed() {
        return read.isEmpty();
    }
}
