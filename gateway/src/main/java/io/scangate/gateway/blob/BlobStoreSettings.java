package io.scangate.gateway.blob;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a {@link FileBlobStore} keeps its files and how much disk it may use.
 *
 * @param directory root of the store (created if missing); committed blobs live under
 *     {@code sha256/}, blobs being written under {@code tmp/} on the same file system so that a commit is
 *     one atomic rename
 * @param maxBytes quota over committed blobs plus the bytes of blobs being written; a blob that would cross
 *     it is refused with {@link io.scangate.driver.BlobStoreFullException}
 */
public record BlobStoreSettings(Path directory, long maxBytes) {

    /** 10 GiB: some 400 of the largest container views (25 MB), a few hours of a busy scanner. */
    public static final long DEFAULT_MAX_BYTES = 10L << 30;
    /** Below this a single 16-bit container view would not fit. */
    public static final long MIN_MAX_BYTES = 1L << 20;

    public static BlobStoreSettings defaults(Path directory) {
        return new BlobStoreSettings(directory, DEFAULT_MAX_BYTES);
    }

    public BlobStoreSettings withMaxBytes(long bytes) {
        return new BlobStoreSettings(directory, bytes);
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
        return problems;
    }
}
