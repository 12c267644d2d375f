package io.scangate.gateway.blob;

import io.scangate.driver.BlobStore;
import io.scangate.driver.BlobStoreFullException;
import io.scangate.driver.BlobWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A content-addressed {@link BlobStore} on a local disk. A committed blob lives at
 * {@code <directory>/sha256/ab/cdef...} (the first two hex digits of its SHA-256 name a sub-directory, the
 * other 62 the file), so a blob's name proves its content and storing the same bytes twice keeps one file.
 *
 * <p>A blob is written to {@code <directory>/tmp/} while it is hashed; {@link BlobWriter#commit()} forces
 * the file, renames it atomically to its address and forces the directory, on the I/O executor given to
 * {@link #open}, so that a crash leaves either the whole blob or none. Temporary files left by a crash are
 * removed when the store opens. {@link BlobWriter#write} runs on the caller's thread (a device's event
 * loop): it only copies into the page cache, the blocking fsync is the commit's.
 *
 * <p>Quota: {@link BlobStoreSettings#maxBytes()} bounds committed blobs plus the bytes of blobs being
 * written. {@link #create} refuses a blob whose expected size does not fit, or any blob when the store
 * or the file system is full; {@link BlobWriter#write} refuses bytes that would cross the quota. Both
 * refusals are {@link BlobStoreFullException}. {@link #delete} gives space back. Thread-safe.
 */
public final class FileBlobStore implements BlobStore {

    private static final Logger log = LoggerFactory.getLogger(FileBlobStore.class);
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    static final String BLOBS = "sha256";
    static final String TEMP = "tmp";
    /** Chunk sidecars and delivery markers, mirroring {@code sha256/}, which holds nothing but blobs. */
    static final String META = "meta";

    private final BlobStoreSettings settings;
    private final Path blobRoot;
    private final Path tempRoot;
    private final Executor ioExecutor;
    /** Committed blobs plus bytes written to blobs not yet committed or aborted. */
    private final AtomicLong usedBytes;

    private FileBlobStore(BlobStoreSettings settings, Executor ioExecutor, long committedBytes) {
        this.settings = settings;
        this.blobRoot = settings.directory().resolve(BLOBS);
        this.tempRoot = settings.directory().resolve(TEMP);
        this.ioExecutor = ioExecutor;
        this.usedBytes = new AtomicLong(committedBytes);
    }

    /**
     * Opens (creating if needed) the store, removes temporary files a crash left and counts the committed
     * bytes against the quota.
     *
     * @param ioExecutor runs commits (fsync and rename); owned by the caller, a thread or two is plenty
     * @throws IllegalArgumentException when the settings are invalid
     */
    public static FileBlobStore open(BlobStoreSettings settings, Executor ioExecutor) throws IOException {
        Objects.requireNonNull(ioExecutor, "ioExecutor");
        var problems = settings.validate();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid blob store settings: " + String.join("; ", problems));
        }
        Path root = settings.directory();
        Files.createDirectories(root.resolve(BLOBS));
        Files.createDirectories(root.resolve(TEMP));
        Files.createDirectories(root.resolve(META));
        int removed = removeTemporaryFiles(root.resolve(TEMP));
        long committed = committedBytes(root.resolve(BLOBS));
        log.info("blob_store=open directory={} committed_bytes={} max_bytes={} removed_temp_files={}",
                root, committed, settings.maxBytes(), removed);
        return new FileBlobStore(settings, ioExecutor, committed);
    }

    @Override
    public BlobWriter create(String mediaType, long expectedBytes) throws IOException {
        long used = usedBytes.get();
        long wanted = Math.max(expectedBytes, 0);
        if (used + wanted > settings.maxBytes() || (expectedBytes < 0 && used >= settings.maxBytes())) {
            throw new BlobStoreFullException("blob store quota: " + used + " of " + settings.maxBytes()
                    + " bytes used, a new blob of " + (expectedBytes < 0 ? "unknown size" : expectedBytes + " bytes")
                    + " does not fit (free space or raise the blob store's maxBytes)");
        }
        long usable = Files.getFileStore(tempRoot).getUsableSpace();
        if (usable < wanted || usable == 0) {
            throw new BlobStoreFullException("file system of " + tempRoot + " has " + usable
                    + " bytes usable, a new blob needs " + wanted);
        }
        Path temp = Files.createTempFile(tempRoot, "blob-", ".part");
        return new FileBlobWriter(this, temp, mediaType);
    }

    /** Where a committed blob is, if the store has it. */
    public Optional<Path> find(String sha256) {
        Path path = address(sha256);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    /**
     * Removes a committed blob (with its chunk sidecar and delivery marker) and gives its bytes back to the
     * quota.
     *
     * @return false when the store did not have it
     */
    public boolean delete(String sha256) throws IOException {
        Path path = address(sha256);
        synchronized (this) {
            long size;
            try {
                size = Files.size(path);
            } catch (NoSuchFileException e) {
                return false;
            }
            Files.delete(path);
            usedBytes.addAndGet(-size);
            Files.deleteIfExists(ChunkHashes.sidecarOf(path));
            Files.deleteIfExists(BlobJanitor.markerOf(path));
        }
        forceDirectory(path.getParent());
        return true;
    }

    /**
     * The per-chunk hashes of a committed blob, from its sidecar; a blob without a usable one (stored before
     * chunking existed, sidecar lost) is hashed again and the sidecar rewritten. Blocking I/O: call it off
     * the event loops.
     *
     * @throws NoSuchFileException when the store does not have the blob
     */
    public ChunkHashes chunkHashes(String sha256) throws IOException {
        Path blob = address(sha256);
        if (!Files.isRegularFile(blob)) {
            throw new NoSuchFileException(blob.toString(), null, "blob " + sha256 + " is not in the store");
        }
        Path sidecar = ChunkHashes.sidecarOf(blob);
        try {
            ChunkHashes hashes = ChunkHashes.read(sidecar);
            if (hashes.size() == Files.size(blob)) {
                return hashes;
            }
            log.warn("blob={} reason=chunk_sidecar_stale detail=size {} != blob size; hashing again", sha256, hashes.size());
        } catch (NoSuchFileException e) {
            log.info("blob={} reason=no_chunk_sidecar action=hash_chunks", sha256);
        } catch (IOException e) {
            log.warn("blob={} reason=chunk_sidecar_unreadable detail=\"{}\" action=hash_chunks", sha256, e.getMessage());
        }
        ChunkHashes hashes = ChunkHashes.compute(blob, settings.chunkSize());
        Path temp = Files.createTempFile(tempRoot, "chunks-", ".part");
        hashes.write(temp);
        Files.createDirectories(sidecar.getParent());
        Files.move(temp, sidecar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return hashes;
    }

    /** Bytes counted against the quota: committed blobs plus blobs being written. */
    public long usedBytes() {
        return usedBytes.get();
    }

    public BlobStoreSettings settings() {
        return settings;
    }

    Executor ioExecutor() {
        return ioExecutor;
    }

    /** Counts {@code bytes} more against the quota, or refuses them. */
    void reserve(long bytes) throws BlobStoreFullException {
        long after = usedBytes.addAndGet(bytes);
        if (after > settings.maxBytes()) {
            usedBytes.addAndGet(-bytes);
            throw new BlobStoreFullException("blob store quota: " + (after - bytes) + " of " + settings.maxBytes()
                    + " bytes used, " + bytes + " more do not fit (free space or raise the blob store's maxBytes)");
        }
    }

    void release(long bytes) {
        usedBytes.addAndGet(-bytes);
    }

    /**
     * Moves a forced temporary file to its address. The bytes it holds are already counted; when the same
     * content is already stored they are given back and the temporary file is dropped.
     *
     * @return true when the blob is new
     */
    boolean install(Path temp, String sha256, long size, ChunkHashes chunks) throws IOException {
        Path target = address(sha256);
        Path prefix = target.getParent();
        boolean newPrefix = !Files.isDirectory(prefix);
        if (newPrefix) {
            Files.createDirectories(prefix);
            forceDirectory(blobRoot);
        }
        Path sidecarTemp = temp.resolveSibling(temp.getFileName() + ChunkHashes.SUFFIX);
        chunks.write(sidecarTemp);
        Files.createDirectories(ChunkHashes.sidecarOf(target).getParent());
        boolean installed;
        synchronized (this) {
            // The sidecar first: a crash between the two renames leaves a sidecar without blob (swept at start).
            Files.move(sidecarTemp, ChunkHashes.sidecarOf(target), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            // Stored again: a delivery will follow, so the retention of the earlier one no longer applies.
            Files.deleteIfExists(BlobJanitor.markerOf(target));
            installed = !Files.exists(target);
            if (installed) {
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    Files.deleteIfExists(ChunkHashes.sidecarOf(target));
                    throw e;
                }
            } else {
                Files.delete(temp);
                usedBytes.addAndGet(-size);
            }
        }
        forceDirectory(prefix);
        return installed;
    }

    Path address(String sha256) {
        if (sha256 == null || !SHA256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a lower-case hex SHA-256: " + sha256);
        }
        return blobRoot.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2));
    }

    /** A committed blob's file, not a stray file of another kind. */
    static boolean isBlobFile(Path file) {
        return file.getFileName().toString().indexOf('.') < 0;
    }

    /** {@code <root>/meta/ab/cdef...<suffix>} for the blob {@code <root>/sha256/ab/cdef...}. */
    static Path metaOf(Path blob, String suffix) {
        Path prefix = blob.getParent();
        return prefix.getParent().resolveSibling(META).resolve(prefix.getFileName()).resolve(blob.getFileName() + suffix);
    }

    /** The blob a sidecar or marker belongs to. */
    static Path blobOfMeta(Path meta) {
        Path prefix = meta.getParent();
        String name = meta.getFileName().toString();
        int dot = name.indexOf('.');
        return prefix.getParent().resolveSibling(BLOBS).resolve(prefix.getFileName())
                .resolve(dot < 0 ? name : name.substring(0, dot));
    }

    Path metaRoot() {
        return settings.directory().resolve(META);
    }

    /** The content address of a committed blob's file under {@code sha256/}, or null for other files. */
    static String sha256Of(Path blobFile) {
        String name = blobFile.getParent().getFileName().toString() + blobFile.getFileName();
        return SHA256_HEX.matcher(name).matches() ? name : null;
    }

    Path blobRoot() {
        return blobRoot;
    }

    static void forceDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static int removeTemporaryFiles(Path tempRoot) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(tempRoot)) {
            for (Path file : files) {
                Files.deleteIfExists(file);
                removed++;
            }
        }
        if (removed > 0) {
            forceDirectory(tempRoot);
            log.warn("blob_store=open reason=temp_files_removed count={} detail=blobs being written when the"
                    + " gateway stopped; their senders were never told they were stored", removed);
        }
        return removed;
    }

    private static long committedBytes(Path blobRoot) throws IOException {
        try (Stream<Path> files = Files.walk(blobRoot)) {
            return files.filter(Files::isRegularFile).filter(FileBlobStore::isBlobFile).mapToLong(path -> {
                try {
                    return Files.size(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }
}
