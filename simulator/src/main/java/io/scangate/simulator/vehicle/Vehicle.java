package io.scangate.simulator.vehicle;

import java.util.List;

/** One simulated vehicle: its ground truth and the device events it causes, in delivery order. */
public record Vehicle(VehicleTruth truth, List<PartEvent> parts) {

    public Vehicle {
        parts = List.copyOf(parts);
    }
}
