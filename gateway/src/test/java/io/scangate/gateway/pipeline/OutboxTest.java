package io.scangate.gateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.InvalidProtocolBufferException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import io.scangate.gateway.journal.JournalEntry;
import io.scangate.gateway.journal.JournalFullException;
import io.scangate.gateway.journal.Lane;
import io.scangate.gateway.metrics.GatewayMetrics;
import io.scangate.gateway.testing.MemoryJournal;
import io.scangate.proto.v1.DeviceRef;
import io.scangate.proto.v1.Envelope;
import io.scangate.proto.v1.RawRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutboxTest {

    private final EventLoop loop = new DefaultEventLoop();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @AfterEach
    void stopLoop() {
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void refusedAppendsAreRetriedInTheDevicesOrderAndNothingIsLost() {
        RefusingJournal journal = new RefusingJournal(3);
        AtomicInteger fullSignals = new AtomicInteger();
        EventPipeline pipeline = new EventPipeline("gw", 1, journal, new GatewayMetrics(registry),
                fullSignals::incrementAndGet, Duration.ofMillis(20));
        Outbox outbox = pipeline.outbox("rpm-1", loop);

        loop.execute(() -> {
            for (int i = 0; i < 10; i++) {
                outbox.submit(pipeline.stamp(raw("line-" + i), DeviceRef.newBuilder().setDeviceId("rpm-1").build(), Instant.now()));
            }
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> journal.unconfirmed() == 10);
        List<Envelope> journalled = journal.take(100).stream().map(OutboxTest::envelope).toList();
        assertThat(journalled).extracting(e -> e.getRawRecord().getTag()).as("each exactly once")
                .containsExactlyInAnyOrder("line-0", "line-1", "line-2", "line-3", "line-4", "line-5", "line-6",
                        "line-7", "line-8", "line-9");
        assertThat(journalled.stream().sorted(Comparator.comparingLong(Envelope::getSequence))
                .map(e -> e.getRawRecord().getTag()).toList())
                .as("the sequence keeps the device's order even where the journal's order differs")
                .containsExactly("line-0", "line-1", "line-2", "line-3", "line-4", "line-5", "line-6", "line-7",
                        "line-8", "line-9");
        assertThat(journalled).extracting(e -> e.getRawRecord().getTag()).as("retries keep their own order")
                .containsSubsequence("line-0", "line-1", "line-2");
        assertThat(fullSignals.get()).as("each refusal pauses the devices").isGreaterThanOrEqualTo(1);
        assertThat(registry.get("scangate.events.append.retried").tag("reason", "journal_full").counter().count())
                .isEqualTo(3);
        assertThat(loop.submit(outbox::pending).syncUninterruptibly().getNow()).isZero();
    }

    private static Envelope.Builder raw(String tag) {
        return Envelope.newBuilder().setRawRecord(RawRecord.newBuilder().setTag(tag));
    }

    private static Envelope envelope(JournalEntry entry) {
        try {
            return Envelope.parseFrom(entry.payload());
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    /** A journal that is full for its first {@code refusals} appends, as after a burst during an outage. */
    private static final class RefusingJournal extends ForwardingJournal {
        private final AtomicInteger refusals;

        RefusingJournal(int refusals) {
            super(new MemoryJournal());
            this.refusals = new AtomicInteger(refusals);
        }

        @Override
        public CompletableFuture<Long> append(Lane lane, byte[] payload) {
            if (refusals.getAndDecrement() > 0) {
                return CompletableFuture.failedFuture(new JournalFullException("quota reached"));
            }
            return super.append(lane, payload);
        }
    }
}
