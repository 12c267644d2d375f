package io.scangate.gateway.journal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Not a test: measures durable appends per second on this machine's disk. N appender threads each keep
 * {@code window} appends outstanding (1 = wait for each, as a strictly sequential caller; more = an event
 * loop that keeps reading while earlier records are being committed); one consumer takes and confirms, as
 * the publisher would, so that the journal stays under its quotas.
 *
 * <pre>
 * java -cp gateway/target/test-classes:gateway/target/classes:$(cat /tmp/cp.txt) \
 *     io.scangate.gateway.journal.JournalThroughputHarness [appenders=4] [seconds=20] [window=1] [bytes=200] [dir]
 * </pre>
 */
public final class JournalThroughputHarness {

    private JournalThroughputHarness() {
    }

    public static void main(String[] args) throws Exception {
        int appenders = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int window = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int recordBytes = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        Path dir = args.length > 4 ? Path.of(args[4]) : Files.createTempDirectory("journal-harness");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong durable = new AtomicLong();
        AtomicLong latencyNanos = new AtomicLong();
        AtomicLong confirmed = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long started;
        try (SegmentJournal journal = SegmentJournal.open(JournalSettings.defaults(dir), registry)) {
            Semaphore available = new Semaphore(0);
            journal.onAvailable(available::release);
            for (int a = 0; a < appenders; a++) {
                threads.add(new Thread(() -> appendLoop(journal, window, recordBytes, running, durable, latencyNanos),
                        "appender-" + a));
            }
            threads.add(new Thread(() -> consumeLoop(journal, available, running, confirmed), "consumer"));
            started = System.nanoTime();
            threads.forEach(Thread::start);
            Thread.sleep(Duration.ofSeconds(seconds).toMillis());
            running.set(false);
            for (Thread thread : threads) {
                thread.join();
            }
            double elapsed = (System.nanoTime() - started) / 1e9;
            double commits = registry.get("scangate.journal.commit").timer().count();
            System.out.printf("appenders=%d window=%d recordBytes=%d seconds=%.1f dir=%s%n", appenders, window,
                    recordBytes, elapsed, dir);
            System.out.printf("durable appends/s=%.0f confirms/s=%.0f fsync groups/s=%.0f records/group=%.1f"
                    + " mean commit=%.2f ms max commit=%.2f ms mean append latency=%.2f ms%n",
                    durable.get() / elapsed, confirmed.get() / elapsed, commits / elapsed,
                    registry.get("scangate.journal.commit.records").summary().mean(),
                    registry.get("scangate.journal.commit").timer().mean(TimeUnit.MILLISECONDS),
                    registry.get("scangate.journal.commit").timer().max(TimeUnit.MILLISECONDS),
                    latencyNanos.get() / 1e6 / Math.max(1, durable.get()));
            System.out.println("stats at end: " + journal.stats());
        } finally {
            if (args.length <= 4) {
                deleteRecursively(dir);
            }
        }
    }

    private static void appendLoop(Journal journal, int window, int recordBytes, AtomicBoolean running,
            AtomicLong durable, AtomicLong latencyNanos) {
        byte[] payload = new byte[recordBytes];
        Semaphore slots = new Semaphore(window);
        while (running.get()) {
            slots.acquireUninterruptibly();
            long sent = System.nanoTime();
            CompletableFuture<Long> future = journal.append(Lane.TELEMETRY, payload);
            future.whenComplete((id, failure) -> {
                if (failure == null) {
                    durable.incrementAndGet();
                    latencyNanos.addAndGet(System.nanoTime() - sent);
                } else {
                    System.err.println("append failed: " + failure);
                }
                slots.release();
            });
        }
        slots.acquireUninterruptibly(window);
    }

    private static void consumeLoop(Journal journal, Semaphore available, AtomicBoolean running,
            AtomicLong confirmed) {
        while (running.get()) {
            List<JournalEntry> batch = journal.take(1000);
            if (batch.isEmpty()) {
                try {
                    available.tryAcquire(10, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                }
                continue;
            }
            for (JournalEntry entry : batch) {
                journal.confirm(entry.id());
            }
            confirmed.addAndGet(batch.size());
        }
    }

    private static void deleteRecursively(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
