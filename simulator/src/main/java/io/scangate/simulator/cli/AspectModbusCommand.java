package io.scangate.simulator.cli;

import io.scangate.simulator.modbus.AspectModbusSlave;
import io.scangate.simulator.scenario.ScenarioSettings;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sim aspect-modbus}: an Aspect-style portal monitor as a Modbus TCP slave. */
@Command(name = "aspect-modbus", mixinStandardHelpOptions = true,
        description = {"Simulate an Aspect-style radiation portal monitor as a Modbus TCP slave (the gateway polls it).",
                "Registers as in DESIGN 4.2: header 0..7, monitor block of 21 registers from 100."})
public final class AspectModbusCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "1502",
            description = "TCP port; 502 is the Modbus convention but needs root; 0 = ephemeral (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--units", split = ",", defaultValue = "1", description = "Unit ids 1-32 (default ${DEFAULT-VALUE}).")
    List<Integer> units;

    @Option(names = "--seed", defaultValue = "1", description = "Scenario seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--acceleration", defaultValue = "1",
            description = "Simulated time per real time (default ${DEFAULT-VALUE}).")
    double acceleration;

    @Option(names = "--max-occupancies", defaultValue = "0",
            description = "Occupancies per unit, then background only; 0 = no limit (default ${DEFAULT-VALUE}).")
    long maxOccupancies;

    @Option(names = "--gamma-alarm-probability", defaultValue = "0.007",
            description = "Chance that an occupancy is a gamma alarm (default ${DEFAULT-VALUE}).")
    double gammaAlarmProbability;

    @Option(names = "--neutron-alarm-probability", defaultValue = "0.0005",
            description = "Chance that an occupancy is a neutron alarm (default ${DEFAULT-VALUE}).")
    double neutronAlarmProbability;

    @Override
    public Integer call() throws InterruptedException {
        AspectModbusSlave.Options options = new AspectModbusSlave.Options(host, port, new LinkedHashSet<>(units),
                ScenarioSettings.defaults().withAlarmProbabilities(gammaAlarmProbability, neutronAlarmProbability),
                seed, acceleration, maxOccupancies, 260);
        CountDownLatch stopped = new CountDownLatch(1);
        try (AspectModbusSlave slave = new AspectModbusSlave(options)) {
            spec.commandLine().getOut().printf("aspect-modbus listening=%s:%d units=%s%n", host, slave.port(), units);
            spec.commandLine().getOut().flush();
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "sim-shutdown"));
            stopped.await();
            spec.commandLine().getOut().printf("occupancies=%d%n", slave.groundTruth().size());
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
