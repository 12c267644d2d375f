package io.scangate.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The ground truth of every simulated lane, TCP or serial: in memory for tests, and appended as JSON lines to a
 * file when one is given.
 */
public final class GroundTruthLog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroundTruthLog.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<OccupancyTruth> records = new ArrayList<>();
    private final BufferedWriter file;
    private final Path path;

    /** @param path the JSON-lines file, or null for memory only */
    public GroundTruthLog(Path path) {
        this.path = path;
        try {
            if (path != null && path.toAbsolutePath().getParent() != null) {
                Files.createDirectories(path.toAbsolutePath().getParent());
            }
            this.file = path == null ? null : Files.newBufferedWriter(path, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open ground-truth file " + path, e);
        }
    }

    public synchronized void add(OccupancyTruth truth) {
        records.add(truth);
        notifyAll();
        if (file == null) {
            return;
        }
        try {
            file.write(JSON.writeValueAsString(truth));
            file.write('\n');
            file.flush();
        } catch (IOException e) {
            log.warn("file={} reason=ground-truth-write-failed detail={}", path, e.toString());
        }
    }

    public synchronized List<OccupancyTruth> snapshot() {
        return List.copyOf(records);
    }

    public synchronized long count(String laneId) {
        return records.stream().filter(r -> r.lane().equals(laneId)).count();
    }

    /** Waits until {@code count} occupancies are recorded; false when the timeout passed first. */
    public synchronized boolean awaitCount(long count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (records.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    @Override
    public synchronized void close() {
        if (file == null) {
            return;
        }
        try {
            file.close();
        } catch (IOException e) {
            log.warn("file={} reason=ground-truth-close-failed detail={}", path, e.toString());
        }
    }
}
