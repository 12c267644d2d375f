package io.scangate.launcher.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scangate.gateway.publish.MessageFactory;
import io.scangate.gateway.testing.CountingSubscriber;
import io.scangate.launcher.GatewayProcess;
import io.scangate.proto.v1.Envelope;
import io.scangate.proto.v1.RadiationScan;
import io.scangate.simulator.OccupancyTruth;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * What the delivery tests share: the gateway configuration for simulated lanes, the key an occupancy is
 * known by on both sides (lane and the device's GX counter), the gateway's health and counters, and the
 * checks that every journalled event arrived.
 */
final class DeliveryRig {

    static final String SITE = "zero-loss";
    static final String GATEWAY_ID = "gw-zl";
    static final String SUBSCRIPTION = "scangate/v1/" + SITE + "/#";
    static final String HEAP = "256m";

    private static final ObjectMapper JSON = new ObjectMapper();

    private DeliveryRig() {
    }

    /**
     * Gateway YAML (the ops section is added by {@link GatewayProcess}) with one vm250 device per lane,
     * device id {@code <lane>-rpm}, lane id as in the simulator.
     *
     * @param journal extra {@code journal:} keys, e.g. {@code "maxEntries: 300"}, or empty
     * @param transport extra {@code transport:} keys, e.g. {@code "idleTimeout: 3s"}, or empty
     */
    static String gatewayYaml(Lanes lanes, String brokerUri, Path journalDir, String journal,
                              String transport) {
        StringBuilder yaml = new StringBuilder()
                .append("site: ").append(SITE).append('\n')
                .append("gatewayId: ").append(GATEWAY_ID).append('\n')
                .append("journal: {directory: '").append(journalDir).append('\'')
                .append(journal.isEmpty() ? "" : ", " + journal).append("}\n")
                .append("mqtt: {serverUri: '").append(brokerUri).append("', reconnectMin: 200ms, reconnectMax: 1s}\n")
                .append("devices:\n");
        for (String lane : lanes.laneIds()) {
            yaml.append("  - {id: ").append(lane).append("-rpm, driver: vm250, lane: ").append(lane)
                    .append(", transport: {kind: tcp-client, host: 127.0.0.1, port: ").append(lanes.port(lane))
                    .append(", reconnectMin: 100ms, reconnectMax: 1s")
                    .append(transport.isEmpty() ? "" : ", " + transport).append("}}\n");
        }
        return yaml.toString();
    }

    static String key(OccupancyTruth truth) {
        return truth.lane() + "#" + truth.deviceCounter();
    }

    static String key(Envelope envelope) {
        RadiationScan scan = envelope.getRadiationScan();
        return envelope.getDevice().getLane() + "#"
                + (scan.getDeviceCounterPresent() ? Long.toString(scan.getDeviceCounter()) : "none");
    }

    static Set<String> keys(Collection<OccupancyTruth> truth) {
        return truth.stream().map(DeliveryRig::key).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Every delivery of a device's envelope (the gateway's own retained status left out), duplicates included. */
    static List<Envelope> deviceEnvelopes(CountingSubscriber subscriber) {
        return subscriber.envelopes().stream()
                .filter(e -> !MessageFactory.GATEWAY_FAMILY.equals(e.getDevice().getFamily()))
                .toList();
    }

    /** Distinct event ids per occupancy key, over the radiation scans received. */
    static Map<String, Set<String>> eventIdsByOccupancy(List<Envelope> envelopes) {
        return envelopes.stream().filter(Envelope::hasRadiationScan).collect(Collectors.groupingBy(DeliveryRig::key,
                Collectors.mapping(Envelope::getEventId, Collectors.toSet())));
    }

    static Set<String> eventIds(Collection<Envelope> envelopes) {
        return envelopes.stream().map(Envelope::getEventId).collect(Collectors.toSet());
    }

    /** The gateway's /health document, or null while it does not answer. */
    static JsonNode health(GatewayProcess gateway) {
        String body = gateway.health();
        if (body == null) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("/health is not JSON: " + body, e);
        }
    }

    /** Entries stored or in flight in the journal; -1 while the gateway does not answer. */
    static long backlog(GatewayProcess gateway) {
        JsonNode health = health(gateway);
        return health == null ? -1
                : health.path("journal").path("stored").asLong() + health.path("journal").path("inFlight").asLong();
    }

    static long bootEpoch(GatewayProcess gateway) {
        return health(gateway).path("bootEpoch").asLong();
    }

    /** Events the running gateway has journalled since it started, over all devices and kinds. */
    static long journalled(GatewayProcess gateway) {
        return (long) gateway.metric("scangate_events_journalled_total");
    }

    /**
     * Waits until the journal is empty and the subscriber holds as many distinct events of this boot
     * epoch as the gateway journalled: the gateway has nothing left to send and has sent all it took in.
     * Call it once the devices are quiet (simulator closed), or the count keeps moving.
     */
    static void awaitDrained(GatewayProcess gateway, CountingSubscriber subscriber, long bootEpoch, Duration atMost) {
        await("journal drained and every journalled event of boot epoch " + bootEpoch + " at the subscriber")
                .atMost(atMost).pollInterval(Duration.ofMillis(250))
                .until(() -> backlog(gateway) == 0 && journalled(gateway) == eventIds(ofEpoch(
                        deviceEnvelopes(subscriber), bootEpoch)).size());
    }

    static List<Envelope> ofEpoch(List<Envelope> envelopes, long bootEpoch) {
        return envelopes.stream().filter(e -> e.getBootEpoch() == bootEpoch).toList();
    }

    /**
     * The gateway stamps sequence 1, 2, 3 ... on every event of a boot epoch before it journals it: the
     * received sequences must be exactly 1..journalled, each carried by one event id, and a repeated event
     * id must repeat the same bytes.
     */
    static void assertEveryJournalledEventOnce(List<Envelope> received, long bootEpoch, long journalled) {
        List<Envelope> epoch = ofEpoch(received, bootEpoch);
        Map<Long, Set<String>> idsBySequence = epoch.stream().collect(Collectors.groupingBy(Envelope::getSequence,
                Collectors.mapping(Envelope::getEventId, Collectors.toSet())));
        assertThat(idsBySequence.keySet()).as("sequences of boot epoch %d", bootEpoch)
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, journalled).boxed().toList());
        assertThat(idsBySequence).as("one event id per sequence").allSatisfy((sequence, ids) -> assertThat(ids).hasSize(1));
        Map<String, Envelope> firstById = new HashMap<>();
        for (Envelope envelope : epoch) {
            Envelope first = firstById.putIfAbsent(envelope.getEventId(), envelope);
            if (first != null) {
                assertThat(envelope).as("a duplicate delivery of %s repeats the same event", envelope.getEventId())
                        .isEqualTo(first);
            }
        }
    }

    /** Every occupancy of the ground truth arrived, and each under exactly one event id. */
    static void assertEveryOccupancyOnce(List<OccupancyTruth> truth, List<Envelope> received) {
        Map<String, Set<String>> idsByKey = eventIdsByOccupancy(received);
        assertThat(idsByKey.keySet()).as("occupancies at the subscriber (lane#deviceCounter)")
                .containsExactlyInAnyOrderElementsOf(keys(truth));
        assertThat(idsByKey).as("each occupancy under one event id").allSatisfy((key, ids) -> assertThat(ids).hasSize(1));
    }
}
