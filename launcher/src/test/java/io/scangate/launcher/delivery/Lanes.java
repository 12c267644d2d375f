package io.scangate.launcher.delivery;

import io.scangate.simulator.OccupancyTruth;
import io.scangate.simulator.Simulator;
import io.scangate.simulator.SimulatorOptions;
import io.scangate.simulator.scenario.ScenarioSettings;
import java.time.Duration;
import java.util.List;

/**
 * Simulated VM-250 lanes for the delivery tests: seeded, accelerated, four times the default arrival rate.
 * A test closes them mid-way to make the devices fall silent before it counts; closing again at the end of
 * its try block is harmless.
 */
final class Lanes implements AutoCloseable {

    private static final ScenarioSettings BUSY = ScenarioSettings.defaults().withArrivalsPerHour(120);

    private final Simulator simulator;

    private Lanes(Simulator simulator) {
        this.simulator = simulator;
    }

    /** {@code count} lanes that stop starting occupancies after {@code occupanciesPerLane}. */
    static Lanes start(int count, double acceleration, long occupanciesPerLane) {
        return new Lanes(Simulator.start(SimulatorOptions.builder().lanes(count).seed(20_261_126L)
                .acceleration(acceleration).maxOccupanciesPerLane(occupanciesPerLane).scenario(BUSY).build()));
    }

    List<String> laneIds() {
        return simulator.laneIds();
    }

    int port(String laneId) {
        return simulator.port(laneId);
    }

    boolean isClientConnected(String laneId) {
        return simulator.isClientConnected(laneId);
    }

    List<OccupancyTruth> groundTruth() {
        return simulator.groundTruth();
    }

    int completedOccupancies() {
        return simulator.completedOccupancies();
    }

    boolean awaitCompleted(Duration timeout) throws InterruptedException {
        return simulator.awaitCompleted(timeout);
    }

    @Override
    public void close() {
        simulator.close();
    }
}
