package io.scangate.gateway.blob;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How many unsettled journal entries (image chunks stored or in flight) refer to each blob. When the last
 * one settles (confirmed or dead-lettered) the blob is no longer needed for delivery: {@code onDelivered}
 * is told, and the blob's retention starts. Built again at start-up from the journal's unconfirmed
 * entries. Thread-safe.
 */
public final class BlobReferences {

    private final Map<String, Integer> unsettled = new HashMap<>();
    private volatile Consumer<String> onDelivered = sha256 -> { };

    /** Called, outside this object's lock, with the SHA-256 of a blob whose last reference settled. */
    public void onDelivered(Consumer<String> listener) {
        this.onDelivered = listener;
    }

    /** {@code count} more entries refer to the blob. */
    public synchronized void add(String sha256, int count) {
        if (count > 0) {
            unsettled.merge(sha256, count, Integer::sum);
        }
    }

    /** One entry referring to the blob was confirmed or dead-lettered. Unknown blobs are ignored. */
    public void settled(String sha256) {
        synchronized (this) {
            Integer left = unsettled.get(sha256);
            if (left == null) {
                return;
            }
            if (left > 1) {
                unsettled.put(sha256, left - 1);
                return;
            }
            unsettled.remove(sha256);
        }
        onDelivered.accept(sha256);
    }

    public synchronized boolean inUse(String sha256) {
        return unsettled.containsKey(sha256);
    }

    /** Entries still referring to the blob. */
    public synchronized int unsettled(String sha256) {
        return unsettled.getOrDefault(sha256, 0);
    }

    public synchronized int blobsInUse() {
        return unsettled.size();
    }
}
