package io.scangate.gateway.blob;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the blob store's disk back: a blob whose every chunk was acknowledged gets a delivery marker
 * ({@code meta/ab/cdef....delivered}, its modification time is when), and is deleted once the retention has passed.
 * At start-up it also deletes what a crash left behind: blobs no unconfirmed journal entry refers to and
 * that carry no marker (the scanner was never told they were stored), and sidecars or markers without a
 * blob. Blocking I/O: run it on the blob I/O executor, never on an event loop.
 */
public final class BlobJanitor {

    private static final Logger log = LoggerFactory.getLogger(BlobJanitor.class);
    static final String MARKER_SUFFIX = ".delivered";

    /** What a sweep did. */
    public record Sweep(int deleted, long freedBytes, int orphansRemoved, int kept) {
    }

    private final FileBlobStore store;
    private final BlobReferences references;
    private final Clock clock;

    public BlobJanitor(FileBlobStore store, BlobReferences references, Clock clock) {
        this.store = store;
        this.references = references;
        this.clock = clock;
    }

    static Path markerOf(Path blob) {
        return FileBlobStore.metaOf(blob, MARKER_SUFFIX);
    }

    /** Every chunk of the blob was acknowledged now: its retention starts. */
    public void delivered(String sha256) {
        Path blob = store.address(sha256);
        if (!Files.isRegularFile(blob) || references.inUse(sha256)) {
            return;
        }
        Path marker = markerOf(blob);
        try {
            if (!Files.exists(marker)) {
                Files.createDirectories(marker.getParent());
                Files.createFile(marker);
            }
            Files.setLastModifiedTime(marker, FileTime.from(clock.instant()));
            log.debug("blob={} event=delivered retention={}", sha256, store.settings().retention());
        } catch (IOException e) {
            log.warn("blob={} reason=delivery_marker_failed detail=\"{}\" (the start-up sweep deletes it)", sha256, e.toString());
        }
    }

    /** The periodic pass: deletes delivered blobs older than the retention that nothing uses again. */
    public Sweep sweep() throws IOException {
        return run(false);
    }

    /** The start-up pass, after the journal's unconfirmed entries were counted into the references. */
    public Sweep sweepAtStart() throws IOException {
        Sweep sweep = run(true);
        log.info("blob_store=start_sweep deleted={} freed_bytes={} orphans_removed={} kept={} in_use={}",
                sweep.deleted(), sweep.freedBytes(), sweep.orphansRemoved(), sweep.kept(), references.blobsInUse());
        return sweep;
    }

    private Sweep run(boolean atStart) throws IOException {
        Instant expiredBefore = clock.instant().minus(store.settings().retention());
        int deleted = 0;
        int orphans = 0;
        int kept = 0;
        long freed = 0;
        if (atStart) {
            for (Path file : files(store.metaRoot())) {
                if (!Files.exists(FileBlobStore.blobOfMeta(file)) && Files.deleteIfExists(file)) {
                    orphans++;
                }
            }
        }
        for (Path file : files(store.blobRoot())) {
            if (!FileBlobStore.isBlobFile(file)) {
                continue;
            }
            String sha256 = FileBlobStore.sha256Of(file);
            if (sha256 == null) {
                log.warn("blob_store=sweep file={} reason=not_a_blob_name action=left_alone", file);
                continue;
            }
            if (references.inUse(sha256)) {
                if (atStart) {
                    Files.deleteIfExists(markerOf(file));
                }
                kept++;
                continue;
            }
            Instant deliveredAt = deliveredAt(file);
            boolean expired = deliveredAt == null ? atStart : deliveredAt.isBefore(expiredBefore)
                    || deliveredAt.equals(expiredBefore);
            if (!expired) {
                kept++;
                continue;
            }
            long size = sizeOf(file);
            if (deleteUnlessStoredAgain(sha256, file, deliveredAt)) {
                deleted++;
                freed += size;
                log.info("blob={} event=deleted bytes={} reason={}", sha256, size,
                        deliveredAt == null ? "unreferenced_at_start" : "delivered_and_retention_passed");
            }
        }
        return new Sweep(deleted, freed, orphans, kept);
    }

    /** Under the store's lock, so that a commit of the same content in between keeps its blob. */
    private boolean deleteUnlessStoredAgain(String sha256, Path file, Instant deliveredAt) throws IOException {
        synchronized (store) {
            if (deliveredAt != null && !deliveredAt.equals(deliveredAt(file))) {
                return false;
            }
            return store.delete(sha256);
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root, 2)) {
            return new ArrayList<>(walk.filter(Files::isRegularFile).toList());
        }
    }

    private static Instant deliveredAt(Path blob) throws IOException {
        try {
            return Files.getLastModifiedTime(markerOf(blob)).toInstant();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
