package io.scangate.gateway.journal;

import static io.scangate.gateway.journal.JournalFixture.payload;
import static io.scangate.gateway.journal.JournalFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentJournalConcurrencyTest {

    private static final int APPENDERS = 4;
    private static final int PER_APPENDER = 2_000;
    private static final int TOTAL = APPENDERS * PER_APPENDER;

    @TempDir
    Path dir;

    @Test
    void concurrentAppendersAndAConcurrentConsumerSeeEveryIdExactlyOnce() throws Exception {
        JournalSettings settings = JournalSettings.defaults(dir).withMaxRecordBytes(1024).withSegmentBytes(64 << 10);
        ExecutorService pool = Executors.newFixedThreadPool(APPENDERS + 1);
        try (SegmentJournal journal = SegmentJournal.open(settings, null)) {
            Semaphore available = new Semaphore(0);
            journal.onAvailable(available::release);
            CountDownLatch start = new CountDownLatch(1);
            Map<Long, String> appended = new ConcurrentHashMap<>();
            List<Future<?>> appenders = new ArrayList<>();
            for (int a = 0; a < APPENDERS; a++) {
                int appender = a;
                appenders.add(pool.submit(() -> {
                    start.await();
                    List<CompletableFuture<Long>> futures = new ArrayList<>();
                    for (int i = 0; i < PER_APPENDER; i++) {
                        Lane lane = Lane.values()[(appender + i) % Lane.values().length];
                        futures.add(journal.append(lane, payload(appender + ":" + i)));
                    }
                    for (int i = 0; i < PER_APPENDER; i++) {
                        String previous = appended.put(futures.get(i).get(30, TimeUnit.SECONDS), appender + ":" + i);
                        assertThat(previous).as("id handed out twice").isNull();
                    }
                    return null;
                }));
            }
            Future<List<JournalEntry>> consumer = pool.submit(() -> {
                List<JournalEntry> seen = new ArrayList<>();
                while (seen.size() < TOTAL) {
                    List<JournalEntry> batch = journal.take(100);
                    if (batch.isEmpty()) {
                        assertThat(available.tryAcquire(30, TimeUnit.SECONDS)).as("journal went quiet").isTrue();
                        continue;
                    }
                    for (JournalEntry entry : batch) {
                        seen.add(entry);
                        journal.confirm(entry.id());
                    }
                }
                return seen;
            });

            start.countDown();
            for (Future<?> appender : appenders) {
                appender.get(60, TimeUnit.SECONDS);
            }
            List<JournalEntry> seen = consumer.get(60, TimeUnit.SECONDS);

            assertThat(appended).hasSize(TOTAL);
            Set<Long> seenIds = new HashSet<>();
            Map<Lane, Long> lastPerLane = new EnumMap<>(Lane.class);
            for (JournalEntry entry : seen) {
                assertThat(seenIds.add(entry.id())).as("id %d taken twice", entry.id()).isTrue();
                assertThat(text(entry)).isEqualTo(appended.get(entry.id()));
                Long last = lastPerLane.put(entry.lane(), entry.id());
                assertThat(last == null || last < entry.id()).as("append order within lane %s", entry.lane())
                        .isTrue();
            }
            assertThat(seenIds).isEqualTo(appended.keySet());
            assertThat(journal.take(10)).isEmpty();
            assertThat(journal.stats().unconfirmed()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }
}
