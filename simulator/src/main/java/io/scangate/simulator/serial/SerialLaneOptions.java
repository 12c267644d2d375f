package io.scangate.simulator.serial;

import io.scangate.simulator.scenario.FaultSettings;
import io.scangate.simulator.scenario.ScenarioSettings;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to run a {@link SerialLane}: one simulated VM-250 writing its lines to a serial port.
 *
 * @param laneId                lane id in the ground truth; default {@code lane-1}
 * @param port                  the serial port the device end writes to (a real port, or one end of a socat pair)
 * @param baudRate              line speed; lines are paced to what an 8N1 line carries (baudRate / 10 bytes per
 *                              second); default 9600
 * @param seed                  scenario seed; default 1
 * @param acceleration          simulated time per real time; default 1
 * @param maxOccupancies        occupancies to send, then background only; 0 = no limit (default)
 * @param scenario              traffic and physics; default {@link ScenarioSettings#defaults()}
 * @param faults                fault probabilities; a DROP_MID_LINE closes and reopens the port; default none
 * @param groundTruthFile       JSON-lines ground truth; default none (memory only)
 * @param reopenDelay           wait between attempts to (re)open a missing port; default 100 ms
 * @param tick                  real time between two writes; default 2 ms
 */
public record SerialLaneOptions(
        String laneId,
        Path port,
        int baudRate,
        long seed,
        double acceleration,
        long maxOccupancies,
        ScenarioSettings scenario,
        FaultSettings faults,
        Path groundTruthFile,
        Duration reopenDelay,
        Duration tick) {

    public SerialLaneOptions {
        if (laneId == null || laneId.isBlank() || port == null) {
            throw new IllegalArgumentException("a lane id and a port are required");
        }
        if (baudRate < 50 || !(acceleration > 0) || maxOccupancies < 0 || reopenDelay.isNegative()
                || tick.isZero() || tick.isNegative()) {
            throw new IllegalArgumentException(
                    "baudRate >= 50, acceleration > 0, maxOccupancies >= 0, reopenDelay >= 0 and tick > 0 required");
        }
    }

    /** Defaults for everything but the port. */
    public static SerialLaneOptions of(Path port) {
        return new SerialLaneOptions("lane-1", port, 9600, 1, 1, 0, ScenarioSettings.defaults(), FaultSettings.none(),
                null, Duration.ofMillis(100), Duration.ofMillis(2));
    }

    public SerialLaneOptions withLaneId(String id) {
        return new SerialLaneOptions(id, port, baudRate, seed, acceleration, maxOccupancies, scenario, faults,
                groundTruthFile, reopenDelay, tick);
    }

    public SerialLaneOptions withBaudRate(int baud) {
        return new SerialLaneOptions(laneId, port, baud, seed, acceleration, maxOccupancies, scenario, faults,
                groundTruthFile, reopenDelay, tick);
    }

    public SerialLaneOptions withScenario(long scenarioSeed, double factor, long occupancies, ScenarioSettings settings) {
        return new SerialLaneOptions(laneId, port, baudRate, scenarioSeed, factor, occupancies, settings, faults,
                groundTruthFile, reopenDelay, tick);
    }

    public SerialLaneOptions withFaults(FaultSettings settings) {
        return new SerialLaneOptions(laneId, port, baudRate, seed, acceleration, maxOccupancies, scenario, settings,
                groundTruthFile, reopenDelay, tick);
    }

    public SerialLaneOptions withGroundTruthFile(Path file) {
        return new SerialLaneOptions(laneId, port, baudRate, seed, acceleration, maxOccupancies, scenario, faults,
                file, reopenDelay, tick);
    }

    /** Bytes per second an 8N1 line carries: a start bit, eight data bits and a stop bit per byte. */
    public double bytesPerSecond() {
        return baudRate / 10.0;
    }
}
