package io.scangate.gateway.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The checks that types alone cannot make. Each message: {@code key: problem (fix)}. */
final class ConfigRules {

    /** Ids become MQTT topic levels and metric tags: keep them plain. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern TCP_PORT = Pattern.compile("[0-9]{1,5}");
    private static final long MAX_DROP_FILE_BYTES = 1L << 30;
    /** Spelled as in the config file; the host maps them to the serial library's constants. */
    static final List<String> SERIAL_PARITIES = List.of("none", "even", "odd", "mark", "space");
    static final List<String> SERIAL_STOP_BITS = List.of("1", "1.5", "2");
    static final List<String> SERIAL_FLOW_CONTROLS = List.of("none", "rts-cts", "xon-xoff");
    private static final List<String> SERIAL_ONLY_KEYS = List.of("baudRate", "dataBits", "parity", "stopBits", "flowControl");

    private ConfigRules() {
    }

    static List<String> check(GatewayConfig c) {
        List<String> p = new ArrayList<>();
        name(p, "site", c.site(), "e.g. site: rotterdam-maasvlakte");
        name(p, "gatewayId", c.gatewayId(), "e.g. gatewayId: gw-01");
        journal(p, c.journal());
        mqtt(p, c.mqtt(), c.site(), c.gatewayId());
        ops(p, c.ops());
        if (c.blobs() != null) {
            c.blobs().toSettings().validate().forEach(problem -> p.add("blobs." + problem));
        }
        if (c.devices().isEmpty()) {
            p.add("devices: no device configured (add at least one entry with id, driver, lane and transport)");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < c.devices().size(); i++) {
            DeviceConfig d = c.devices().get(i);
            String key = "devices[" + i + "]";
            if (d == null) {
                p.add(key + ": empty entry (remove it or give id, driver, lane and transport)");
                continue;
            }
            name(p, key + ".id", d.id(), "a unique name such as lane1-rpm");
            if (d.id() != null && !ids.add(d.id())) {
                p.add(key + ".id: '" + d.id() + "' is used by another device (ids must be unique)");
            }
            if (d.driver() == null) {
                p.add(key + ".driver: required (the driver type, e.g. vm250)");
            }
            name(p, key + ".lane", d.lane(), "the lane the device watches, e.g. lane1");
            transport(p, key + ".transport", d.transport());
        }
        Map<String, String> laneOfDevice = new HashMap<>();
        c.devices().stream().filter(d -> d != null && d.id() != null && d.lane() != null)
                .forEach(d -> laneOfDevice.put(d.id(), d.lane()));
        p.addAll(c.correlation().validate(laneOfDevice));
        return p;
    }

