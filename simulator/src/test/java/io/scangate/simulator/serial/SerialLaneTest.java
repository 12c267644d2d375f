package io.scangate.simulator.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fazecast.jSerialComm.SerialPort;
import io.scangate.simulator.OccupancyTruth;
import io.scangate.simulator.scenario.ScenarioSettings;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The serial lane against a real socat pair: what is read at the other end is what the ground truth says. */
class SerialLaneTest {

    @Test
    void theOtherEndReadsEveryLineTheGroundTruthCountsAtNoMoreThanTheLineRate(@TempDir Path dir) throws Exception {
        try (SocatCable cable = SocatCable.start(dir)) {
            SerialPort reader = open(cable.gatewayEnd);
            long started = System.nanoTime();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            SerialLane lane = SerialLane.start(SerialLaneOptions.of(cable.deviceEnd).withBaudRate(115_200)
                    .withScenario(7, 1000, 5, ScenarioSettings.defaults()));
            await("5 occupancies written").atMost(Duration.ofMinutes(1)).until(() -> {
                drain(reader, received);
                return lane.groundTruth().size() == 5;
            });
            lane.close();
            long written = lane.bytesWritten();
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(written).as("bytes never exceed what 115200 baud carries")
                    .isLessThanOrEqualTo((long) (seconds * 11_520) + 1200);
            await().atMost(Duration.ofSeconds(10)).until(() -> drain(reader, received) >= written);

            List<String> lines = Arrays.asList(received.toString(StandardCharsets.US_ASCII).split("\r\n"));
            assertThat(received.size()).isEqualTo(written);
            assertThat(lines).hasSize((int) lane.linesWritten());
            List<OccupancyTruth> truth = lane.groundTruth();
            assertThat(truth).hasSize(5).allSatisfy(t -> assertThat(t.gxSent()).as("%s", t).isTrue());
            assertThat(lines.stream().filter(l -> l.startsWith("GX,")).count()).isEqualTo(5);
            assertThat(lines.stream().filter(l -> l.startsWith("GS,") || l.startsWith("GA,")).count())
                    .isEqualTo(truth.stream().mapToLong(t -> t.gsLines() + t.gaLines()).sum());
            assertThat(lines.get(0)).startsWith("SG1,");
            reader.closePort();
        }
    }

    @Test
    void aCutCableInterruptsTheOccupancyAndTheLaneWritesAgainOnceItIsBack(@TempDir Path dir) throws Exception {
        try (SocatCable cable = SocatCable.start(dir);
             SerialLane lane = SerialLane.start(SerialLaneOptions.of(cable.deviceEnd).withBaudRate(115_200)
                     .withScenario(3, 200, 0, ScenarioSettings.defaults().withArrivalsPerHour(600)))) {
            SerialPort reader = open(cable.gatewayEnd);
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                drain(reader, received);
                return lane.groundTruth().size() >= 2;
            });
            reader.closePort();
            cable.cut();
            await("port lost").atMost(Duration.ofSeconds(30)).until(() -> !lane.isPortOpen());

            cable.restore();
            SerialPort again = open(cable.gatewayEnd);
            await("port reopened").atMost(Duration.ofSeconds(10)).until(lane::isPortOpen);
            ByteArrayOutputStream after = new ByteArrayOutputStream();
            await("set-up lines again").atMost(Duration.ofSeconds(10)).until(() -> {
                drain(again, after);
                return after.toString(StandardCharsets.US_ASCII).contains("SG1,");
            });
            again.closePort();
        }
    }

    private static SerialPort open(Path path) {
        SerialPort port = SerialPort.getCommPort(path.toString());
        assertThat(port.openPort(0)).as("open %s", path).isTrue();
        port.setComPortTimeouts(SerialPort.TIMEOUT_NONBLOCKING, 0, 0);
        return port;
    }

    private static long drain(SerialPort port, ByteArrayOutputStream into) {
        byte[] buffer = new byte[8192];
        for (int n = port.readBytes(buffer, buffer.length); n > 0; n = port.readBytes(buffer, buffer.length)) {
            into.write(buffer, 0, n);
        }
        return into.size();
    }
}
