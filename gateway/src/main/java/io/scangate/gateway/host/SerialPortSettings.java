package io.scangate.gateway.host;

import com.fazecast.jSerialComm.SerialPort;
import io.scangate.gateway.config.TransportConfig;

/**
 * A serial device's line settings as jSerialComm constants. The configuration was checked, so every name
 * maps; an unknown one is a bug, not an operator's mistake.
 *
 * @param readTimeoutMillis how long one blocking read waits for a first byte; closing the port ends the
 *     wait at once, so this only bounds how often the reader looks at the port when the line is quiet
 * @param writeTimeoutMillis how long a write may block the event loop when the port does not take bytes
 *     (hardware flow control holding the line)
 */
record SerialPortSettings(String path, int baudRate, int dataBits, int stopBits, int parity, int flowControl,
                          int readTimeoutMillis, int writeTimeoutMillis) {

    static final int READ_TIMEOUT_MILLIS = 1000;
    static final int WRITE_TIMEOUT_MILLIS = 1000;

    static SerialPortSettings of(TransportConfig t) {
        return new SerialPortSettings(t.port(), t.baudRate(), t.dataBits(), stopBits(t.stopBits()), parity(t.parity()),
                flowControl(t.flowControl()), READ_TIMEOUT_MILLIS, WRITE_TIMEOUT_MILLIS);
    }

    /** @return false when the driver refused a setting (the port then is closed and the attempt failed) */
    boolean applyTo(SerialPort port) {
        return port.setComPortParameters(baudRate, dataBits, stopBits, parity)
                && port.setFlowControl(flowControl)
                && port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                        readTimeoutMillis, writeTimeoutMillis);
    }

    /** For logs: {@code 9600 8N1 flow=none}. */
    String describe() {
        String parityLetter = switch (parity) {
            case SerialPort.EVEN_PARITY -> "E";
            case SerialPort.ODD_PARITY -> "O";
            case SerialPort.MARK_PARITY -> "M";
            case SerialPort.SPACE_PARITY -> "S";
            default -> "N";
        };
        String stop = stopBits == SerialPort.ONE_POINT_FIVE_STOP_BITS ? "1.5" : stopBits == SerialPort.TWO_STOP_BITS ? "2" : "1";
        return baudRate + " " + dataBits + parityLetter + stop + " flow=" + flowName();
    }

    private String flowName() {
        if (flowControl == SerialPort.FLOW_CONTROL_DISABLED) {
            return "none";
        }
        return (flowControl & SerialPort.FLOW_CONTROL_RTS_ENABLED) != 0 ? "rts-cts" : "xon-xoff";
    }

    private static int stopBits(String name) {
        return switch (name) {
            case "1" -> SerialPort.ONE_STOP_BIT;
            case "1.5" -> SerialPort.ONE_POINT_FIVE_STOP_BITS;
            case "2" -> SerialPort.TWO_STOP_BITS;
            default -> throw new IllegalArgumentException("stopBits " + name);
        };
    }

    private static int parity(String name) {
        return switch (name) {
            case "none" -> SerialPort.NO_PARITY;
            case "even" -> SerialPort.EVEN_PARITY;
            case "odd" -> SerialPort.ODD_PARITY;
            case "mark" -> SerialPort.MARK_PARITY;
            case "space" -> SerialPort.SPACE_PARITY;
            default -> throw new IllegalArgumentException("parity " + name);
        };
    }

    private static int flowControl(String name) {
        return switch (name) {
            case "none" -> SerialPort.FLOW_CONTROL_DISABLED;
            case "rts-cts" -> SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED;
            case "xon-xoff" -> SerialPort.FLOW_CONTROL_XONXOFF_IN_ENABLED | SerialPort.FLOW_CONTROL_XONXOFF_OUT_ENABLED;
            default -> throw new IllegalArgumentException("flowControl " + name);
        };
    }
}
