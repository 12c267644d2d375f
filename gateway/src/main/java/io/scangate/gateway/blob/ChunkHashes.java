package io.scangate.gateway.blob;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The SHA-256 of every chunk of a blob, kept in a small sidecar file beside it ({@code meta/ab/cdef....chunks}
 * for the blob {@code sha256/ab/cdef...}, so that {@code sha256/} holds nothing but blobs), so
 * that planning a delivery never re-reads the image: the hashes are computed while the blob streams in.
 * The sidecar is text: {@code chunk-size N}, {@code size N}, then one hex hash per line.
 *
 * @param chunkSize bytes per chunk; the last chunk holds the rest
 * @param size the blob's length
 * @param hashes lower-case hex SHA-256 per chunk, in order
 */
public record ChunkHashes(int chunkSize, long size, List<String> hashes) {

    static final String SUFFIX = ".chunks";
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public ChunkHashes {
        hashes = List.copyOf(hashes);
        if (chunkSize <= 0 || size < 0 || hashes.size() != count(size, chunkSize)) {
            throw new IllegalArgumentException("chunk hashes of a " + size + "-byte blob in " + chunkSize
                    + "-byte chunks must be " + count(size, chunkSize) + ", got " + hashes.size());
        }
    }

    /** Chunks needed for {@code size} bytes: at least one, so that an empty blob is still delivered. */
    public static int count(long size, int chunkSize) {
        return (int) Math.max(1, (size + chunkSize - 1) / chunkSize);
    }

    public int count() {
        return hashes.size();
    }

    public long offset(int index) {
        return (long) index * chunkSize;
    }

    public int length(int index) {
        return (int) Math.min(chunkSize, size - offset(index));
    }

    static Path sidecarOf(Path blob) {
        return FileBlobStore.metaOf(blob, SUFFIX);
    }

    /** Writes the sidecar and forces it to disk. */
    void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        StringBuilder text = new StringBuilder(80 + hashes.size() * 65)
                .append("chunk-size ").append(chunkSize).append('\n')
                .append("size ").append(size).append('\n');
        hashes.forEach(hash -> text.append(hash).append('\n'));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.US_ASCII));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
    }

    /** Reads a sidecar; an unreadable or inconsistent one is an {@link IOException} naming the file. */
    static ChunkHashes read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        try {
            if (lines.size() < 2 || !lines.get(0).startsWith("chunk-size ") || !lines.get(1).startsWith("size ")) {
                throw new IllegalArgumentException("no chunk-size/size header");
            }
            List<String> hashes = lines.subList(2, lines.size());
            if (!hashes.stream().allMatch(h -> SHA256_HEX.matcher(h).matches())) {
                throw new IllegalArgumentException("a line is not a hex SHA-256");
            }
            return new ChunkHashes(Integer.parseInt(lines.get(0).substring(11)), Long.parseLong(lines.get(1).substring(5)),
                    hashes);
        } catch (IllegalArgumentException e) {
            throw new IOException("chunk sidecar " + file + " is corrupt: " + e.getMessage(), e);
        }
    }

    /** Hashes an existing file chunk by chunk: blocking I/O, for blobs stored without a sidecar. */
    static ChunkHashes compute(Path blob, int chunkSize) throws IOException {
        try (FileChannel channel = FileChannel.open(blob, StandardOpenOption.READ)) {
            long size = channel.size();
            Digests digests = new Digests(chunkSize);
            ByteBuffer buffer = ByteBuffer.allocate(Math.min(chunkSize, 1 << 16));
            while (channel.read(buffer.clear()) > 0) {
                digests.update(buffer.flip());
            }
            return digests.finish(size);
        }
    }

    /** Per-chunk digests of a stream of bytes, fed in pieces of any size. Not thread-safe. */
    static final class Digests {
        private final int chunkSize;
        private final MessageDigest current = sha256();
        private final List<String> done = new ArrayList<>();
        private int inCurrent;

        Digests(int chunkSize) {
            this.chunkSize = chunkSize;
        }

        void update(ByteBuffer bytes) {
            ByteBuffer rest = bytes.duplicate();
            while (rest.hasRemaining()) {
                int take = Math.min(rest.remaining(), chunkSize - inCurrent);
                ByteBuffer part = rest.slice().limit(take);
                current.update(part);
                rest.position(rest.position() + take);
                inCurrent += take;
                if (inCurrent == chunkSize) {
                    done.add(HexFormat.of().formatHex(current.digest()));
                    inCurrent = 0;
                }
            }
        }

        ChunkHashes finish(long size) {
            List<String> hashes = new ArrayList<>(done);
            if (inCurrent > 0 || hashes.isEmpty()) {
                hashes.add(HexFormat.of().formatHex(current.digest()));
            }
            return new ChunkHashes(chunkSize, size, hashes);
        }
    }

    /** A fresh SHA-256 digest: the hash of blob addresses and chunks alike. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
