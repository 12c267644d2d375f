package io.scangate.simulator.cli;

import io.scangate.simulator.SimulatorOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code sim replay FILE}: a recorded VM-250 daily file served by one lane at its recorded pace. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Replay a VM-250 daily file (lines ending ,HH-MM-SS.mmm) as a lane; timestamps are stripped.",
                "It advances only while a client is connected; without --loop it exits at the end of the file."})
public final class ReplayCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The daily file.")
    Path file;

    @Option(names = "--lane-id", defaultValue = "lane-1", description = "Lane id (default ${DEFAULT-VALUE}).")
    String laneId;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "1600", description = "Port; 0 = ephemeral (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--acceleration", defaultValue = "1",
            description = "Recorded pace divided by this factor (default ${DEFAULT-VALUE}).")
    double acceleration;

    @Option(names = "--loop", description = "Start again at the end of the file.")
    boolean loop;

    @Option(names = "--ground-truth", paramLabel = "FILE", description = "JSON-lines ground-truth file.")
    Path groundTruth;

    @Override
    public Integer call() throws InterruptedException {
        return RunUntilStopped.run(toOptions(), !loop, spec.commandLine().getOut());
    }

    SimulatorOptions toOptions() {
        return SimulatorOptions.builder().laneIds(List.of(laneId)).host(host).portBase(port)
                .acceleration(acceleration).replay(file, loop).groundTruthFile(groundTruth).build();
    }
}
