package io.scangate.simulator.serial;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scangate.simulator.OccupancyTruth;
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

/** A serial lane's ground truth: in memory, and as JSON lines (the format of the TCP lanes' file) when a file is given. */
final class TruthRecord implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TruthRecord.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<OccupancyTruth> records = new ArrayList<>();
    private final Path path;
    private final BufferedWriter file;

    TruthRecord(Path path) {
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

    synchronized void add(OccupancyTruth truth) {
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

    synchronized List<OccupancyTruth> snapshot() {
        return List.copyOf(records);
    }

    synchronized boolean awaitCount(long count, Duration timeout) throws InterruptedException {
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
