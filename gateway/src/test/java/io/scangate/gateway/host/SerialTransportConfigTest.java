package io.scangate.gateway.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fazecast.jSerialComm.SerialPort;
import io.scangate.gateway.config.ConfigException;
import io.scangate.gateway.config.ConfigLoader;
import io.scangate.gateway.config.TransportConfig;
import org.junit.jupiter.api.Test;

/** The serial keys of {@code transport:}: defaults, the mapping to the port settings, and "key: problem (fix)" messages. */
class SerialTransportConfigTest {

    private final ConfigLoader loader = new ConfigLoader(DriverRegistry.fromClassPath());

    private static String config(String transport) {
        return """
                site: test-site
                gatewayId: gw-1
                devices:
                  - id: lane1-rpm
                    driver: vm250
                    lane: lane1
                    transport: %s
                """.formatted(transport);
    }

    @Test
    void aSerialDeviceNeedsOnlyItsPortAndGetsTheVm250LineDefaults() throws Exception {
        TransportConfig t = loader.parse(config("{kind: serial, port: /dev/serial/by-id/usb-FTDI_FT232R-if00-port0}"))
                .devices().get(0).config().transport();

        assertThat(t.baudRate()).isEqualTo(9600);
        assertThat(t.dataBits()).isEqualTo(8);
        assertThat(t.parity()).isEqualTo("none");
        assertThat(t.stopBits()).isEqualTo("1");
        assertThat(t.flowControl()).isEqualTo("none");
        assertThat(t.peer()).isEqualTo("/dev/serial/by-id/usb-FTDI_FT232R-if00-port0");
        assertThat(SerialPortSettings.of(t).describe()).isEqualTo("9600 8N1 flow=none");
    }

    @Test
    void everyLineSettingMapsToTheSerialLibrary() throws Exception {
        TransportConfig t = loader.parse(config("{kind: serial, port: /dev/ttyS0, baudRate: 115200, dataBits: 7,"
                + " parity: even, stopBits: 1.5, flowControl: rts-cts, reconnectMin: 1s, idleTimeout: 20s}"))
                .devices().get(0).config().transport();

        SerialPortSettings s = SerialPortSettings.of(t);
        assertThat(s.baudRate()).isEqualTo(115_200);
        assertThat(s.dataBits()).isEqualTo(7);
        assertThat(s.parity()).isEqualTo(SerialPort.EVEN_PARITY);
        assertThat(s.stopBits()).isEqualTo(SerialPort.ONE_POINT_FIVE_STOP_BITS);
        assertThat(s.flowControl()).isEqualTo(SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED);
        assertThat(s.describe()).isEqualTo("115200 7E1.5 flow=rts-cts");
        assertThat(SerialPortSettings.of(new TransportConfig("serial", null, "/dev/ttyS1", null, null, null, null, null,
                null, null, "mark", "2", "xon-xoff", null, null, null, null, null)).describe()).isEqualTo("9600 8M2 flow=xon-xoff");
    }

    @Test
    void badSerialSettingsAreNamedWithTheirKeyAndTheAcceptedValues() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.parse(config(
                "{kind: serial, host: 10.0.0.1, baudRate: 10, dataBits: 9, parity: maybe, stopBits: 3, flowControl: dtr}")));

        assertThat(e.problems()).containsExactlyInAnyOrder(
                "devices[0].transport.port: required for serial, the port's path (best /dev/serial/by-id/..., which survives re-plugging)",
                "devices[0].transport.host: not used by kind: serial (remove it; the port key names the serial port)",
                "devices[0].transport.baudRate: 10 is out of range (50-4000000; VM-250 units default to 9600)",
                "devices[0].transport.dataBits: 9 is out of range (5-8, usually 8)",
                "devices[0].transport.parity: 'maybe' is not supported (use none, even, odd, mark, space)",
                "devices[0].transport.stopBits: '3' is not supported (use 1, 1.5, 2)",
                "devices[0].transport.flowControl: 'dtr' is not supported (use none, rts-cts, xon-xoff)");
    }

    @Test
    void serialKeysOnATcpDeviceAreMistakesAndATcpPortMustBeANumber() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.parse(config(
                "{kind: tcp-client, host: 10.0.0.1, port: /dev/ttyUSB0, baudRate: 9600, parity: none}")));

        assertThat(e.problems()).containsExactlyInAnyOrder(
                "devices[0].transport.port: required for tcp-client, 1-65535 (VM-250 units usually listen on 1600)",
                "devices[0].transport.baudRate: only for kind: serial, not tcp-client (remove it, or set kind: serial)",
                "devices[0].transport.parity: only for kind: serial, not tcp-client (remove it, or set kind: serial)");
    }
}
