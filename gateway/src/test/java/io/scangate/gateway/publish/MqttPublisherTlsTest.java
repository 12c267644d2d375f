package io.scangate.gateway.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scangate.gateway.journal.Lane;
import io.scangate.gateway.testing.CountingSubscriber;
import io.scangate.gateway.testing.Envelopes;
import io.scangate.gateway.testing.MemoryJournal;
import io.scangate.gateway.testing.MosquittoBroker;
import io.scangate.gateway.testing.TestCertificates;
import io.scangate.proto.v1.Envelope;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mutual TLS from PEM files against Mosquitto's TLS listener (certificates made by openssl). */
class MqttPublisherTlsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path pki;

    @Test
    void publishesOverMutualTlsWithPemFiles() {
        TestCertificates certificates = TestCertificates.generate(pki);
        MemoryJournal journal = new MemoryJournal();
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            Envelope envelope = Envelopes.radiationScan("lane1", "rpm", false);
            expected.add(envelope.getEventId());
            journal.add(Lane.RESULT, envelope.toByteArray());
        }
        try (MosquittoBroker broker = MosquittoBroker.startWithTls(certificates);
                CountingSubscriber subscriber = CountingSubscriber.connect(broker.uri(), "backend-tls",
                        "scangate/v1/+/+/+/radiation")) {
            MqttSettings settings = MqttPublisherTest.settings(broker.tlsUri())
                    .withTls(certificates.caFile(), certificates.clientCert(), certificates.clientKey());
            assertThat(settings.validate()).isEmpty();
            MqttPublisher publisher = new MqttPublisher(settings, journal, new SimpleMeterRegistry());
            try {
                publisher.start();
                await().atMost(PATIENCE).until(() -> journal.confirmedCount() == 10);
                await().atMost(PATIENCE).until(() -> subscriber.eventIds().equals(expected));
            } finally {
                publisher.close();
            }
        }
    }

    @Test
    void withoutAClientCertificateNothingIsConfirmedAndItKeepsTrying() {
        TestCertificates certificates = TestCertificates.generate(pki);
        MemoryJournal journal = new MemoryJournal();
        journal.add(Lane.RESULT, Envelopes.radiationScan("lane1", "rpm", false).toByteArray());
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (MosquittoBroker broker = MosquittoBroker.startWithTls(certificates)) {
            MqttSettings settings = MqttPublisherTest.settings(broker.tlsUri())
                    .withTls(certificates.caFile(), null, null);
            MqttPublisher publisher = new MqttPublisher(settings, journal, registry);
            try {
                publisher.start();
                await().atMost(PATIENCE).until(() -> registry.get("scangate.mqtt.reconnects").counter().count() >= 2);
                assertThat(publisher.connected()).isFalse();
                assertThat(journal.confirmedCount()).isZero();
                assertThat(journal.stats().stored()).isEqualTo(1);
            } finally {
                publisher.close();
            }
        }
    }
}
