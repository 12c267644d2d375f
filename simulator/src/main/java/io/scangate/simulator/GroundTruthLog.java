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
import java.util.ArrayList;
import java.util.List;

/** The ground truth: in memory for tests, and appended as JSON lines to a file when one is given. */
final class GroundTruthLog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroundTruthLog.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<OccupancyTruth> records = new ArrayList<>();
    private final BufferedWriter file;
    private final Path path;

    GroundTruthLog(Path path) {
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

    synchronized long count(String laneId) {
        return records.stream().filter(r -> r.lane().equals(laneId)).count();
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
