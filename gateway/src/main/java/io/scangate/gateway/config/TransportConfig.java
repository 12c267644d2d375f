package io.scangate.gateway.config;

import java.time.Duration;

/**
 * {@code devices[].transport:} how the host reaches a device.
 *
 * @param kind {@code tcp-client} (the device listens; the gateway connects), {@code tcp-server} (the
 *     device connects to the gateway, e.g. a scanner sending DICOM) or {@code serial}
 * @param host tcp-client: the device's address; tcp-server: the address to listen on (default 0.0.0.0)
 * @param port tcp-client: the device's TCP port (VM-250 units usually listen on 1600); serial: the port's
 *     path, best a stable {@code /dev/serial/by-id/...} link, since {@code /dev/ttyUSB0} numbers change
 *     when USB adapters are re-plugged or enumerated in another order
 * @param idleTimeout no byte for this long marks the device DOWN and reconnects (reopens a serial port);
 *     a VM-250 sends a background line every 5 s, so 30 s means six missed lines
 * @param stablePeriod a connection must last this long before the reconnect backoff resets, so that a
 *     device that accepts and drops at once is not hammered
 * @param baudRate serial only, default 9600
 * @param dataBits serial only, 5-8, default 8
 * @param parity serial only: none (default), even, odd, mark or space
 * @param stopBits serial only: 1 (default), 1.5 or 2
 * @param flowControl serial only: none (default), rts-cts or xon-xoff
 * @param maxConnections tcp-server only: connections (e.g. DICOM associations) open at once, default 8;
 *     one more is closed at once and counted
 * @param path directory only: the drop directory a device exports files into
 * @param pollInterval directory only: how often the directory is listed (default 1s); a file is taken once
 *     its size and modification time held still for one interval, and moved to {@code processed/} under the
 *     directory once its messages are durable in the journal
 * @param maxFileBytes directory only: the largest file taken (default 16MiB); a larger one is moved to
 *     {@code rejected/} and counted, since reading it would hold it whole in memory
 * @param tls tcp-server only: TLS for the connections devices make (e.g. an HTTPS webhook); absent = plain TCP
 */
public record TransportConfig(
        String kind,
        String host,
        String port,
        Duration connectTimeout,
        Duration reconnectMin,
        Duration reconnectMax,
        Duration stablePeriod,
        Duration idleTimeout,
        Integer baudRate,
        Integer dataBits,
        String parity,
        String stopBits,
        String flowControl,
        Integer maxConnections,
        String path,
        Duration pollInterval,
        DataSize maxFileBytes,
        TlsConfig tls) {

    public static final String SERIAL = "serial";
    public static final String TCP_SERVER = "tcp-server";
    public static final String DIRECTORY = "directory";

    public TransportConfig {
        kind = kind == null ? "tcp-client" : kind;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        reconnectMin = reconnectMin == null ? Duration.ofMillis(500) : reconnectMin;
        reconnectMax = reconnectMax == null ? Duration.ofSeconds(30) : reconnectMax;
        stablePeriod = stablePeriod == null ? Duration.ofSeconds(30) : stablePeriod;
        idleTimeout = idleTimeout == null ? Duration.ofSeconds(30) : idleTimeout;
        // Serial defaults only for serial devices, so that a serial key on a TCP device stays visible as a mistake.
        if (SERIAL.equals(kind)) {
            baudRate = baudRate == null ? 9600 : baudRate;
            dataBits = dataBits == null ? 8 : dataBits;
            parity = parity == null ? "none" : parity;
            stopBits = stopBits == null ? "1" : stopBits;
            flowControl = flowControl == null ? "none" : flowControl;
        }
        if (DIRECTORY.equals(kind)) {
            pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
            maxFileBytes = maxFileBytes == null ? DataSize.ofMebibytes(16) : maxFileBytes;
        }
        if (TCP_SERVER.equals(kind)) {
            host = host == null ? "0.0.0.0" : host;
            maxConnections = maxConnections == null ? 8 : maxConnections;
        }
    }

    /** The TCP port of a tcp-client or tcp-server device; the configuration was checked, so it is a number. */
    public int tcpPort() {
        return Integer.parseInt(port);
    }

    /** Where the device is, for logs and status reasons: {@code host:port} or the serial port's path. */
    public String peer() {
        if (DIRECTORY.equals(kind)) {
            return path;
        }
        return SERIAL.equals(kind) ? port : host + ":" + port;
    }
}
