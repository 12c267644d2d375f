package io.scangate.simulator.cli;

import io.scangate.simulator.serial.SerialLane;
import io.scangate.simulator.serial.SerialLaneOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code sim vm250-serial}: one VM-250 lane writing to a serial port (real, or one end of a socat pair). */
@Command(name = "vm250-serial", mixinStandardHelpOptions = true,
        description = {"Simulate one VM-250 lane on a serial line (RS-232): the lines go to --port at the pace the baud"
                + " rate allows.",
                "For a software cable: socat pty,raw,echo=0,link=/tmp/device-end pty,raw,echo=0,link=/tmp/gateway-end",
                "then --port /tmp/device-end here and port: /tmp/gateway-end in the gateway's serial device."})
public final class Vm250SerialCommand implements Callable<Integer> {

    private static final Duration FOREVER = Duration.ofDays(365);

    @Spec
    private CommandSpec spec;

    @Mixin
    ScenarioOptions scenario;

    @Option(names = "--port", required = true, paramLabel = "PATH", description = "Serial port to write to.")
    Path port;

    @Option(names = "--baud", defaultValue = "9600", description = "Line speed, 8N1 (default ${DEFAULT-VALUE}).")
    int baudRate;

    @Option(names = "--lane-id", defaultValue = "lane-1", description = "Lane id in the ground truth (default ${DEFAULT-VALUE}).")
    String laneId;

    @Option(names = "--exit-when-done", description = "Exit once --max-occupancies were sent.")
    boolean exitWhenDone;

    @Option(names = "--ground-truth", paramLabel = "FILE", description = "JSON-lines ground-truth file.")
    Path groundTruth;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(stopped::countDown, "sim-serial-shutdown");
        try (SerialLane lane = SerialLane.start(toOptions())) {
            out.printf("lane=%s port=%s baud=%d%n", laneId, port, baudRate);
            out.flush();
            Runtime.getRuntime().addShutdownHook(hook);
            if (exitWhenDone && scenario.maxOccupancies > 0) {
                lane.awaitCompleted(FOREVER);
            } else {
                stopped.await();
            }
            out.printf("occupancies=%d lines=%d%n", lane.groundTruth().size(), lane.linesWritten());
            out.flush();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already stopping: the hook has run and needs no removal
            }
        }
        return 0;
    }

    SerialLaneOptions toOptions() {
        return SerialLaneOptions.of(port).withLaneId(laneId).withBaudRate(baudRate)
                .withScenario(scenario.seed, scenario.acceleration, scenario.maxOccupancies, scenario.scenario())
                .withGroundTruthFile(groundTruth);
    }
}
