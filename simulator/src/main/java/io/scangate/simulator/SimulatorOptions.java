package io.scangate.simulator;

import io.scangate.simulator.scenario.FaultSettings;
import io.scangate.simulator.scenario.ScenarioSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * How to run a {@link Simulator}. Build with {@link #builder()}; every field has a default.
 *
 * @param laneIds               lane ids, one TCP server each; default {@code [lane-1]}
 * @param host                  address to bind; default 127.0.0.1
 * @param portBase              0 = an ephemeral port per lane (default); otherwise lane i (0-based) binds portBase+i
 * @param seed                  seed of the scenario (lane i uses a seed derived from it); default 1
 * @param acceleration          simulated time per real time; 1 = real time (default), 1000 = a 10 s occupancy in
 *                              10 ms
 * @param maxOccupanciesPerLane occupancies per lane, after which the lane only sends background; 0 = no limit
 *                              (default)
 * @param scenario              traffic and physics; default {@link ScenarioSettings#defaults()}
 * @param faults                fault probabilities and shapes; default {@link FaultSettings#none()}
 * @param groundTruthFile       JSON-lines file the ground truth is appended to; default none (memory only)
 * @param replayFile            a daily file to replay instead of the scenario; default none
 * @param replayLoop            start the replay again at its end; default false
 * @param tick                  real time between two writes of a lane; default 2 ms
 * @param maxLinesPerTick       lines a lane writes at most per tick; default 10,000
 * @param progressInterval      how often a replay reports progress on stderr; default 5 s, zero = never
 * @param scheduledLanes        lanes whose occupancies are started by {@link Simulator#occupy} (a vehicle lane
 *                              run) instead of the Poisson scenario; default none. Not for replays.
 */
public record SimulatorOptions(
        List<String> laneIds,
        String host,
        int portBase,
        long seed,
        double acceleration,
        long maxOccupanciesPerLane,
        ScenarioSettings scenario,
        FaultSettings faults,
        Path groundTruthFile,
        Path replayFile,
        boolean replayLoop,
        Duration tick,
        int maxLinesPerTick,
        Duration progressInterval,
        Set<String> scheduledLanes) {

    public SimulatorOptions {
        laneIds = List.copyOf(laneIds);
        scheduledLanes = Set.copyOf(scheduledLanes);
        if (!laneIds.containsAll(scheduledLanes)) {
            throw new IllegalArgumentException("scheduled lanes " + scheduledLanes + " must be among " + laneIds);
        }
        if (replayFile != null && !scheduledLanes.isEmpty()) {
            throw new IllegalArgumentException("a replay has no scheduled lanes");
        }
        if (laneIds.isEmpty() || laneIds.stream().distinct().count() != laneIds.size()) {
            throw new IllegalArgumentException("lane ids must be present and distinct: " + laneIds);
        }
        if (portBase < 0 || portBase + laneIds.size() - 1 > 65_535) {
            throw new IllegalArgumentException("portBase out of range: " + portBase);
        }
        if (!(acceleration > 0) || maxOccupanciesPerLane < 0 || maxLinesPerTick < 1
                || tick.isZero() || tick.isNegative() || progressInterval.isNegative()) {
            throw new IllegalArgumentException(
                    "acceleration > 0, maxOccupanciesPerLane >= 0, maxLinesPerTick >= 1, tick > 0 required");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Whether this run replays a daily file rather than simulating. */
    public boolean isReplay() {
        return replayFile != null;
    }

    public static final class Builder {
        private List<String> laneIds = List.of("lane-1");
        private String host = "127.0.0.1";
        private int portBase;
        private long seed = 1;
        private double acceleration = 1;
        private long maxOccupanciesPerLane;
        private ScenarioSettings scenario = ScenarioSettings.defaults();
        private FaultSettings faults = FaultSettings.none();
        private Path groundTruthFile;
        private Path replayFile;
        private boolean replayLoop;
        private Duration tick = Duration.ofMillis(2);
        private int maxLinesPerTick = 10_000;
        private Duration progressInterval = Duration.ofSeconds(5);
        private Set<String> scheduledLanes = Set.of();

        private Builder() {
        }

        private Builder(SimulatorOptions o) {
            laneIds = o.laneIds;
            host = o.host;
            portBase = o.portBase;
            seed = o.seed;
            acceleration = o.acceleration;
            maxOccupanciesPerLane = o.maxOccupanciesPerLane;
            scenario = o.scenario;
            faults = o.faults;
            groundTruthFile = o.groundTruthFile;
            replayFile = o.replayFile;
            replayLoop = o.replayLoop;
            tick = o.tick;
            maxLinesPerTick = o.maxLinesPerTick;
            progressInterval = o.progressInterval;
            scheduledLanes = o.scheduledLanes;
        }

        /** {@code count} lanes named lane-1 .. lane-count. */
        public Builder lanes(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("at least one lane, got " + count);
            }
            return laneIds(IntStream.rangeClosed(1, count).mapToObj(i -> "lane-" + i).toList());
        }

        public Builder laneIds(List<String> ids) {
            this.laneIds = ids;
            return this;
        }

        public Builder host(String bindHost) {
            this.host = bindHost;
            return this;
        }

        public Builder portBase(int base) {
            this.portBase = base;
            return this;
        }

        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        public Builder acceleration(double factor) {
            this.acceleration = factor;
            return this;
        }

        public Builder maxOccupanciesPerLane(long max) {
            this.maxOccupanciesPerLane = max;
            return this;
        }

        public Builder scenario(ScenarioSettings settings) {
            this.scenario = settings;
            return this;
        }

        public Builder faults(FaultSettings settings) {
            this.faults = settings;
            return this;
        }

        public Builder groundTruthFile(Path file) {
            this.groundTruthFile = file;
            return this;
        }

        public Builder replay(Path dailyFile, boolean loop) {
            this.replayFile = dailyFile;
            this.replayLoop = loop;
            return this;
        }

        public Builder tick(Duration interval) {
            this.tick = interval;
            return this;
        }

        public Builder maxLinesPerTick(int max) {
            this.maxLinesPerTick = max;
            return this;
        }

        public Builder progressInterval(Duration interval) {
            this.progressInterval = interval;
            return this;
        }

        /** Lanes driven by {@link Simulator#occupy} instead of the Poisson scenario. */
        public Builder scheduledLanes(Set<String> lanes) {
            this.scheduledLanes = lanes;
            return this;
        }

        public SimulatorOptions build() {
            return new SimulatorOptions(laneIds, host, portBase, seed, acceleration, maxOccupanciesPerLane, scenario,
                    faults, groundTruthFile, replayFile, replayLoop, tick, maxLinesPerTick, progressInterval,
                    scheduledLanes);
        }
    }
}