    private static void journal(List<String> p, JournalConfig j) {
        j.toSettings().validate().forEach(problem -> p.add("journal." + problem));
        if (!(j.lowWater() > 0 && j.lowWater() < j.highWater() && j.highWater() <= 1.0)) {
            p.add("journal.highWater/lowWater: need 0 < lowWater < highWater <= 1 (got " + j.lowWater() + " / "
                    + j.highWater() + ")");
        }
        Path dir = Path.of(j.directory());
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            p.add("journal.directory: " + dir + " exists and is not a directory");
        }
    }

    private static void mqtt(List<String> p, MqttConfig m, String site, String gatewayId) {
        if (m.password() != null && m.passwordFile() != null) {
            p.add("mqtt.password: give either password or passwordFile, not both");
            return;
        }
        try {
            m.toSettings(site, gatewayId).validate().stream()
                    .filter(problem -> !problem.startsWith("mqtt.site:") && !problem.startsWith("mqtt.gatewayId:"))
                    .forEach(p::add);
        } catch (IOException e) {
            p.add("mqtt.passwordFile: cannot read " + m.passwordFile() + " (" + e.getMessage() + ")");
        }
    }

    private static void ops(List<String> p, OpsConfig o) {
        if (o.httpPort() < -1 || o.httpPort() > 65535) {
            p.add("ops.httpPort: " + o.httpPort() + " is out of range (0-65535, 0 = any free port, -1 = off)");
        }
        if (o.ioThreads() < 1 || o.ioThreads() > 64) {
            p.add("ops.ioThreads: " + o.ioThreads() + " is out of range (1-64)");
        }
    }

    private static void transport(List<String> p, String key, TransportConfig t) {
        if (t == null) {
            p.add(key + ": required (e.g. transport: {kind: tcp-client, host: 10.0.0.5, port: 1600}"
                    + " or {kind: serial, port: /dev/serial/by-id/usb-FTDI_...-if00-port0})");
            return;
        }
        if (TransportKinds.toKind(t.kind()) == null) {
            p.add(key + ".kind: unknown transport '" + t.kind() + "' (use tcp-client, tcp-server, serial or directory)");
            return;
        }
        if ("tcp-client".equals(t.kind())) {
            tcpClient(p, key, t);
        } else if (TransportConfig.SERIAL.equals(t.kind())) {
            serial(p, key, t);
        } else if (TransportConfig.DIRECTORY.equals(t.kind())) {
            directory(p, key, t);
        } else {
            tcpServer(p, key, t);
        }
        if (!TransportConfig.TCP_SERVER.equals(t.kind()) && t.tls() != null) {
            p.add(key + ".tls: only for kind: tcp-server (remove it)");
        }
        if (!TransportConfig.DIRECTORY.equals(t.kind())
                && (t.path() != null || t.pollInterval() != null || t.maxFileBytes() != null)) {
            p.add(key + ": path, pollInterval and maxFileBytes are only for kind: directory (remove them)");
        }
        if (t.reconnectMin().isZero() || t.reconnectMin().isNegative() || t.reconnectMax().compareTo(t.reconnectMin()) < 0) {
            p.add(key + ".reconnectMin/reconnectMax: need 0 < reconnectMin <= reconnectMax");
        }
        if (t.idleTimeout().toMillis() < 1000) {
            p.add(key + ".idleTimeout: " + t.idleTimeout() + " is too short (at least 1s; VM-250 sends a line every 5 s when idle)");
        }
    }

    private static void directory(List<String> p, String key, TransportConfig t) {
        if (t.path() == null || t.path().isBlank()) {
            p.add(key + ".path: required for directory, the drop directory the device exports files into");
        }
        if (t.pollInterval().toMillis() < 100) {
            p.add(key + ".pollInterval: " + t.pollInterval() + " is too short (at least 100ms)");
        }
        if (t.maxFileBytes().bytes() < 1 || t.maxFileBytes().bytes() > MAX_DROP_FILE_BYTES) {
            p.add(key + ".maxFileBytes: " + t.maxFileBytes() + " is out of range (1B-1GiB; a file is read whole)");
        }
        if (t.host() != null || t.port() != null) {
            p.add(key + ": host and port are not for kind: directory (give path)");
        }
        serialKeysAreMistakes(p, key, t, "directory");
    }

    private static void tcpServer(List<String> p, String key, TransportConfig t) {
        if (!TCP_PORT.matcher(String.valueOf(t.port())).matches() || Integer.parseInt(t.port()) < 1
                || Integer.parseInt(t.port()) > 65535) {
            p.add(key + ".port: required for tcp-server, 1-65535, the port to listen on (DICOM: 104, or 11112 unprivileged)");
        }
        if (t.maxConnections() < 1 || t.maxConnections() > 1024) {
            p.add(key + ".maxConnections: " + t.maxConnections() + " is out of range (1-1024)");
        }
        serialKeysAreMistakes(p, key, t, "tcp-server");
        if (t.tls() != null) {
            p.addAll(t.tls().problems(key + ".tls"));
        }
    }

    private static void tcpClient(List<String> p, String key, TransportConfig t) {
        if (t.host() == null || t.host().isBlank()) {
            p.add(key + ".host: required for tcp-client (the device's address)");
        }
        if (!TCP_PORT.matcher(String.valueOf(t.port())).matches() || Integer.parseInt(t.port()) < 1
                || Integer.parseInt(t.port()) > 65535) {
            p.add(key + ".port: required for tcp-client, 1-65535 (VM-250 units usually listen on 1600)");
        }
        serialKeysAreMistakes(p, key, t, "tcp-client");
        if (t.maxConnections() != null) {
            p.add(key + ".maxConnections: only for kind: tcp-server (remove it)");
        }
    }

    private static void serialKeysAreMistakes(List<String> p, String key, TransportConfig t, String kind) {
        Object[] serialValues = {t.baudRate(), t.dataBits(), t.parity(), t.stopBits(), t.flowControl()};
        for (int i = 0; i < SERIAL_ONLY_KEYS.size(); i++) {
            if (serialValues[i] != null) {
                p.add(key + "." + SERIAL_ONLY_KEYS.get(i) + ": only for kind: serial, not " + kind + " (remove it, or set kind: serial)");
            }
        }
    }

    private static void serial(List<String> p, String key, TransportConfig t) {
        if (t.port() == null || t.port().isBlank()) {
            p.add(key + ".port: required for serial, the port's path (best /dev/serial/by-id/..., which survives re-plugging)");
        }
        if (t.maxConnections() != null) {
            p.add(key + ".maxConnections: only for kind: tcp-server (remove it)");
        }
        if (t.host() != null) {
            p.add(key + ".host: not used by kind: serial (remove it; the port key names the serial port)");
        }
        if (t.baudRate() < 50 || t.baudRate() > 4_000_000) {
            p.add(key + ".baudRate: " + t.baudRate() + " is out of range (50-4000000; VM-250 units default to 9600)");
        }
        if (t.dataBits() < 5 || t.dataBits() > 8) {
            p.add(key + ".dataBits: " + t.dataBits() + " is out of range (5-8, usually 8)");
        }
        oneOf(p, key + ".parity", t.parity(), SERIAL_PARITIES);
        oneOf(p, key + ".stopBits", t.stopBits(), SERIAL_STOP_BITS);
        oneOf(p, key + ".flowControl", t.flowControl(), SERIAL_FLOW_CONTROLS);
    }

    private static void oneOf(List<String> p, String key, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            p.add(key + ": '" + value + "' is not supported (use " + String.join(", ", allowed) + ")");
        }
    }

    private static void name(List<String> p, String key, String value, String example) {
        if (value == null || value.isBlank()) {
            p.add(key + ": required (" + example + ")");
        } else if (!NAME.matcher(value).matches()) {
            p.add(key + ": '" + value + "' may use only letters, digits, '.', '_' and '-' (max 64), since it becomes an MQTT topic level");
        }
    }
}
