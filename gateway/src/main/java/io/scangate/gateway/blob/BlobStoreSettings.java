package io.scangate.gateway.blob;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a {@link FileBlobStore} keeps its files, how much disk it may use, how its blobs are cut into chunks
 * for delivery and how long a delivered blob is kept.
 *
 * @param directory root of the store (created if missing); committed blobs live under
 *     {@code sha256/}, blobs being written under {@code tmp/} on the same file system so that a commit is
 *     one atomic rename
 * @param maxBytes quota over committed blobs plus the bytes of blobs being written; a blob that would cross
 *     it is refused with {@link io.scangate.driver.BlobStoreFullException}
 * @param chunkSize bytes per delivery chunk (one MQTT message each); the per-chunk SHA-256s are computed while
 *     the blob streams in and kept in a sidecar file next to it
 * @param retention how long a blob stays after every chunk of it was acknowledged by the broker
 */
public record BlobStoreSettings(Path directory, long maxBytes, int chunkSize, Duration retention) {

    /** 10 GiB: some 400 of the largest container views (25 MB), a few hours of a busy scanner. */
    public static final long DEFAULT_MAX_BYTES = 10L << 30;
    /** Below this a single 16-bit container view would not fit. */
    public static final long MIN_MAX_BYTES = 1L << 20;
    /** 256 KiB: ~100 messages for a 25 MB view, far below every broker's default packet limit. */
    public static final int DEFAULT_CHUNK_SIZE = 256 << 10;
    public static final int MIN_CHUNK_SIZE = 4 << 10;
    /** Paho's and Mosquitto's packets may be larger, but a chunk this large already defeats the lanes. */
    public static final int MAX_CHUNK_SIZE = 16 << 20;
    /**
     * 10 minutes: long enough to look at what was just delivered, short enough that at 200 scans an hour of
     * two 25 MB views (~10 GB/h) delivered images do not crowd out new ones under the default quota.
     */
    public static final Duration DEFAULT_RETENTION = Duration.ofMinutes(10);

    public BlobStoreSettings(Path directory, long maxBytes) {
        this(directory, maxBytes, DEFAULT_CHUNK_SIZE, DEFAULT_RETENTION);
    }

    public static BlobStoreSettings defaults(Path directory) {
        return new BlobStoreSettings(directory, DEFAULT_MAX_BYTES);
    }

    public BlobStoreSettings withMaxBytes(long bytes) {
        return new BlobStoreSettings(directory, bytes, chunkSize, retention);
    }

    public BlobStoreSettings withChunkSize(int bytes) {
        return new BlobStoreSettings(directory, maxBytes, bytes, retention);
    }

    public BlobStoreSettings withRetention(Duration keep) {
        return new BlobStoreSettings(directory, maxBytes, chunkSize, keep);
    }

    /** Problems as "key: problem (fix)"; empty when the settings are usable. */
    public List<String> validate() {
        List<String> problems = new ArrayList<>();
        if (directory == null) {
            problems.add("directory: missing (set the blob store directory, e.g. /var/lib/scangate/blobs)");
        }
        if (maxBytes < MIN_MAX_BYTES) {
            problems.add("maxBytes: " + maxBytes + " is below " + MIN_MAX_BYTES + " (X-ray views are 8-25 MB;"
                    + " use e.g. " + DEFAULT_MAX_BYTES + ")");
        }
        if (chunkSize < MIN_CHUNK_SIZE || chunkSize > MAX_CHUNK_SIZE) {
            problems.add("chunkSize: " + chunkSize + " is outside " + MIN_CHUNK_SIZE + ".." + MAX_CHUNK_SIZE
                    + " (one chunk is one MQTT message; use e.g. 256KiB, below the broker's maximum packet size)");
        }
        if (retention == null || retention.isNegative()) {
            problems.add("retention: " + retention + " is negative or missing (use e.g. 10m; 0s deletes a blob as"
                    + " soon as all of it is delivered)");
        }
        return problems;
    }
}
