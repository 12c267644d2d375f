package io.scangate.launcher;

import io.scangate.gateway.testing.CountingSubscriber.Received;
import io.scangate.proto.v1.RadiationScan;
import io.scangate.simulator.OccupancyTruth;
import io.scangate.simulator.Simulator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Shared pieces of the end-to-end tests: the gateway config for simulated lanes, and matching on (lane, counter). */
final class Lanes {

    private Lanes() {
    }

    /** Gateway YAML (without ops) with one vm250 device per simulator lane, device id {@code <lane>-rpm}. */
    static String gatewayYaml(Simulator simulator, String brokerUri, java.nio.file.Path journalDir, String journalExtra) {
        StringBuilder yaml = new StringBuilder()
                .append("site: test-port\n")
                .append("gatewayId: gw-test\n")
                .append("journal: {directory: '").append(journalDir).append("', maxBytes: 64MiB, segmentBytes: 4MiB, ")
                .append("maxRecordBytes: 1MiB").append(journalExtra).append("}\n")
                .append("mqtt: {serverUri: '").append(brokerUri).append("', reconnectMin: 200ms, reconnectMax: 2s}\n")
                .append("devices:\n");
        for (String lane : simulator.laneIds()) {
            yaml.append("  - {id: ").append(lane).append("-rpm, driver: vm250, lane: ").append(lane)
                    .append(", transport: {kind: tcp-client, host: 127.0.0.1, port: ").append(simulator.port(lane))
                    .append(", reconnectMin: 100ms, reconnectMax: 1s}}\n");
        }
        return yaml.toString();
    }

    /** The key an occupancy is known by on both sides: its lane and the device's GX counter. */
    static String key(OccupancyTruth truth) {
        return truth.lane() + "#" + truth.deviceCounter();
    }

    static String key(Received received) {
        RadiationScan scan = received.envelope().getRadiationScan();
        return received.envelope().getDevice().getLane() + "#"
                + (scan.getDeviceCounterPresent() ? Long.toString(scan.getDeviceCounter()) : "none");
    }

    /** Distinct event ids per key: exactly one each is the promise. */
    static Map<String, List<String>> eventIdsByKey(List<Received> radiation) {
        return radiation.stream().collect(Collectors.groupingBy(Lanes::key,
                Collectors.mapping(r -> r.envelope().getEventId(), Collectors.collectingAndThen(Collectors.toSet(), List::copyOf))));
    }
}
