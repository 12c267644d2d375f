package io.scangate.bench;

import io.scangate.gateway.journal.JournalEntry;
import io.scangate.gateway.journal.JournalSettings;
import io.scangate.gateway.journal.Lane;
import io.scangate.gateway.journal.SegmentJournal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The journal's append path, durable: each thread keeps {@code window} appends outstanding and one
 * operation is one 200-byte append whose future (completed only after the group's fsync) it waits for
 * {@code window} appends later. Four threads stand for the gateway's event loops. A consumer thread takes
 * and confirms, as the publisher does, so the journal stays under its quotas. Default settings, the
 * temporary directory's disk.
 *
 * <pre>./bench/run journal</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx256m"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 4)
@Threads(4)
public class JournalAppendBenchmark {

    private static final int RECORD_BYTES = 200;

    /** Appends each thread keeps outstanding: 1 waits for every fsync; 64 pipelines like an event loop. */
    @Param({"1", "64"})
    public int window;

    private final byte[] payload = new byte[RECORD_BYTES];
    private Path directory;
    private SegmentJournal journal;
    private Thread consumer;
    private volatile boolean running;

    /** One appender's outstanding appends. */
    @State(Scope.Thread)
    public static class Outstanding {
        final ArrayDeque<CompletableFuture<Long>> appends = new ArrayDeque<>();

        @TearDown(Level.Iteration)
        public void drain() {
            while (!appends.isEmpty()) {
                appends.poll().join();
            }
        }
    }

    @Setup(Level.Trial)
    public void open() throws IOException {
        directory = Files.createTempDirectory("scangate-jmh-journal-");
        journal = SegmentJournal.open(JournalSettings.defaults(directory), null);
        Semaphore available = new Semaphore(0);
        journal.onAvailable(available::release);
        running = true;
        consumer = new Thread(() -> confirmAll(available), "confirming-consumer");
        consumer.start();
    }

    @Benchmark
    public long append(Outstanding outstanding) {
        outstanding.appends.add(journal.append(Lane.RESULT, payload));
        return outstanding.appends.size() >= window ? outstanding.appends.poll().join() : 0;
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        running = false;
        consumer.join();
        journal.close();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private void confirmAll(Semaphore available) {
        while (running) {
            try {
                available.tryAcquire(10, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            for (JournalEntry entry : journal.take(4096)) {
                journal.confirm(entry.id());
            }
        }
    }
}
