package io.scangate.simulator;

import io.scangate.simulator.cli.SimCommand;
import picocli.CommandLine;

/** Standalone entry point; inside scangate the same {@link SimCommand} is mounted under the root command. */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SimCommand()).execute(args));
    }
}
