package io.scangate.gateway.config;

import io.scangate.gateway.correlate.CorrelationSettings;
import io.scangate.gateway.correlate.ExpectedPart;
import io.scangate.gateway.correlate.LaneSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code correlation:} joins what the devices of one lane report about one vehicle into an {@code Inspection}.
 * Absent or with no lanes, the gateway correlates nothing.
 *
 * @param maxOpenPerLane vehicles one lane may hold open at once; one more closes the oldest as incomplete
 * @param maxRecentPerLane published inspections per lane kept for amendments by late parts
 * @param amendFor how long after publication a late part still amends an inspection
 * @param sweepInterval how often deadlines are checked
 * @param stateFile where open and recent inspections survive a restart (default: in the journal directory)
 * @param lanes the correlated lanes
 */
public record CorrelationConfig(Integer maxOpenPerLane, Integer maxRecentPerLane, Duration amendFor,
                                Duration sweepInterval, String stateFile, List<LaneCorrelationConfig> lanes) {

    public static final String STATE_FILE_NAME = "correlation-state.bin";

    public CorrelationConfig {
        maxOpenPerLane = maxOpenPerLane == null ? 32 : maxOpenPerLane;
        maxRecentPerLane = maxRecentPerLane == null ? 256 : maxRecentPerLane;
        amendFor = amendFor == null ? Duration.ofMinutes(30) : amendFor;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(1) : sweepInterval;
        lanes = lanes == null ? List.of() : List.copyOf(lanes);
    }

    static CorrelationConfig defaults() {
        return new CorrelationConfig(null, null, null, null, null, null);
    }

    /** Call only on a validated config. */
    public CorrelationSettings toSettings(Path journalDirectory) {
        List<LaneSettings> out = new ArrayList<>();
        for (LaneCorrelationConfig lane : lanes) {
            List<ExpectedPart> parts = lane.parts().stream()
                    .map(p -> new ExpectedPart(LaneSettings.parsePart(p.kind()), p.after(), p.tolerance(),
                            Set.copyOf(p.devices()))).toList();
            out.add(new LaneSettings(lane.lane(), parts, lane.deadline(), lane.settle(), maxOpenPerLane,
                    maxRecentPerLane, amendFor));
        }
        Path state = stateFile == null ? journalDirectory.resolve(STATE_FILE_NAME) : Path.of(stateFile);
        return new CorrelationSettings(out, sweepInterval, state);
    }

    /** Problems as {@code key: problem (fix)}; {@code laneOfDevice} maps each configured device id to its lane. */
    List<String> validate(Map<String, String> laneOfDevice) {
        Set<String> deviceLanes = new HashSet<>(laneOfDevice.values());
        List<String> p = new ArrayList<>();
        if (stateFile != null) {
            Path parent = Path.of(stateFile).toAbsolutePath().getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                p.add("correlation.stateFile: the directory of " + stateFile + " does not exist (create it, or leave"
                        + " stateFile out to keep the state in the journal directory)");
            }
        }
        if (maxOpenPerLane < 1 || maxOpenPerLane > 10_000) {
            p.add("correlation.maxOpenPerLane: " + maxOpenPerLane + " is out of range (1-10000)");
        }
        if (maxRecentPerLane < 0 || maxRecentPerLane > 100_000) {
            p.add("correlation.maxRecentPerLane: " + maxRecentPerLane + " is out of range (0-100000)");
        }
        if (amendFor.isNegative()) {
            p.add("correlation.amendFor: must not be negative (0 = late parts never amend)");
        }
        if (sweepInterval.toMillis() < 100 || sweepInterval.toMinutes() > 1) {
            p.add("correlation.sweepInterval: " + sweepInterval + " is out of range (100ms-1m)");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lanes.size(); i++) {
            String key = "correlation.lanes[" + i + "]";
            LaneCorrelationConfig lane = lanes.get(i);
            if (lane == null) {
                p.add(key + ": empty entry (give lane and parts)");
                continue;
            }
            if (lane.lane() == null || lane.lane().isBlank()) {
                p.add(key + ".lane: required (the lane id the devices are configured with)");
            } else if (!seen.add(lane.lane())) {
                p.add(key + ".lane: '" + lane.lane() + "' is listed twice (one entry per lane)");
            } else if (!deviceLanes.contains(lane.lane())) {
                p.add(key + ".lane: no device is in lane '" + lane.lane() + "' (device lanes: "
                        + String.join(", ", deviceLanes.stream().sorted().toList()) + ")");
            }
            parts(p, key, lane, laneOfDevice);
        }
        return p;
    }

    private static void parts(List<String> p, String key, LaneCorrelationConfig lane, Map<String, String> laneOfDevice) {
        if (lane.parts().isEmpty()) {
            p.add(key + ".parts: required, the parts in passage order (e.g. [{kind: conveyance}, {kind: radiation,"
                    + " after: 8s, tolerance: 6s}, {kind: xray, after: 40s, tolerance: 10s}])");
            return;
        }
        Set<String> kinds = new HashSet<>();
        Duration reach = Duration.ZERO;
        for (int j = 0; j < lane.parts().size(); j++) {
            PartConfig part = lane.parts().get(j);
            String pk = key + ".parts[" + j + "]";
            if (part == null) {
                p.add(pk + ": empty entry (give kind, after, tolerance)");
                continue;
            }
            if (LaneSettings.parsePart(part.kind()) == null) {
                p.add(pk + ".kind: '" + part.kind() + "' is not a part (use conveyance, radiation or xray)");
            } else if (!kinds.add(part.kind())) {
                p.add(pk + ".kind: '" + part.kind() + "' is listed twice (one entry per kind)");
            }
            for (String device : part.devices()) {
                if (!lane.lane().equals(laneOfDevice.get(device))) {
                    p.add(pk + ".devices: '" + device + "' is not a device of lane '" + lane.lane()
                            + "' (list ids of devices whose lane is " + lane.lane() + ")");
                }
            }
            if (j == 0 && !part.after().isZero()) {
                p.add(pk + ".after: the first part is the reference of the others (set 0s or leave it out)");
            }
            if (part.after().isNegative()) {
                p.add(pk + ".after: must not be negative (list the parts in the order vehicles pass the devices)");
            }
            if (part.tolerance().isNegative() || part.tolerance().isZero()) {
                p.add(pk + ".tolerance: must be positive (e.g. 10s)");
            }
            reach = reach.plus(part.after()).plus(j == 0 ? Duration.ZERO : part.tolerance());
        }
        if (lane.deadline().compareTo(reach) <= 0) {
            p.add(key + ".deadline: " + lane.deadline() + " is not after the last part's latest expected time (" + reach
                    + " from the first part; raise the deadline, allowing for the devices' delivery delay)");
        }
        if (lane.settle().isNegative() || lane.settle().compareTo(lane.deadline()) >= 0) {
            p.add(key + ".settle: " + lane.settle() + " must be at least 0 and below the deadline");
        }
    }

    /**
     * One lane: the parts it expects in passage order, each {@code after} the previous one within
     * {@code tolerance}, and how long a vehicle may wait for its parts.
     *
     * @param lane the lane id, as the devices' {@code lane}
     * @param parts expected parts in the order a vehicle passes the devices (the first one's {@code after} is 0)
     * @param deadline from opening a vehicle to closing it incomplete
     * @param settle once every part is in, how long to wait for more images of the same X-ray study
     */
    public record LaneCorrelationConfig(String lane, List<PartConfig> parts, Duration deadline, Duration settle) {
        public LaneCorrelationConfig {
            parts = parts == null ? List.of() : List.copyOf(parts);
            deadline = deadline == null ? Duration.ofMinutes(3) : deadline;
            settle = settle == null ? Duration.ofSeconds(5) : settle;
        }
    }

    /**
     * @param kind {@code conveyance} (OCR), {@code radiation} (RPM) or {@code xray}
     * @param after expected time from the previous part (device time where the device gives it, else receive time)
     * @param tolerance how far the real time may be from the expected one
     * @param devices the device ids that deliver this part (default: every device of the lane); results of
     *     other devices are published on their own and counted as ignored
     */
    public record PartConfig(String kind, Duration after, Duration tolerance, List<String> devices) {
        public PartConfig {
            after = after == null ? Duration.ZERO : after;
            tolerance = tolerance == null ? Duration.ofSeconds(10) : tolerance;
            devices = devices == null ? List.of() : List.copyOf(devices);
        }
    }
}
