package io.scangate.gateway.image;

import com.google.protobuf.ByteString;
import io.scangate.gateway.blob.BlobReferences;
import io.scangate.gateway.blob.ChunkHashes;
import io.scangate.gateway.blob.FileBlobStore;
import io.scangate.gateway.publish.ChunkSource;
import io.scangate.proto.v1.Envelope;
import io.scangate.proto.v1.ImageChunk;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills a journalled chunk reference with its bytes at publish time: reads exactly the chunk's range of the
 * blob and checks it against the chunk hash planned when the blob streamed in. A blob that is gone, shorter
 * than planned, or whose bytes changed makes the chunk unpublishable (dead-lettered with the reason by the
 * publisher), never a chunk with wrong bytes. The output is the journalled envelope with {@code data} set,
 * serialised the same way every time, so a retry is byte-identical.
 *
 * <p>Runs on the publisher's thread: one positional read of one chunk (256 KiB by default, usually from the
 * page cache) and its hash, no event loop involved.
 */
public final class BlobChunkSource implements ChunkSource {

    private static final Logger log = LoggerFactory.getLogger(BlobChunkSource.class);
    /** Envelope, device ref, chunk fields and topic around the data: generous, ids and names included. */
    static final int CHUNK_MESSAGE_OVERHEAD = 2048;

    private final FileBlobStore store;
    private final BlobReferences references;
    private final ImageMetrics metrics;

    public BlobChunkSource(FileBlobStore store, BlobReferences references, ImageMetrics metrics) {
        this.store = store;
        this.references = references;
        this.metrics = metrics;
    }

    @Override
    public byte[] payload(Envelope envelope) throws UnavailableException, TransientException {
        ImageChunk chunk = envelope.getImageChunk();
        byte[] data;
        try {
            data = read(chunk);
        } catch (UnavailableException e) {
            metrics.chunksUnavailable.increment();
            log.error("image={} chunk={} reason=chunk_unavailable detail=\"{}\"", chunk.getImageSha256(), chunk.getIndex(),
                    e.getMessage());
            throw e;
        }
        metrics.chunksSent.increment();
        return envelope.toBuilder().setImageChunk(chunk.toBuilder().setData(ByteString.copyFrom(data))).build().toByteArray();
    }

    private byte[] read(ImageChunk chunk) throws UnavailableException, TransientException {
        Optional<Path> blob;
        try {
            blob = store.find(chunk.getImageSha256());
        } catch (IllegalArgumentException e) {
            throw new UnavailableException("not a blob address: " + e.getMessage());
        }
        if (blob.isEmpty()) {
            throw new UnavailableException("blob is not in the store (deleted or lost)");
        }
        ByteBuffer data = ByteBuffer.allocate(chunk.getLength());
        try (FileChannel channel = FileChannel.open(blob.get(), StandardOpenOption.READ)) {
            long position = chunk.getOffset();
            while (data.hasRemaining()) {
                int read = channel.read(data, position);
                if (read < 0) {
                    throw new UnavailableException("blob ends at " + position + ", the chunk needs "
                            + (chunk.getOffset() + chunk.getLength()));
                }
                position += read;
            }
        } catch (NoSuchFileException e) {
            throw new UnavailableException("blob is not in the store (deleted or lost)");
        } catch (IOException e) {
            throw new TransientException("blob unreadable now: " + e);
        }
        String actual = sha256(data.array());
        if (!actual.equals(chunk.getSha256())) {
            throw new UnavailableException("blob bytes " + chunk.getOffset() + "+" + chunk.getLength()
                    + " hash to " + actual + ", planned " + chunk.getSha256() + " (blob corrupt)");
        }
        return data.array();
    }

    @Override
    public void settled(String imageSha256) {
        references.settled(imageSha256);
    }

    @Override
    public String checkMaxPacketSize(long maxPacketSize) {
        long needed = (long) store.settings().chunkSize() + CHUNK_MESSAGE_OVERHEAD;
        if (needed <= maxPacketSize) {
            metrics.chunkSizeFits.set(1);
            return null;
        }
        metrics.chunkSizeFits.set(0);
        metrics.chunkTooLarge.increment();
        return "blobs.chunkSize " + store.settings().chunkSize() + " plus " + CHUNK_MESSAGE_OVERHEAD
                + " bytes of envelope exceeds the broker's Maximum Packet Size " + maxPacketSize
                + " (set blobs.chunkSize to at most " + Math.max(0, maxPacketSize - CHUNK_MESSAGE_OVERHEAD)
                + " or raise the broker's max_packet_size); chunks too large are dead-lettered";
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(ChunkHashes.sha256().digest(bytes));
    }
}
