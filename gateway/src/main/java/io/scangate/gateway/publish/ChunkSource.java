package io.scangate.gateway.publish;

import io.scangate.proto.v1.Envelope;

/**
 * Where the publisher gets the bytes of an image chunk: the journal holds only a reference (image, offset,
 * length, chunk hash), and the chunk's {@code data} is read from the blob store when it is published, so
 * the image is neither stored twice on disk nor held in the journal's heap.
 */
public interface ChunkSource {

    /** A chunk that can never be published; the publisher dead-letters it with this reason. */
    final class UnavailableException extends Exception {
        private static final long serialVersionUID = 1L;

        public UnavailableException(String reason) {
            super(reason);
        }
    }

    /**
     * The chunk could not be read now (an I/O error that may pass, e.g. too many open files); the publisher
     * tries again after a backoff, a bounded number of times, before it dead-letters the chunk.
     */
    final class TransientException extends Exception {
        private static final long serialVersionUID = 1L;

        public TransientException(String reason) {
            super(reason);
        }
    }

    /** For a gateway without a blob store: every chunk is unavailable. */
    ChunkSource NONE = new ChunkSource() {
        @Override
        public byte[] payload(Envelope chunk) throws UnavailableException {
            throw new UnavailableException("this gateway has no blob store to read image chunks from");
        }

        @Override
        public void settled(String imageSha256) {
        }

        @Override
        public String checkMaxPacketSize(long maxPacketSize) {
            return null;
        }
    };

    /**
     * The payload to publish for a journalled chunk reference: the same envelope with the chunk's bytes in
     * {@code data}, verified against the chunk's hash. Byte-identical on every retry.
     */
    byte[] payload(Envelope chunk) throws UnavailableException, TransientException;

    /** A chunk of this image was acknowledged or dead-lettered: it no longer pins the blob. */
    void settled(String imageSha256);

    /** Null when a chunk message fits the broker's Maximum Packet Size, else the problem and its fix. */
    String checkMaxPacketSize(long maxPacketSize);
}
