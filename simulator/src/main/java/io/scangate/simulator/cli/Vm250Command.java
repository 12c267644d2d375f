package io.scangate.simulator.cli;

import io.scangate.simulator.Fault;
import io.scangate.simulator.SimulatorOptions;
import io.scangate.simulator.scenario.FaultSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code sim vm250}: VM-250 lanes driven by the scenario engine. */
@Command(name = "vm250", mixinStandardHelpOptions = true,
        description = {"Simulate VM-250 radiation portal monitor lanes (TCP servers; the gateway connects).",
                "A lane's clock runs only while a client is connected, so the ground truth lists what was sent."})
public final class Vm250Command implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    ScenarioOptions scenario;

    @Option(names = "--lanes", defaultValue = "1",
            description = "Number of lanes, named lane-1..lane-N (default ${DEFAULT-VALUE}).")
    int lanes;

    @Option(names = "--lane-ids", split = ",", description = "Lane ids instead of lane-1..lane-N.")
    List<String> laneIds;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port-base", defaultValue = "1600",
            description = "Lane i (0-based) listens on port-base + i; 0 = ephemeral ports (default ${DEFAULT-VALUE}).")
    int portBase;

    @Option(names = "--exit-when-done", description = "Exit once every lane has sent --max-occupancies.")
    boolean exitWhenDone;

    @Option(names = "--fault", paramLabel = "FAULT=P",
            description = "Chance per occupancy of a fault, repeatable. Faults: ${COMPLETION-CANDIDATES}.")
    Map<Fault, Double> faults = new EnumMap<>(Fault.class);

    @Option(names = "--slow-byte-delay-ms", defaultValue = "2",
            description = "Delay between bytes of a SLOW_DEVICE line, ms (default ${DEFAULT-VALUE}).")
    long slowByteDelayMillis;

    @Option(names = "--oversize-bytes", defaultValue = "1048576",
            description = "Length of an OVERSIZE_FRAME line (default ${DEFAULT-VALUE}).")
    int oversizeBytes;

    @Option(names = "--ground-truth", paramLabel = "FILE", description = "JSON-lines ground-truth file.")
    Path groundTruth;

    @Override
    public Integer call() throws InterruptedException {
        return RunUntilStopped.run(toOptions(), exitWhenDone && scenario.maxOccupancies > 0, spec.commandLine().getOut());
    }

    SimulatorOptions toOptions() {
        FaultSettings faultSettings = FaultSettings.none().withSlowByteDelay(Duration.ofMillis(slowByteDelayMillis))
                .withOversizeBytes(oversizeBytes);
        for (Map.Entry<Fault, Double> fault : faults.entrySet()) {
            faultSettings = faultSettings.withProbability(fault.getKey(), fault.getValue());
        }
        SimulatorOptions.Builder builder = SimulatorOptions.builder().lanes(lanes).host(host).portBase(portBase)
                .seed(scenario.seed).acceleration(scenario.acceleration).maxOccupanciesPerLane(scenario.maxOccupancies)
                .scenario(scenario.scenario())
                .faults(faultSettings).groundTruthFile(groundTruth);
        if (laneIds != null && !laneIds.isEmpty()) {
            builder.laneIds(laneIds);
        }
        return builder.build();
    }
}
