package io.scangate.simulator.cli;

import io.scangate.simulator.modbus.AspectModbusSlave;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    ScenarioOptions scenario;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "1502",
            description = "TCP port; 502 is the Modbus convention but needs root; 0 = ephemeral (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--units", split = ",", defaultValue = "1", description = "Unit ids 1-32 (default ${DEFAULT-VALUE}).")
    List<Integer> units;

    @Override
    public Integer call() throws InterruptedException {
        AspectModbusSlave.Options options = new AspectModbusSlave.Options(host, port, new LinkedHashSet<>(units),
                scenario.scenario(), scenario.seed, scenario.acceleration, scenario.maxOccupancies, 260);
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
