package io.scangate.gateway.config;

import io.scangate.gateway.journal.JournalSettings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code journal:} where results wait, durably, until the broker has them. Keys are those of
 * {@link JournalSettings} (whose defaults apply to what is left out) plus the back-pressure marks.
 *
 * @param highWater fraction of a quota at which the gateway stops reading from devices
 * @param lowWater fraction below which reading resumes
 */
public record JournalConfig(
        String directory,
        DataSize maxBytes,
        Long maxEntries,
        DataSize segmentBytes,
        DataSize maxRecordBytes,
        Duration commitInterval,
        DataSize maxBatchBytes,
        DataSize maxPendingBytes,
        Double highWater,
        Double lowWater) {

    public JournalConfig {
        directory = directory == null ? "var/journal" : directory;
        highWater = highWater == null ? 0.9 : highWater;
        lowWater = lowWater == null ? 0.7 : lowWater;
    }

    static JournalConfig defaults() {
        return new JournalConfig(null, null, null, null, null, null, null, null, null, null);
    }

    public JournalSettings toSettings() {
        return new JournalSettings(
                Path.of(directory),
                bytes(maxBytes, JournalSettings.DEFAULT_MAX_BYTES),
                maxEntries == null ? JournalSettings.DEFAULT_MAX_ENTRIES : maxEntries,
                bytes(segmentBytes, JournalSettings.DEFAULT_SEGMENT_BYTES),
                (int) Math.min(Integer.MAX_VALUE, bytes(maxRecordBytes, JournalSettings.DEFAULT_MAX_RECORD_BYTES)),
                commitInterval == null ? JournalSettings.DEFAULT_COMMIT_INTERVAL : commitInterval,
                (int) Math.min(Integer.MAX_VALUE, bytes(maxBatchBytes, JournalSettings.DEFAULT_MAX_BATCH_BYTES)),
                bytes(maxPendingBytes, JournalSettings.DEFAULT_MAX_PENDING_BYTES));
    }

    private static long bytes(DataSize size, long fallback) {
        return size == null ? fallback : size.bytes();
    }
}
