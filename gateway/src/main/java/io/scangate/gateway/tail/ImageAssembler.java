package io.scangate.gateway.tail;

import io.scangate.proto.v1.Envelope;
import io.scangate.proto.v1.ImageChunk;
import io.scangate.proto.v1.ImageManifest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reassembles images from {@link ImageManifest} and {@link ImageChunk} messages in any order, duplicates
 * included (QoS 1 delivers at least once). Each chunk is checked against its own hash and written at its
 * offset into {@code <sha256>.part} in the output directory, so an image is never held whole in memory.
 * When the manifest and every chunk are in, the whole file is checked against the manifest's SHA-256 and
 * size; only then is it renamed to {@code <sha256>.dcm} (a corrupt one becomes {@code <sha256>.corrupt})
 * and a PNG preview rendered. Thread-safe.
 */
final class ImageAssembler {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    /** What happened to an image or a chunk, reported as it happens. */
    interface Listener {
        void complete(ImageManifest manifest, Path file, Path preview, String previewProblem);

        void failed(String sha256, String reason);

        void chunkRejected(String sha256, long index, String reason);
    }

    /** An image still missing parts when asked. */
    record Incomplete(String sha256, boolean manifestReceived, int chunksReceived, int chunkCount) {
    }

    private static final class Partial {
        ImageManifest manifest;
        final BitSet received = new BitSet();
        FileChannel file;
    }

    private final Path directory;
    private final Listener listener;
    private final Map<String, Partial> partials = new LinkedHashMap<>();
    private final Set<String> finished = new HashSet<>();

    ImageAssembler(Path directory, Listener listener) throws IOException {
        this.directory = Files.createDirectories(directory);
        this.listener = listener;
    }

    /** Takes a manifest or a chunk; other messages are not this class's business. */
    synchronized void accept(Envelope envelope) {
        switch (envelope.getBodyCase()) {
            case IMAGE_MANIFEST -> manifest(envelope.getImageManifest());
            case IMAGE_CHUNK -> chunk(envelope.getImageChunk());
            default -> {
            }
        }
    }

    synchronized List<Incomplete> incomplete() {
        List<Incomplete> open = new ArrayList<>();
        partials.forEach((sha256, p) -> open.add(new Incomplete(sha256, p.manifest != null, p.received.cardinality(),
                p.manifest == null ? -1 : p.manifest.getChunkCount())));
        return open;
    }

    /** Closes the files of incomplete images; their {@code .part} files stay, never named as complete. */
    synchronized void close() {
        for (Partial partial : partials.values()) {
            closeQuietly(partial);
        }
    }

    private void manifest(ImageManifest manifest) {
        String sha256 = manifest.getImageSha256();
        if (!SHA256_HEX.matcher(sha256).matches() || manifest.getChunkCount() == 0 || manifest.getChunkSize() == 0) {
            listener.failed(sha256, "manifest without a valid sha256, chunk size or chunk count");
            return;
        }
        if (finished.contains(sha256)) {
            return;
        }
        Partial partial = partials.computeIfAbsent(sha256, key -> new Partial());
        partial.manifest = manifest;
        int beyond = partial.received.nextSetBit(manifest.getChunkCount());
        if (beyond >= 0) {
            fail(sha256, partial, "chunk " + beyond + " received, but the manifest says " + manifest.getChunkCount() + " chunks");
            return;
        }
        completeIfWhole(sha256, partial);
    }

    private void chunk(ImageChunk chunk) {
        String sha256 = chunk.getImageSha256();
        if (!SHA256_HEX.matcher(sha256).matches()) {
            listener.chunkRejected(sha256, chunk.getIndex(), "image_sha256 is not a hex SHA-256");
            return;
        }
        if (finished.contains(sha256)) {
            return;
        }
        String problem = check(chunk);
        Partial partial = partials.computeIfAbsent(sha256, key -> new Partial());
        if (problem == null && partial.manifest != null) {
            problem = checkAgainst(chunk, partial.manifest);
        }
        if (problem != null) {
            listener.chunkRejected(sha256, chunk.getIndex(), problem);
            return;
        }
        if (partial.received.get(chunk.getIndex())) {
            return;
        }
        try {
            if (partial.file == null) {
                partial.file = FileChannel.open(partPath(sha256), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.READ);
            }
            ByteBuffer data = chunk.getData().asReadOnlyByteBuffer();
            long position = chunk.getOffset();
            while (data.hasRemaining()) {
                position += partial.file.write(data, position);
            }
        } catch (IOException e) {
            fail(sha256, partial, "cannot write " + partPath(sha256) + ": " + e.getMessage());
            return;
        }
        partial.received.set(chunk.getIndex());
        completeIfWhole(sha256, partial);
    }

