package io.scangate.simulator;

import java.util.List;

/**
 * Ground truth for one occupancy, as it was actually written to the client (one JSON line in the ground-truth
 * file). Times are simulated milliseconds: since the lane started for a scenario (the clock runs only while a
 * client is connected), since midnight of the file's first day for a replay.
 *
 * @param lane          lane id
 * @param index         1-based order of this occupancy in its lane
 * @param deviceCounter the GX occupancy counter the device used (also when GX was not sent); {@code null} for a
 *                      replayed occupancy without GX
 * @param startMillis   simulated start (first line of the occupancy)
 * @param endMillis     simulated end (the GX time, or when it would have been)
 * @param gammaAlarm    at least one GA line was written
 * @param neutronAlarm  at least one NA line was written
 * @param gxSent        the GX line was written
 * @param interrupted   the connection ended (drop fault or client) before the occupancy was complete
 * @param faults        faults injected into this occupancy
 * @param gsLines       GS lines written (pre-trigger burst included)
 * @param gaLines       GA lines written
 * @param nsLines       NS lines written
 * @param naLines       NA lines written
 * @param spLines       SP lines written
 */
public record OccupancyTruth(
        String lane,
        long index,
        Integer deviceCounter,
        long startMillis,
        long endMillis,
        boolean gammaAlarm,
        boolean neutronAlarm,
        boolean gxSent,
        boolean interrupted,
        List<Fault> faults,
        int gsLines,
        int gaLines,
        int nsLines,
        int naLines,
        int spLines) {

    public OccupancyTruth {
        faults = List.copyOf(faults);
    }
}
