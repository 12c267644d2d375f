package io.scangate.gateway.correlate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * @param lanes the correlated lanes (none: the correlator is off)
 * @param sweepInterval how often deadlines are checked
 * @param stateFile where open and recent inspections are kept across restarts
 */
public record CorrelationSettings(List<LaneSettings> lanes, Duration sweepInterval, Path stateFile) {

    public CorrelationSettings {
        lanes = List.copyOf(lanes);
    }
}
