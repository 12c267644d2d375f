package io.scangate.simulator.cli;

import io.scangate.simulator.scenario.ScenarioSettings;
import picocli.CommandLine.Option;

/** The traffic options every radiation portal simulator takes ({@code vm250}, {@code vm250-serial}, {@code aspect-modbus}): a picocli mixin. */
final class ScenarioOptions {

    @Option(names = "--seed", defaultValue = "1", description = "Scenario seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--acceleration", defaultValue = "1",
            description = "Simulated time per real time: 1 = real time, 1000 = a 10 s occupancy in 10 ms"
                    + " (default ${DEFAULT-VALUE}); a serial line's speed still caps the output.")
    double acceleration;

    @Option(names = "--max-occupancies", defaultValue = "0",
            description = "Occupancies per lane (Aspect: per unit), then background only; 0 = no limit (default ${DEFAULT-VALUE}).")
    long maxOccupancies;

    @Option(names = "--arrivals-per-hour", defaultValue = "30",
            description = "Mean vehicle arrivals per hour (default ${DEFAULT-VALUE}).")
    double arrivalsPerHour;

    @Option(names = "--gamma-alarm-probability", defaultValue = "0.007",
            description = "Chance that an occupancy is a gamma alarm (default ${DEFAULT-VALUE}).")
    double gammaAlarmProbability;

    @Option(names = "--neutron-alarm-probability", defaultValue = "0.0005",
            description = "Chance that an occupancy is a neutron alarm (default ${DEFAULT-VALUE}).")
    double neutronAlarmProbability;

    ScenarioSettings scenario() {
        return ScenarioSettings.defaults().withArrivalsPerHour(arrivalsPerHour)
                .withAlarmProbabilities(gammaAlarmProbability, neutronAlarmProbability);
    }
}
