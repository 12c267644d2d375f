package io.scangate.gateway.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The checks that types alone cannot make. Each message: {@code key: problem (fix)}. */
final class ConfigRules {

    /** Ids become MQTT topic levels and metric tags: keep them plain. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private ConfigRules() {
    }

    static List<String> check(GatewayConfig c) {
        List<String> p = new ArrayList<>();
        name(p, "site", c.site(), "e.g. site: rotterdam-maasvlakte");
        name(p, "gatewayId", c.gatewayId(), "e.g. gatewayId: gw-01");
        journal(p, c.journal());
        mqtt(p, c.mqtt(), c.site(), c.gatewayId());
        ops(p, c.ops());
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
            p.add(key + ": required (e.g. transport: {kind: tcp-client, host: 10.0.0.5, port: 1600})");
            return;
        }
        if (TransportKinds.toKind(t.kind()) == null) {
            p.add(key + ".kind: unknown transport '" + t.kind() + "' (use tcp-client, tcp-server or serial)");
            return;
        }
        if ("tcp-client".equals(t.kind())) {
            if (t.host() == null || t.host().isBlank()) {
                p.add(key + ".host: required for tcp-client (the device's address)");
            }
            if (t.port() == null || t.port() < 1 || t.port() > 65535) {
                p.add(key + ".port: required for tcp-client, 1-65535 (VM-250 units usually listen on 1600)");
            }
        } else {
            p.add(key + ".kind: '" + t.kind() + "' is not available in this build yet (use tcp-client)");
        }
        if (t.reconnectMin().isZero() || t.reconnectMin().isNegative() || t.reconnectMax().compareTo(t.reconnectMin()) < 0) {
            p.add(key + ".reconnectMin/reconnectMax: need 0 < reconnectMin <= reconnectMax");
        }
        if (t.idleTimeout().toMillis() < 1000) {
            p.add(key + ".idleTimeout: " + t.idleTimeout() + " is too short (at least 1s; VM-250 sends a line every 5 s when idle)");
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
