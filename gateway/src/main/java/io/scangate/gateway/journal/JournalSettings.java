package io.scangate.gateway.journal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Limits and group-commit policy of a {@link SegmentJournal}. Every limit is explicit; {@link #validate()}
 * explains what is wrong in "key: problem (fix)" form so that a configuration loader can show it as is.
 *
 * @param directory where the segment, ack and dead-letter files live (created if missing)
 * @param maxBytes disk quota over segments, ack files and the dead-letter file
 * @param maxEntries quota over entries still held in segment files (confirmed or not); it also bounds the
 *     in-memory index, which only holds unconfirmed entries
 * @param segmentBytes size at which the writer starts a new segment file; the unit of deletion
 * @param maxRecordBytes largest payload {@link Journal#append} accepts
 * @param commitInterval how long the writer lingers after the first waiting record to gather more into
 *     one fsync; zero means "commit as soon as the previous fsync is done" (batches still form while the
 *     disk is busy)
 * @param maxBatchBytes bytes of records written before one fsync at most
 * @param maxPendingBytes payload bytes waiting for the writer at most; beyond it appends fail fast
 *     with {@link JournalFullException} instead of filling the heap
 */
public record JournalSettings(
        Path directory,
        long maxBytes,
        long maxEntries,
        long segmentBytes,
        int maxRecordBytes,
        Duration commitInterval,
        int maxBatchBytes,
        long maxPendingBytes) {

    public static final long DEFAULT_MAX_BYTES = 1L << 30;
    public static final long DEFAULT_MAX_ENTRIES = 1_000_000;
    public static final long DEFAULT_SEGMENT_BYTES = 64L << 20;
    public static final int DEFAULT_MAX_RECORD_BYTES = 16 << 20;
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ZERO;
    public static final int DEFAULT_MAX_BATCH_BYTES = 4 << 20;
    public static final long DEFAULT_MAX_PENDING_BYTES = 32L << 20;

    /** Segment offsets are kept as ints in the index. */
    static final long SEGMENT_BYTES_LIMIT = 1L << 30;
    static final Duration COMMIT_INTERVAL_LIMIT = Duration.ofSeconds(1);

    /** The defaults: 1 GiB, 1,000,000 entries, 64 MiB segments, 16 MiB records, no linger. */
    public static JournalSettings defaults(Path directory) {
        return new JournalSettings(directory, DEFAULT_MAX_BYTES, DEFAULT_MAX_ENTRIES, DEFAULT_SEGMENT_BYTES,
                DEFAULT_MAX_RECORD_BYTES, DEFAULT_COMMIT_INTERVAL, DEFAULT_MAX_BATCH_BYTES,
                DEFAULT_MAX_PENDING_BYTES);
    }

    public JournalSettings withQuotas(long bytes, long entries) {
        return new JournalSettings(directory, bytes, entries, segmentBytes, maxRecordBytes, commitInterval,
                maxBatchBytes, maxPendingBytes);
    }

    public JournalSettings withSegmentBytes(long bytes) {
        return new JournalSettings(directory, maxBytes, maxEntries, bytes, maxRecordBytes, commitInterval,
                maxBatchBytes, maxPendingBytes);
    }

    public JournalSettings withMaxRecordBytes(int bytes) {
        return new JournalSettings(directory, maxBytes, maxEntries, segmentBytes, bytes, commitInterval,
                maxBatchBytes, maxPendingBytes);
    }

    public JournalSettings withCommitInterval(Duration interval) {
        return new JournalSettings(directory, maxBytes, maxEntries, segmentBytes, maxRecordBytes, interval,
                maxBatchBytes, maxPendingBytes);
    }

    /** Problems as "key: problem (fix)"; empty when the settings are usable. */
    public List<String> validate() {
        List<String> problems = new ArrayList<>();
        if (directory == null) {
            problems.add("directory: missing (set the journal directory, e.g. /var/lib/scangate/journal)");
        }
        if (maxRecordBytes < 1) {
            problems.add("maxRecordBytes: " + maxRecordBytes + " is not positive (use e.g. "
                    + DEFAULT_MAX_RECORD_BYTES + ")");
        }
        long smallestSegment = RecordFormat.SEGMENT_HEADER_BYTES + RecordFormat.RECORD_OVERHEAD
                + (long) Math.max(maxRecordBytes, 1);
        if (segmentBytes < smallestSegment || segmentBytes > SEGMENT_BYTES_LIMIT) {
            problems.add("segmentBytes: " + segmentBytes + " is outside " + smallestSegment + ".."
                    + SEGMENT_BYTES_LIMIT + " (a segment must hold the largest record; raise it or lower"
                    + " maxRecordBytes)");
        }
        if (maxBytes < 2 * segmentBytes) {
            problems.add("maxBytes: " + maxBytes + " is below two segments (" + 2 * segmentBytes
                    + ") (raise maxBytes or lower segmentBytes)");
        }
        if (maxEntries < 1) {
            problems.add("maxEntries: " + maxEntries + " is not positive (use e.g. " + DEFAULT_MAX_ENTRIES + ")");
        }
        if (commitInterval == null || commitInterval.isNegative()
                || commitInterval.compareTo(COMMIT_INTERVAL_LIMIT) > 0) {
            problems.add("commitInterval: " + commitInterval + " is outside 0..1s (use PT0S to commit as soon"
                    + " as the disk is free)");
        }
        if (maxBatchBytes < 4096) {
            problems.add("maxBatchBytes: " + maxBatchBytes + " is below 4096 (use e.g. " + DEFAULT_MAX_BATCH_BYTES
                    + ")");
        }
        if (maxPendingBytes < maxRecordBytes) {
            problems.add("maxPendingBytes: " + maxPendingBytes + " is below maxRecordBytes " + maxRecordBytes
                    + " (raise it so that one largest record can wait for the writer)");
        }
        return problems;
    }
}
