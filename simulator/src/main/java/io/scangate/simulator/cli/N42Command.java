package io.scangate.simulator.cli;

import io.scangate.simulator.n42.N42LaneServer;
import io.scangate.simulator.n42.N42LaneSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sim n42}: a spectroscopic portal sending N42.42 documents framed by STX/ETX over TCP. */
@Command(name = "n42", mixinStandardHelpOptions = true,
        description = {"Simulate a spectroscopic portal sending ANSI N42.42-2011 documents (STX ... ETX over TCP;"
                + " the gateway connects).", "Background documents at an interval, one foreground per passage,"
                + " alarms with a nuclide."})
public final class N42Command implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--lane-id", defaultValue = "n42-lane-1", description = "Lane id (default ${DEFAULT-VALUE}).")
    String laneId;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "1700", description = "TCP port; 0 = ephemeral (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--acceleration", defaultValue = "1", description = "Simulated time per real time (default ${DEFAULT-VALUE}).")
    double acceleration;

    @Option(names = "--background-interval-s", defaultValue = "30",
            description = "Seconds between background documents (default ${DEFAULT-VALUE}).")
    long backgroundSeconds;

    @Option(names = "--occupancies-per-hour", defaultValue = "30", description = "Passages per hour (default ${DEFAULT-VALUE}).")
    double occupanciesPerHour;

    @Option(names = "--alarm-probability", defaultValue = "0.007", description = "Chance a passage alarms (default ${DEFAULT-VALUE}).")
    double alarmProbability;

    @Option(names = "--fault-probability", defaultValue = "0",
            description = "Chance a document is damaged on the wire (default ${DEFAULT-VALUE}).")
    double faultProbability;

    @Option(names = "--max-documents", defaultValue = "0", description = "Stop after this many; 0 = never (default ${DEFAULT-VALUE}).")
    int maxDocuments;

    @Override
    public Integer call() throws InterruptedException {
        N42LaneSettings settings = new N42LaneSettings(laneId, host, port, seed, acceleration, Instant.now(),
                Duration.ofSeconds(backgroundSeconds), occupanciesPerHour, alarmProbability, true, maxDocuments,
                faultProbability);
        CountDownLatch stopped = new CountDownLatch(1);
        try (N42LaneServer server = N42LaneServer.start(settings)) {
            spec.commandLine().getOut().printf("lane=%s n42 listening=%s:%d%n", laneId, host, server.port());
            spec.commandLine().getOut().flush();
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "sim-shutdown"));
            stopped.await();
            spec.commandLine().getOut().printf("documents=%d%n", server.groundTruth().size());
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
