package io.scangate.simulator.vehicle;

import java.util.List;

/** One simulated vehicle: its ground truth and the device events it causes, in delivery order. */
public record VehiclePassage(VehicleTruth truth, List<PartEvent> parts) {

    public VehiclePassage {
        parts = List.copyOf(parts);
    }
}
