package io.scangate.launcher.serial;

import static org.awaitility.Awaitility.await;

import io.scangate.gateway.host.SocatPair;
import io.scangate.gateway.testing.MosquittoBroker;
import io.scangate.simulator.scenario.ScenarioSettings;
import io.scangate.simulator.serial.SerialLane;
import io.scangate.simulator.serial.SerialLaneOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Not a test: VM-250 lines over a socat pair at full line rate for a while, counting the lines the simulator wrote
 * against the lines the gateway framed ({@code scangate_device_frames_total}). The scenario runs 1000x faster than
 * real time, far more than the line carries, so the simulator writes back to back at the baud rate's pace
 * (baud / 10 bytes per second, 8N1); a pseudo-terminal has no baud rate of its own.
 *
 * <pre>
 * mvn -B -o -q -pl launcher -am test-compile
 * mvn -B -o -q -pl launcher -am dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp launcher/target/test-classes:launcher/target/classes:gateway/target/test-classes:gateway/target/classes:\
 * simulator/target/classes:drivers/vm250/target/classes:drivers/spi/target/classes:proto/target/classes:\
 * $(tr ':' '\n' < /tmp/cp.txt | grep -v /io/scangate/ | paste -sd:) \
 *     io.scangate.launcher.serial.SerialLineRateBenchmark [seconds=120] [baud=115200]
 * </pre>
 */
public final class SerialLineRateBenchmark {

    private SerialLineRateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 120;
        int baud = args.length > 1 ? Integer.parseInt(args[1]) : 115_200;
        Path dir = Files.createTempDirectory("serial-bench");
        try (SocatPair pair = SocatPair.start(dir);
             MosquittoBroker broker = MosquittoBroker.start();
             SerialGateway gateway = SerialGateway.start(dir, pair.gatewayEnd(), baud, broker.uri(), "256m")) {
            await("device UP").atMost(Duration.ofSeconds(30)).until(() -> gateway.deviceIs("UP"));
            SerialLane lane = SerialLane.start(SerialLaneOptions.of(pair.deviceEnd()).withBaudRate(baud)
                    .withScenario(5, 1000, 0, ScenarioSettings.defaults()));
            long started = System.nanoTime();
            Thread.sleep(Duration.ofSeconds(seconds).toMillis());
            lane.close();
            double elapsed = (System.nanoTime() - started) / 1e9;
            long written = lane.linesWritten();
            await("gateway framed what was written").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> gateway.metric("scangate_device_frames_total") >= written);
            await("no more frames arrive").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30))
                    .until(() -> gateway.metric("scangate_device_frames_total") == written
                            || gateway.metric("scangate_device_frames_total") > written);
            double framed = gateway.metric("scangate_device_frames_total");
            double decodeErrors = gateway.metric("scangate_device_decode_errors_total");
            double bytesPerSecond = lane.bytesWritten() / elapsed;
            System.out.printf("SERIAL LINE RATE: %d baud for %.1f s: %d lines (%d bytes) written, %.0f framed by the gateway,"
                            + " lost %.0f, decode errors %.0f; %.0f lines/s, %.0f bytes/s = %.1f %% of the line's %.0f bytes/s;"
                            + " %d occupancies; gateway alive %b%n",
                    baud, elapsed, written, lane.bytesWritten(), framed, written - framed, decodeErrors,
                    written / elapsed, bytesPerSecond, 100 * bytesPerSecond / (baud / 10.0), baud / 10.0,
                    lane.groundTruth().size(), gateway.alive());
        }
    }
}
