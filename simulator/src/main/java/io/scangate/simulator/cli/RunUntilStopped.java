package io.scangate.simulator.cli;

import io.scangate.simulator.Simulator;
import io.scangate.simulator.SimulatorOptions;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/** Runs a simulator from the command line: prints its ports, then serves until done or until the JVM stops. */
final class RunUntilStopped {

    private static final Duration FOREVER = Duration.ofDays(365);

    private RunUntilStopped() {
    }

    static int run(SimulatorOptions options, boolean stopWhenCompleted, PrintWriter out) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        try (Simulator sim = Simulator.start(options)) {
            for (String lane : sim.laneIds()) {
                out.printf("lane=%s listening=%s:%d%n", lane, options.host(), sim.port(lane));
            }
            out.flush();
            Thread hook = new Thread(stopped::countDown, "sim-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                if (stopWhenCompleted) {
                    sim.awaitCompleted(FOREVER);
                } else {
                    stopped.await();
                }
            } finally {
                removeHook(hook);
            }
            out.printf("occupancies=%d%n", sim.completedOccupancies());
            out.flush();
        }
        return 0;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already stopping: the hook has run and needs no removal
        }
    }
}
