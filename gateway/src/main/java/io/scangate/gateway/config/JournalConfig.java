package io.scangate.gateway.config;

/**
 * {@code journal:} where results wait, durably, until the broker has them.
 *
 * @param directory where segment files live; on a disk that survives reboots
 * @param maxBytes quota on disk; confirmed entries are purged first, then appends are refused
 * @param maxEntries quota in entries
 * @param segmentSize size at which a new segment file is started
 * @param maxRecordSize the largest single record accepted
 * @param highWater fraction of a quota at which the gateway stops reading from devices
 * @param lowWater fraction below which reading resumes
 */
public record JournalConfig(
        String directory,
        DataSize maxBytes,
        Long maxEntries,
        DataSize segmentSize,
        DataSize maxRecordSize,
        Double highWater,
        Double lowWater) {

    public JournalConfig {
        directory = directory == null ? "var/journal" : directory;
        maxBytes = maxBytes == null ? DataSize.parse("1GiB") : maxBytes;
        maxEntries = maxEntries == null ? 1_000_000L : maxEntries;
        segmentSize = segmentSize == null ? DataSize.parse("64MiB") : segmentSize;
        maxRecordSize = maxRecordSize == null ? DataSize.parse("16MiB") : maxRecordSize;
        highWater = highWater == null ? 0.9 : highWater;
        lowWater = lowWater == null ? 0.7 : lowWater;
    }

    static JournalConfig defaults() {
        return new JournalConfig(null, null, null, null, null, null, null);
    }
}
