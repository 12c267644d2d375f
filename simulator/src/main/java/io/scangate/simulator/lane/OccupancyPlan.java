package io.scangate.simulator.lane;

import io.scangate.simulator.Fault;

import java.util.List;

/**
 * What a source intends for one occupancy; the lane turns it into ground truth with what was really written.
 *
 * @param index         1-based order in the lane
 * @param deviceCounter GX counter, or {@code null} when unknown (a replayed occupancy without GX)
 * @param startMillis   simulated start
 * @param endMillis     simulated end
 * @param faults        faults put into it
 */
public record OccupancyPlan(long index, Integer deviceCounter, long startMillis, long endMillis, List<Fault> faults) {

    public OccupancyPlan {
        faults = List.copyOf(faults);
    }
}
