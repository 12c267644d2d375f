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
import io.scangate.proto.v1.RawRecord;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A real Mosquitto with {@code max_packet_size}: the limit is on the whole PUBLISH packet (topic and MQTT 5
 * properties included), and Mosquitto disconnects a client that sends more. A message exactly at the limit
 * is delivered; one over is dead-lettered before it is sent, and the lane moves on. Mosquitto 2.0 itself
 * counts a packet two bytes short here (remaining length plus one, without the bytes that encode the
 * length), so only a packet three bytes over makes it cut the connection: that is the one that would
 * block the lane if the publisher counted the payload alone.
 */
class MaximumPacketSizeTest {

    private static final int LIMIT = 1_000;
    private static final String TOPIC = "scangate/v1/test-port/lane1/lane1-rpm/raw";

    private final MemoryJournal journal = new MemoryJournal();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private MosquittoBroker broker;
    private MqttPublisher publisher;
    private CountingSubscriber subscriber;

    @AfterEach
    void stopAll() {
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
    void packetsOverTheBrokersLimitAreDeadLetteredAndOneExactlyAtItIsDelivered() throws Exception {
        broker = MosquittoBroker.start();
        broker.maxPacketSizeFromNextStart(LIMIT);
        broker.restart();
        subscriber = CountingSubscriber.connect(broker.uri(), "packet-size-back-end", "scangate/v1/#");
        Envelope atLimit = rawOfPacketBytes(LIMIT);
        Envelope oneOver = rawOfPacketBytes(LIMIT + 1);
        Envelope threeOver = atLimit.toBuilder().setEventId(atLimit.getEventId().replace('-', '=')).setRawRecord(
                atLimit.getRawRecord().toBuilder().setReason(atLimit.getRawRecord().getReason() + "xxx")).build();
        Envelope small = Envelopes.raw("lane1", "lane1-rpm");
        long threeOverId = journal.add(Lane.RESULT, threeOver.toByteArray());
        long oneOverId = journal.add(Lane.RESULT, oneOver.toByteArray());
        journal.add(Lane.RESULT, atLimit.toByteArray());
        journal.add(Lane.RESULT, small.toByteArray());

        publisher = new MqttPublisher(MqttPublisherTest.settings(broker.uri()), journal, registry);
        publisher.start();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> subscriber.eventIds().containsAll(List.of(atLimit.getEventId(), small.getEventId())));
        assertThat(subscriber.eventIds()).doesNotContain(oneOver.getEventId(), threeOver.getEventId());
        assertThat(journal.deadLetters()).containsOnlyKeys(oneOverId, threeOverId);
        assertThat(journal.deadLetters().get(oneOverId)).contains("a PUBLISH packet of " + (LIMIT + 1) + " bytes",
                "exceeds the broker's maximum packet size " + LIMIT);
        assertThat(journal.deadLetters().get(threeOverId)).contains("a PUBLISH packet of " + (LIMIT + 3) + " bytes");
        assertThat(registry.get("scangate.publish.failed").counter().count()).as("publishes the broker cut off").isZero();
        assertThat(broker.log()).doesNotContain("disconnected");
    }

    /** A raw record padded until its PUBLISH packet has exactly {@code bytes} bytes. */
    private static Envelope rawOfPacketBytes(int bytes) throws Exception {
        Envelope base = Envelopes.raw("lane1", "lane1-rpm");
        for (int padding = 0; padding < bytes; padding++) {
            Envelope candidate = base.toBuilder().setRawRecord(RawRecord.newBuilder().setTag("NX")
                    .setReason("x".repeat(padding))).build();
            long packet = MessageFactory.publishPacketBytes(EnvelopeHeader.read(candidate.toByteArray()), TOPIC,
                    candidate.getSerializedSize());
            if (packet == bytes) {
                return candidate;
            }
        }
        throw new AssertionError("no padding makes a packet of exactly " + bytes + " bytes");
    }
}
