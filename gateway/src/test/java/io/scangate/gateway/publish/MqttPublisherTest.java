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
import io.scangate.gateway.testing.TcpProxy;
import io.scangate.proto.v1.DeviceRef;
import io.scangate.proto.v1.DeviceState;
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

    @Test
    void topicsAndMqtt5PropertiesFollowTheScheme() {
        subscriber = CountingSubscriber.connect(broker.uri(), "backend-props", "scangate/v1/#");
        List<Envelope> sent = List.of(
                Envelopes.radiationScan("lane1", "lane1-rpm", false),
                Envelopes.measurement("lane1", "lane1-rpm"),
                Envelopes.setup("lane1", "lane1-rpm"),
                Envelopes.status("lane1", "lane1-rpm", DeviceState.DEVICE_STATE_FAULT),
                Envelopes.raw("lane1", "lane1-rpm"),
                Envelopes.xrayScan("gate/2", "xray+#1"),
                Envelopes.conveyance("", "ocr-1").toBuilder()
                        .setDevice(DeviceRef.newBuilder().setDeviceId("ocr-1")).build());
        List<String> expectedTopics = List.of(
                "scangate/v1/test-port/lane1/lane1-rpm/radiation",
                "scangate/v1/test-port/lane1/lane1-rpm/measurement",
                "scangate/v1/test-port/lane1/lane1-rpm/setup",
                "scangate/v1/test-port/lane1/lane1-rpm/status",
                "scangate/v1/test-port/lane1/lane1-rpm/raw",
                "scangate/v1/test-port/gate_2/xray__1/scan",
                "scangate/v1/test-port/-/ocr-1/conveyance");
        List<String> expectedTypes = List.of("scangate.v1.RadiationScan", "scangate.v1.RadiationMeasurement",
                "scangate.v1.DeviceSetup", "scangate.v1.DeviceStatus", "scangate.v1.RawRecord",
                "scangate.v1.XrayScan", "scangate.v1.ConveyanceId");
        sent.forEach(envelope -> journal.add(Lane.RESULT, envelope.toByteArray()));

        publisher = new MqttPublisher(settings(broker.uri()), journal, registry);
        publisher.start();

        await().atMost(PATIENCE).until(() -> subscriber.eventIds().containsAll(
                sent.stream().map(Envelope::getEventId).toList()));
        for (int i = 0; i < sent.size(); i++) {
            Envelope envelope = sent.get(i);
            CountingSubscriber.Received delivery = subscriber.received().stream()
                    .filter(r -> r.envelope().getEventId().equals(envelope.getEventId()))
                    .findFirst().orElseThrow();
            assertThat(delivery.topic()).isEqualTo(expectedTopics.get(i));
            assertThat(delivery.envelope()).isEqualTo(envelope);
            assertThat(delivery.qos()).isEqualTo(1);
            assertThat(delivery.retained()).isFalse();
            assertThat(delivery.properties().getContentType()).isEqualTo("application/x-protobuf");
            assertThat(delivery.properties().getPayloadFormat()).isFalse();
            assertThat(delivery.properties().getMessageExpiryInterval()).isNull();
            assertThat(delivery.userProperty("scangate-type")).isEqualTo(expectedTypes.get(i));
            assertThat(delivery.userProperty("scangate-schema")).isEqualTo("1");
            assertThat(delivery.userProperty("scangate-event-id")).isEqualTo(envelope.getEventId());
            assertThat(delivery.userProperty("scangate-sequence"))
                    .isEqualTo(envelope.getBootEpoch() + "." + envelope.getSequence());
        }
    }

    @Test
    void invalidPayloadsAreDeadLetteredAndTheRestFlows() {
        subscriber = CountingSubscriber.connect(broker.uri(), "backend-dead", "scangate/v1/+/+/+/radiation");
        Envelope before = Envelopes.radiationScan("lane1", "rpm", false);
        Envelope after = Envelopes.radiationScan("lane1", "rpm", false);
        journal.add(Lane.RESULT, before.toByteArray());
        long garbage = journal.add(Lane.RESULT, new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x01});
        long empty = journal.add(Lane.RESULT, new byte[0]);
        long noEventId = journal.add(Lane.RESULT,
                Envelopes.radiationScan("lane1", "rpm", false).toBuilder().clearEventId().build().toByteArray());
        journal.add(Lane.RESULT, after.toByteArray());

        publisher = new MqttPublisher(settings(broker.uri()), journal, registry);
        publisher.start();

        await().atMost(PATIENCE).until(() -> journal.confirmedCount() == 2 && journal.deadLetters().size() == 3);
        assertThat(journal.deadLetters().get(garbage)).startsWith("not a valid scangate.v1.Envelope");
        assertThat(journal.deadLetters().get(empty)).isEqualTo("envelope has no body");
        assertThat(journal.deadLetters().get(noEventId)).startsWith("envelope has no event_id");
        assertThat(registry.get("scangate.publish.deadlettered").counter().count()).isEqualTo(3);
        await().atMost(PATIENCE).until(() -> subscriber.eventIds().equals(
                Set.of(before.getEventId(), after.getEventId())));
    }

    @Test
    void birthIsRetainedAndTheLastWillReportsALostConnection() {
        String statusTopic = "scangate/v1/test-port/gateway/gw-test/status";
        try (TcpProxy network = TcpProxy.to(broker.port())) {
            publisher = new MqttPublisher(settings(network.uri()), journal, registry);
            publisher.start();
            await().atMost(PATIENCE).until(publisher::connected);

            CountingSubscriber late = CountingSubscriber.connect(broker.uri(), "backend-late", statusTopic);
            await().atMost(PATIENCE).until(() -> late.onTopic(statusTopic).size() == 1);
            CountingSubscriber.Received birth = late.onTopic(statusTopic).get(0);
            assertThat(birth.retained()).isTrue();
            assertThat(birth.envelope().getDeviceStatus().getState()).isEqualTo(DeviceState.DEVICE_STATE_UP);
            assertThat(birth.envelope().getDevice().getFamily()).isEqualTo("GATEWAY");
            assertThat(birth.envelope().getDevice().getDeviceId()).isEqualTo("gw-test");
            assertThat(birth.envelope().getDevice().getSite()).isEqualTo("test-port");
            assertThat(birth.userProperty("scangate-type")).isEqualTo("scangate.v1.DeviceStatus");

            network.close();
            await().atMost(PATIENCE).until(() -> late.onTopic(statusTopic).size() == 2);
            Envelope will = late.onTopic(statusTopic).get(1).envelope();
            assertThat(will.getDeviceStatus().getState()).isEqualTo(DeviceState.DEVICE_STATE_DOWN);
            assertThat(will.getDeviceStatus().getReason()).isEqualTo("connection lost");
            late.close();
            await().atMost(PATIENCE).until(() -> !publisher.connected());

            CountingSubscriber afterwards = CountingSubscriber.connect(broker.uri(), "backend-after", statusTopic);
            subscriber = afterwards;
            await().atMost(PATIENCE).until(() -> afterwards.onTopic(statusTopic).size() == 1);
            CountingSubscriber.Received retained = afterwards.onTopic(statusTopic).get(0);
            assertThat(retained.retained()).isTrue();
            assertThat(retained.envelope().getDeviceStatus().getState()).isEqualTo(DeviceState.DEVICE_STATE_DOWN);
        }
    }

    @Test
    void closingLeavesARetainedOfflineStatus() {
        String statusTopic = "scangate/v1/test-port/gateway/gw-test/status";
        publisher = new MqttPublisher(settings(broker.uri()), journal, registry);
        publisher.start();
        await().atMost(PATIENCE).until(publisher::connected);
        publisher.close();
        assertThat(publisher.connected()).isFalse();

        subscriber = CountingSubscriber.connect(broker.uri(), "backend-close", statusTopic);
        await().atMost(PATIENCE).until(() -> subscriber.onTopic(statusTopic).size() == 1);
        Envelope offline = subscriber.onTopic(statusTopic).get(0).envelope();
        assertThat(offline.getDeviceStatus().getState()).isEqualTo(DeviceState.DEVICE_STATE_DOWN);
        assertThat(offline.getDeviceStatus().getReason()).isEqualTo("gateway stopped");
        assertThat(registry.get("scangate.mqtt.connected").gauge().value()).isZero();
    }
}
