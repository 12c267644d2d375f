package io.scangate.gateway.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scangate.gateway.journal.Lane;
import io.scangate.gateway.testing.Envelopes;
import io.scangate.gateway.testing.MemoryJournal;
import io.scangate.proto.v1.Envelope;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Paho behaviours provoked on a mocked client: 32202 back-pressure, PUBACK errors, a lost connection. */
class MqttPublisherSeamTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final MemoryJournal journal = new MemoryJournal();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Map<Long, byte[]> payloads = new HashMap<>();
    private MqttPublisher publisher;

    @AfterEach
    void close() {
        if (publisher != null) {
            publisher.close();
        }
    }

    private MqttPublisher start(FakePaho paho, int entries) {
        for (int i = 0; i < entries; i++) {
            Envelope envelope = Envelopes.radiationScan("lane1", "rpm", false);
            payloads.put(journal.add(Lane.RESULT, envelope.toByteArray()), envelope.toByteArray());
        }
        MqttSettings settings = MqttSettings.of("tcp://127.0.0.1:1", Envelopes.SITE, Envelopes.GATEWAY)
                .withReconnect(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofSeconds(1));
        publisher = new MqttPublisher(settings, journal, registry, paho, bound -> 0);
        publisher.start();
        return publisher;
    }

    private static ConditionFactory eventually() {
        return await().atMost(PATIENCE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2));
    }

    private double count(String meter) {
        return registry.get(meter).counter().count();
    }

    @Test
    void tooManyPublishesInProgressIsBackPressureNotAnError() {
        FakePaho paho = new FakePaho(10);
        start(paho, 30);
        eventually().until(() -> paho.pending.size() == 10);

        paho.acknowledgeOldest(0);
        eventually().until(() -> count("scangate.publish.backpressure") >= 1);
        assertThat(count("scangate.publish.failed")).isZero();
        assertThat(journal.deadLetters()).isEmpty();
        assertThat(journal.confirmedCount()).isEqualTo(1);
        assertThat(journal.stats().stored()).isEqualTo(20);

        paho.freeSlot();
        eventually().until(() -> paho.pending.size() == 10);
        while (journal.confirmedCount() < 30) {
            eventually().until(() -> !paho.pending.isEmpty());
            int confirmedBefore = journal.confirmedCount();
            paho.acknowledgeOldest(0);
            paho.freeSlot();
            eventually().until(() -> journal.confirmedCount() > confirmedBefore);
        }
        assertThat(count("scangate.publish.failed")).isZero();
        assertThat(journal.confirmCalls().values()).allMatch(calls -> calls == 1);
        assertThat(paho.published).hasSize(30);
    }

    @Test
    void rejectedPubackReleasesTheEntryForARetry() {
        FakePaho paho = new FakePaho(10);
        start(paho, 1);
        eventually().until(() -> paho.pending.size() == 1);

        paho.acknowledgeOldest(0x97);
        paho.freeSlot();
        eventually().until(() -> paho.published.size() == 2);
        assertThat(count("scangate.publish.failed")).isEqualTo(1);
        assertThat(journal.confirmedCount()).isZero();

        paho.acknowledgeOldest(0);
        eventually().until(() -> journal.confirmedCount() == 1);
        assertThat(paho.published.get(1).message().getPayload()).isEqualTo(payloads.get(1L));
    }

    @Test
    void lostConnectionReleasesInFlightAndRepublishesTheSameBytesOnANewClient() {
        FakePaho paho = new FakePaho(5);
        start(paho, 8);
        eventually().until(() -> paho.pending.size() == 5);

        paho.loseConnection();
        eventually().until(() -> paho.clients.get() == 2 && paho.pending.size() == 5);
        assertThat(journal.releases()).isEqualTo(5);
        assertThat(count("scangate.mqtt.reconnects")).isEqualTo(1);
        for (FakePaho.Pending again : paho.pending) {
            assertThat(again.client()).isEqualTo(2);
        }
        while (journal.confirmedCount() < 8) {
            eventually().until(() -> !paho.pending.isEmpty());
            int confirmedBefore = journal.confirmedCount();
            paho.acknowledgeOldest(0);
            paho.freeSlot();
            eventually().until(() -> journal.confirmedCount() > confirmedBefore);
        }
        Map<Long, Integer> published = new HashMap<>();
        for (FakePaho.Pending publish : paho.published) {
            long id = payloads.entrySet().stream()
                    .filter(e -> Arrays.equals(e.getValue(), publish.message().getPayload()))
                    .findFirst().orElseThrow().getKey();
            published.merge(id, 1, Integer::sum);
        }
        assertThat(published).hasSize(8);
        assertThat(published.values().stream().filter(n -> n == 2)).hasSize(5);
        assertThat(journal.confirmCalls().values()).allMatch(calls -> calls == 1);
    }
}
