package io.scangate.gateway.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scangate.gateway.journal.Lane;
import io.scangate.gateway.testing.CountingSubscriber;
import io.scangate.gateway.testing.Envelopes;
import io.scangate.gateway.testing.MemoryJournal;
import io.scangate.gateway.testing.MosquittoBroker;
import io.scangate.proto.v1.Envelope;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Outages and a tight broker: nothing is lost, duplicates are counted, the window holds. */
class MqttPublisherResilienceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int ENTRIES = 2_000;

    private MosquittoBroker broker;
    private final MemoryJournal journal = new MemoryJournal();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private MqttPublisher publisher;
    private CountingSubscriber subscriber;
    private ScheduledExecutorService producer;

    @AfterEach
    void stopAll() {
        if (producer != null) {
            producer.shutdownNow();
        }
        if (publisher != null) {
            publisher.close();
        }
        if (subscriber != null) {
            subscriber.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void brokerOutageMidStreamLosesNothing() {
        broker = MosquittoBroker.start();
        subscriber = CountingSubscriber.connect(broker.uri(), "backend-outage", "scangate/v1/+/+/+/radiation");
        publisher = new MqttPublisher(MqttPublisherTest.settings(broker.uri()), journal, registry);
        publisher.start();
        Set<String> expected = ConcurrentHashMap.newKeySet();
        AtomicInteger appended = new AtomicInteger();
        producer = Executors.newSingleThreadScheduledExecutor();
        producer.scheduleAtFixedRate(() -> {
            for (int i = 0; i < 10 && appended.get() < ENTRIES; i++) {
                int n = appended.incrementAndGet();
                Envelope envelope = Envelopes.radiationScan("lane" + n % 3, "rpm" + n % 3, n % 50 == 0);
                expected.add(envelope.getEventId());
                journal.add(n % 50 == 0 ? Lane.ALARM : Lane.RESULT, envelope.toByteArray());
            }
        }, 0, 10, TimeUnit.MILLISECONDS);

        await().atMost(PATIENCE).until(() -> journal.confirmedCount() >= 400);
        broker.stop();
        await().atMost(PATIENCE).until(() -> !publisher.connected());
        int appendedDuringOutage = appended.get();
        await().atMost(PATIENCE).until(() -> appended.get() >= appendedDuringOutage + 200);
        broker.startAgain();

        await().atMost(PATIENCE).until(() -> appended.get() == ENTRIES && journal.confirmedCount() == ENTRIES);
        await().atMost(PATIENCE).until(() -> subscriber.eventIds().containsAll(expected));
        assertThat(journal.confirmCalls().values()).allMatch(calls -> calls == 1);
        assertThat(journal.deadLetters()).isEmpty();
        assertThat(registry.get("scangate.mqtt.reconnects").counter().count()).isGreaterThanOrEqualTo(1);
        assertThat(subscriber.count()).isEqualTo(ENTRIES);
        assertThat(subscriber.total()).isEqualTo(ENTRIES + subscriber.duplicates());
        System.out.printf("outage: entries=%d delivered=%d duplicates=%d released=%d reconnects=%.0f%n", ENTRIES,
                subscriber.total(), subscriber.duplicates(), journal.releases(),
                registry.get("scangate.mqtt.reconnects").counter().count());
    }

    @Test
    void windowFollowsALowBrokerReceiveMaximumWithoutErrors() {
        broker = MosquittoBroker.start(5);
        subscriber = CountingSubscriber.connect(broker.uri(), "backend-tight", "scangate/v1/+/+/+/measurement");
        Set<String> expected = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < ENTRIES; i++) {
            Envelope envelope = Envelopes.measurement("lane" + i % 4, "rpm" + i % 4);
            expected.add(envelope.getEventId());
            journal.add(Lane.TELEMETRY, envelope.toByteArray());
        }
        publisher = new MqttPublisher(MqttPublisherTest.settings(broker.uri()), journal, registry);
        publisher.start();

        await().atMost(PATIENCE).until(() -> journal.confirmedCount() == ENTRIES);
        assertThat(publisher.window()).isEqualTo(5);
        assertThat(journal.maxInFlight()).isLessThanOrEqualTo(5);
        assertThat(registry.get("scangate.publish.failed").counter().count()).isZero();
        assertThat(registry.get("scangate.publish.deadlettered").counter().count()).isZero();
        assertThat(registry.get("scangate.mqtt.reconnects").counter().count()).isZero();
        assertThat(journal.confirmCalls().values()).allMatch(calls -> calls == 1);
        await().atMost(PATIENCE).until(() -> subscriber.eventIds().containsAll(expected));
        System.out.printf("tight window: backpressure=%.0f released=%d%n",
                registry.get("scangate.publish.backpressure").counter().count(), journal.releases());
    }
}