    private static String check(ImageChunk chunk) {
        if (chunk.getData().size() != chunk.getLength()) {
            return "carries " + chunk.getData().size() + " bytes, says " + chunk.getLength();
        }
        String actual = sha256(chunk.getData().asReadOnlyByteBuffer());
        if (!actual.equals(chunk.getSha256())) {
            return "data hashes to " + actual + ", the chunk says " + chunk.getSha256();
        }
        return null;
    }

    private static String checkAgainst(ImageChunk chunk, ImageManifest m) {
        if (chunk.getIndex() >= m.getChunkCount() || chunk.getOffset() != (long) chunk.getIndex() * m.getChunkSize()
                || chunk.getOffset() + chunk.getLength() > m.getSizeBytes()) {
            return "index " + chunk.getIndex() + " at offset " + chunk.getOffset() + " does not fit the manifest ("
                    + m.getChunkCount() + " chunks of " + m.getChunkSize() + ", " + m.getSizeBytes() + " bytes)";
        }
        return null;
    }

    private void completeIfWhole(String sha256, Partial partial) {
        ImageManifest m = partial.manifest;
        if (m == null || partial.received.cardinality() < m.getChunkCount()) {
            return;
        }
        String whole;
        long size;
        try {
            partial.file.force(false);
            size = partial.file.size();
            whole = wholeHash(partial.file);
        } catch (IOException e) {
            fail(sha256, partial, "cannot read back " + partPath(sha256) + ": " + e.getMessage());
            return;
        }
        if (size != m.getSizeBytes() || !whole.equals(sha256)) {
            fail(sha256, partial, "reassembled file has " + size + " bytes hashing to " + whole + ", the manifest says "
                    + m.getSizeBytes() + " bytes " + sha256);
            return;
        }
        closeQuietly(partial);
        partials.remove(sha256);
        finished.add(sha256);
        Path file = directory.resolve(sha256 + extension(m.getMediaType()));
        try {
            Files.move(partPath(sha256), file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            listener.failed(sha256, "verified, but cannot rename to " + file + ": " + e.getMessage());
            return;
        }
        Path preview = null;
        String previewProblem = ImagePreview.unsupported(m);
        if (previewProblem == null) {
            preview = directory.resolve(sha256 + ".png");
            try {
                ImagePreview.render(file, m, preview);
            } catch (IOException | RuntimeException e) {
                previewProblem = "preview failed: " + e;
                preview = null;
            }
        }
        listener.complete(m, file, preview, previewProblem);
    }

    private void fail(String sha256, Partial partial, String reason) {
        closeQuietly(partial);
        partials.remove(sha256);
        finished.add(sha256);
        try {
            if (Files.exists(partPath(sha256))) {
                Files.move(partPath(sha256), directory.resolve(sha256 + ".corrupt"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            reason += " (and the part file could not be renamed: " + e.getMessage() + ")";
        }
        listener.failed(sha256, reason);
    }

    private Path partPath(String sha256) {
        return directory.resolve(sha256 + ".part");
    }

    private static String extension(String mediaType) {
        return "application/dicom".equals(mediaType) ? ".dcm" : ".bin";
    }

    private static String wholeHash(FileChannel file) throws IOException {
        MessageDigest digest = newDigest();
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        long position = 0;
        int read;
        while ((read = file.read(buffer.clear(), position)) > 0) {
            digest.update(buffer.flip());
            position += read;
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String sha256(ByteBuffer data) {
        MessageDigest digest = newDigest();
        digest.update(data);
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static void closeQuietly(Partial partial) {
        if (partial.file != null) {
            try {
                partial.file.close();
            } catch (IOException e) {
                // Nothing more to do with a file being abandoned.
            }
            partial.file = null;
        }
    }
}
