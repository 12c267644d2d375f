package io.scangate.gateway.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scangate.gateway.journal.Lane;
import io.scangate.gateway.testing.Envelopes;
import io.scangate.gateway.testing.MemoryJournal;
import io.scangate.proto.v1.Envelope;
import io.scangate.proto.v1.ImageChunk;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How the publisher treats chunk references: bytes from the chunk source, a broker packet limit below a
 * chunk named at connect, and chunks that cannot be sent dead-lettered with their reason and settled.
 */
class ChunkPublishingSeamTest {

    private static final String IMAGE = "cd".repeat(32);

    private final MemoryJournal journal = new MemoryJournal();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RecordingSource source = new RecordingSource();
    private MqttPublisher publisher;

    @AfterEach
    void close() {
        if (publisher != null) {
            publisher.close();
        }
    }

    @Test
    void chunksLargerThanTheBrokerAllowsAreDeadLetteredWithTheFixAndTheLimitIsCheckedAtConnect() {
        FakePaho paho = new FakePaho(10, 100_000);
        long small = journal.add(Lane.BULK, chunk(0).toByteArray());
        source.sizes.add(50_000);
        long large = journal.add(Lane.BULK, chunk(1).toByteArray());
        source.sizes.add(200_000);

        start(paho);
        await().atMost(Duration.ofSeconds(10)).until(() -> paho.published.size() == 1 && journal.deadLetters().size() == 1);

        assertThat(source.checkedLimits).containsExactly(100_000L);
        assertThat(journal.deadLetters()).containsOnlyKeys(large);
        assertThat(journal.deadLetters().get(large)).contains(IMAGE + "#1").contains("maximum packet size 100000")
                .contains("lower blobs.chunkSize");
        assertThat(source.settled).containsExactly(IMAGE);
        assertThat(paho.published.get(0).message().getPayload()).hasSize(50_000);
        paho.acknowledgeOldest(0);
        await().atMost(Duration.ofSeconds(10)).until(() -> journal.confirmedIds().contains(small));
        assertThat(source.settled).containsExactly(IMAGE, IMAGE);
    }

    @Test
    void anUnavailableChunkIsDeadLetteredWithTheSourcesReason() {
        FakePaho paho = new FakePaho(10);
        long id = journal.add(Lane.BULK, chunk(0).toByteArray());
        source.sizes.add(UNAVAILABLE);

        start(paho);
        await().atMost(Duration.ofSeconds(10)).until(() -> journal.deadLetters().size() == 1);

        assertThat(journal.deadLetters().get(id)).contains("blob is gone");
        assertThat(source.settled).containsExactly(IMAGE);
        assertThat(paho.published).isEmpty();
    }

    @Test
    void aChunkThatCannotBeReadForAMomentIsRetriedAndSent() {
        FakePaho paho = new FakePaho(10);
        long id = journal.add(Lane.BULK, chunk(0).toByteArray());
        source.sizes.add(TRANSIENT);
        source.transientFailuresLeft.set(2);

        start(paho);
        await().atMost(Duration.ofSeconds(10)).until(() -> paho.published.size() == 1);

        assertThat(source.reads).hasValue(3);
        assertThat(journal.deadLetters()).isEmpty();
        paho.acknowledgeOldest(0);
        await().atMost(Duration.ofSeconds(10)).until(() -> journal.confirmedIds().contains(id));
    }

    @Test
    void aChunkThatStaysUnreadableIsDeadLetteredAfterBoundedAttempts() {
        FakePaho paho = new FakePaho(10);
        long id = journal.add(Lane.BULK, chunk(0).toByteArray());
        source.sizes.add(TRANSIENT);
        source.transientFailuresLeft.set(Integer.MAX_VALUE);

        start(paho);
        await().atMost(Duration.ofSeconds(10)).until(() -> journal.deadLetters().size() == 1);

        assertThat(source.reads).hasValue(PublishableEntries.CHUNK_READ_ATTEMPTS);
        assertThat(journal.deadLetters().get(id)).contains("too many open files")
                .contains("(" + PublishableEntries.CHUNK_READ_ATTEMPTS + " attempts)");
        assertThat(source.settled).containsExactly(IMAGE);
        assertThat(paho.published).isEmpty();
    }

    private void start(FakePaho paho) {
        MqttSettings settings = MqttSettings.of("tcp://127.0.0.1:1", Envelopes.SITE, Envelopes.GATEWAY)
                .withReconnect(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofSeconds(1));
        publisher = new MqttPublisher(settings, journal, registry, paho, bound -> 0, source);
        publisher.start();
    }

    private static Envelope chunk(int index) {
        return Envelopes.stamped("lane-1", "xray-1").setImageChunk(ImageChunk.newBuilder().setImageSha256(IMAGE)
                .setIndex(index).setSha256("0".repeat(64))).build();
    }

    private static final int UNAVAILABLE = -1;
    private static final int TRANSIENT = -2;

    /**
     * Hands out payloads of the queued sizes ({@link #UNAVAILABLE}; {@link #TRANSIENT}: failing while
     * failures are left, then 1000 bytes) and records what the publisher tells it.
     */
    private static final class RecordingSource implements ChunkSource {
        final List<Integer> sizes = new CopyOnWriteArrayList<>();
        final AtomicInteger transientFailuresLeft = new AtomicInteger();
        final AtomicInteger reads = new AtomicInteger();
        final List<String> settled = new CopyOnWriteArrayList<>();
        final List<Long> checkedLimits = new CopyOnWriteArrayList<>();

        @Override
        public byte[] payload(Envelope chunk) throws UnavailableException, TransientException {
            reads.incrementAndGet();
            int size = sizes.get(chunk.getImageChunk().getIndex());
            if (size == UNAVAILABLE) {
                throw new UnavailableException("blob is gone");
            }
            if (size == TRANSIENT) {
                if (transientFailuresLeft.getAndDecrement() > 0) {
                    throw new TransientException("blob unreadable now: too many open files");
                }
                return new byte[1000];
            }
            return new byte[size];
        }

        @Override
        public void settled(String imageSha256) {
            settled.add(imageSha256);
        }

        @Override
        public String checkMaxPacketSize(long maxPacketSize) {
            checkedLimits.add(maxPacketSize);
            return "too small";
        }
    }
}
