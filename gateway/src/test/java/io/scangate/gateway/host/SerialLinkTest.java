package io.scangate.gateway.host;

import static io.scangate.gateway.host.SerialFixture.openDeviceEnd;
import static io.scangate.gateway.host.SerialFixture.writeLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fazecast.jSerialComm.SerialPort;
import io.scangate.proto.v1.DeviceState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A serial link against a real socat pseudo-terminal pair: what the driver sees, port loss, back-pressure. */
class SerialLinkTest {

    @Test
    void linesFromThePortReachTheDriverWithTheEventsOfATcpConnection(@TempDir Path dir) {
        try (SocatPair pair = SocatPair.start(dir); SerialFixture f = new SerialFixture(pair)) {
            SerialPort device = openDeviceEnd(pair.deviceEnd());
            f.start();
            await("port open").atMost(Duration.ofSeconds(10)).until(() -> f.state() == DeviceState.DEVICE_STATE_UP);
            assertThat(f.onLoop(f.runtime::stateReason)).isEqualTo("connected to " + pair.gatewayEnd());
            writeLine(device, "GB,000383,000389,000432,000423");
            writeLine(device, "NB,000001,000000,000002,000001");
            await("lines").atMost(Duration.ofSeconds(10)).until(() -> f.driver.lines.size() == 2);
            assertThat(f.driver.lines).containsExactly("GB,000383,000389,000432,000423", "NB,000001,000000,000002,000001");

            f.stop();
            assertThat(f.driver.events).containsExactly("active", "inactive");
            assertThat(f.driver.linkUps).hasValue(1);
            assertThat(f.driver.linkDowns).hasValue(1);
            assertThat(f.state()).isEqualTo(DeviceState.DEVICE_STATE_DOWN);
            assertThat(f.onLoop(f.runtime::stateReason)).isEqualTo("gateway stopping");
            device.closePort();
        }
    }

    @Test
    void aVanishedPortGoesDownWithAReasonAndDataFlowsAgainWhenItComesBack(@TempDir Path dir) {
        try (SocatPair pair = SocatPair.start(dir); SerialFixture f = new SerialFixture(pair)) {
            SerialPort device = openDeviceEnd(pair.deviceEnd());
            f.start();
            await("port open").atMost(Duration.ofSeconds(10)).until(() -> f.state() == DeviceState.DEVICE_STATE_UP);
            writeLine(device, "GB,1");
            await().atMost(Duration.ofSeconds(10)).until(() -> f.driver.lines.contains("GB,1"));

            pair.kill();
            device.closePort();
            await("link down").atMost(Duration.ofSeconds(10)).until(() -> f.state() == DeviceState.DEVICE_STATE_DOWN);
            assertThat(f.onLoop(f.runtime::stateReason)).contains(pair.gatewayEnd().toString())
                    .containsAnyOf("vanished", "cannot open");
            assertThat(f.driver.events).containsExactly("active", "inactive");

            pair.restart();
            SerialPort again = openDeviceEnd(pair.deviceEnd());
            await("link up again").atMost(Duration.ofSeconds(10)).until(() -> f.state() == DeviceState.DEVICE_STATE_UP);
            writeLine(again, "GB,2");
            await("data after the port came back").atMost(Duration.ofSeconds(10)).until(() -> f.driver.lines.contains("GB,2"));
            assertThat(f.driver.events).containsExactly("active", "inactive", "active");
            assertThat(serialReaderThreads()).as("one reader thread, for the open port").isEqualTo(1);
            again.closePort();
        }
    }

    @Test
    void aPortMissingAtStartIsRetriedUntilItAppears(@TempDir Path dir) {
        try (SocatPair pair = SocatPair.start(dir); SerialFixture f = new SerialFixture(pair)) {
            pair.kill();
            f.start();
            await("open fails").atMost(Duration.ofSeconds(10))
                    .until(() -> f.onLoop(f.runtime::stateReason).startsWith("cannot open " + pair.gatewayEnd()));
            assertThat(f.state()).isEqualTo(DeviceState.DEVICE_STATE_DOWN);
            assertThat(f.onLoop(f.runtime::stateReason)).contains("no such device");

            pair.restart();
            await("opened once it appeared").atMost(Duration.ofSeconds(10)).until(() -> f.state() == DeviceState.DEVICE_STATE_UP);
        }
    }

    @Test
    void whilePausedTheBytesWaitInTheOsBufferAndNoneIsLost(@TempDir Path dir) {
        try (SocatPair pair = SocatPair.start(dir); SerialFixture f = new SerialFixture(pair)) {
            SerialPort device = openDeviceEnd(pair.deviceEnd());
            f.start();
            await("port open").atMost(Duration.ofSeconds(10)).until(() -> f.state() == DeviceState.DEVICE_STATE_UP);
            writeLine(device, "GB,0");
            await().atMost(Duration.ofSeconds(10)).until(() -> f.driver.lines.size() == 1);

            f.paused(true);
            List<String> sent = IntStream.rangeClosed(1, 200).mapToObj(i -> String.format("GS,%06d,000001,000002,000003", i)).toList();
            sent.forEach(line -> writeLine(device, line));
            await("nothing read while paused").during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                    .until(() -> f.driver.lines.size() == 1);

            f.paused(false);
            await("every line after resuming").atMost(Duration.ofSeconds(10)).until(() -> f.driver.lines.size() == 201);
            assertThat(f.driver.lines.subList(1, 201)).containsExactlyElementsOf(sent);
            device.closePort();
        }
    }

    @Test
    void whatTheDriverWritesReachesTheDevice(@TempDir Path dir) {
        try (SocatPair pair = SocatPair.start(dir); SerialFixture f = new SerialFixture(pair)) {
            SerialPort device = openDeviceEnd(pair.deviceEnd());
            device.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, 100, 1000);
            f.start();
            await("port open").atMost(Duration.ofSeconds(10)).until(() -> f.state() == DeviceState.DEVICE_STATE_UP);
            writeLine(device, "PING 42");

            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[64];
            await("answer at the device end").atMost(Duration.ofSeconds(10)).until(() -> {
                int n = device.readBytes(buffer, buffer.length);
                answer.append(new String(buffer, 0, Math.max(0, n), StandardCharsets.US_ASCII));
                return answer.toString().contains("\r\n");
            });
            assertThat(answer.toString()).isEqualTo("PONG 42\r\n");
            device.closePort();
        }
    }

    static long serialReaderThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("serial-")).count();
    }
}
