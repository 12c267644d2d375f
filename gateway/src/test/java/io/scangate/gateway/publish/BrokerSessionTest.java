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
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The broker facts docs/operations-broker.md relies on: a back-end's persistent session queues more than
 * Mosquitto's default 1000 messages while the back-end is away, and survives a broker restart.
 */
class BrokerSessionTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final int BEYOND_DEFAULT_QUEUE = 1_500;

    @Test
    void offlineBackEndGetsEverythingAfterItsAbsenceAndABrokerRestart() {
        MemoryJournal journal = new MemoryJournal();
        try (MosquittoBroker broker = MosquittoBroker.start()) {
            CountingSubscriber.connect(broker.uri(), "backend-away", "scangate/v1/+/+/+/measurement").close();
            Set<String> expected = new HashSet<>();
            for (int i = 0; i < BEYOND_DEFAULT_QUEUE; i++) {
                Envelope envelope = Envelopes.measurement("lane1", "rpm");
                expected.add(envelope.getEventId());
                journal.add(Lane.TELEMETRY, envelope.toByteArray());
            }
            MqttPublisher publisher = new MqttPublisher(MqttPublisherTest.settings(broker.uri()), journal,
                    new SimpleMeterRegistry());
            try {
                publisher.start();
                await().atMost(PATIENCE).until(() -> journal.confirmedCount() == BEYOND_DEFAULT_QUEUE);
            } finally {
                publisher.close();
            }

            broker.restart();

            try (CountingSubscriber back = CountingSubscriber.connect(broker.uri(), "backend-away",
                    "scangate/v1/+/+/+/measurement")) {
                await("every event id queued in the back-end's session").atMost(PATIENCE)
                        .until(() -> back.eventIds().containsAll(expected));
                assertThat(back.count()).isEqualTo(BEYOND_DEFAULT_QUEUE);
            }
        }
    }
}
