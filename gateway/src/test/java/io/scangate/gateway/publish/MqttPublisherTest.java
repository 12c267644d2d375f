package io.scangate.gateway.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scangate.gateway.journal.JournalEntry;
import io.scangate.gateway.journal.Lane;
import io.scangate.gateway.testing.CountingSubscriber;
import io.scangate.gateway.testing.Envelopes;
import io.scangate.gateway.testing.MemoryJournal;
import io.scangate.gateway.testing.MosquittoBroker;
import io.scangate.proto.v1.Envelope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The publisher against a real Mosquitto: every entry confirmed once, ordering by lane, invalid entries set aside. */
class MqttPublisherTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private MosquittoBroker broker;
    private final MemoryJournal journal = new MemoryJournal();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private MqttPublisher publisher;
    private CountingSubscriber subscriber;

    @BeforeEach
    void startBroker() {
        broker = MosquittoBroker.start();
    }

    @AfterEach
    void stopAll() {
        if (publisher != null) {
            publisher.close();
        }
        if (subscriber != null) {
            subscriber.close();
        }
        broker.close();
    }

    static MqttSettings settings(String uri) {
        return MqttSettings.of(uri, Envelopes.SITE, Envelopes.GATEWAY)
                .withReconnect(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(5));
    }

    @Test
    void everyEntryIsPublishedAndConfirmedOnceWithAlarmsFirst() {
        subscriber = CountingSubscriber.connect(broker.uri(), "backend-1", "scangate/v1/#");
        List<String> lanes = List.of("lane1", "lane2", "lane3", "lane4");
        Set<String> expected = new HashSet<>();
        Set<Long> alarmIds = new HashSet<>();
        for (int i = 0; i < 1_900; i++) {
            String lane = lanes.get(i % lanes.size());
            Envelope envelope = i % 2 == 0 ? Envelopes.measurement(lane, lane + "-rpm")
                    : Envelopes.radiationScan(lane, lane + "-rpm", false);
            journal.add(i % 2 == 0 ? Lane.TELEMETRY : Lane.RESULT, envelope.toByteArray());
            expected.add(envelope.getEventId());
        }
        Set<String> alarms = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            Envelope alarm = Envelopes.radiationScan(lanes.get(i % lanes.size()), "rpm", true);
            alarmIds.add(journal.add(Lane.ALARM, alarm.toByteArray()));
            alarms.add(alarm.getEventId());
        }
        expected.addAll(alarms);

        publisher = new MqttPublisher(settings(broker.uri()), journal, registry);
        publisher.start();

        await().atMost(PATIENCE).until(() -> journal.confirmedCount() == 2_000);
        await().atMost(PATIENCE).until(() -> subscriber.eventIds().containsAll(expected));
        assertThat(journal.confirmCalls().values()).allMatch(calls -> calls == 1);
        assertThat(journal.releases()).isZero();
        assertThat(journal.takeOrder().subList(0, 100)).extracting(JournalEntry::id)
                .containsExactlyInAnyOrderElementsOf(alarmIds);
        List<String> firstDelivered = new ArrayList<>();
        subscriber.received().stream()
                .filter(r -> !r.topic().contains("/gateway/"))
                .limit(100)
                .forEach(r -> firstDelivered.add(r.envelope().getEventId()));
        assertThat(firstDelivered).containsExactlyInAnyOrderElementsOf(alarms);
        assertThat(registry.get("scangate.publish.acked").counter().count()).isEqualTo(2_000);
        assertThat(registry.get("scangate.publish.sent").counter().count()).isEqualTo(2_000);
        assertThat(registry.get("scangate.publish.failed").counter().count()).isZero();
        assertThat(registry.get("scangate.publish.latency").timer().count()).isEqualTo(2_000);
        assertThat(registry.get("scangate.mqtt.connected").gauge().value()).isEqualTo(1.0);
        await().atMost(PATIENCE).until(() -> registry.get("scangate.publish.inflight").gauge().value() == 0.0);
    }
}
