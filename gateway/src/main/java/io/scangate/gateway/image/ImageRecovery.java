package io.scangate.gateway.image;

import com.google.protobuf.InvalidProtocolBufferException;
import io.scangate.gateway.blob.BlobReferences;
import io.scangate.gateway.journal.Lane;
import io.scangate.gateway.journal.RecoveryListener;
import io.scangate.proto.v1.Envelope;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts, while the journal recovers, the unconfirmed chunk references per blob: the blobs still needed
 * after a restart. Only the bulk lane holds chunks, so other entries are not even parsed.
 */
public final class ImageRecovery implements RecoveryListener {

    private static final Logger log = LoggerFactory.getLogger(ImageRecovery.class);

    private final BlobReferences references;
    private long chunks;

    public ImageRecovery(BlobReferences references) {
        this.references = references;
    }

    @Override
    public void unconfirmed(long id, Lane lane, ByteBuffer payload) {
        if (lane != Lane.BULK) {
            return;
        }
        try {
            Envelope envelope = Envelope.parseFrom(payload);
            if (envelope.getBodyCase() == Envelope.BodyCase.IMAGE_CHUNK) {
                references.add(envelope.getImageChunk().getImageSha256(), 1);
                chunks++;
            }
        } catch (InvalidProtocolBufferException e) {
            log.warn("journal_entry={} reason=unparseable_bulk_entry detail=\"{}\" (the publisher dead-letters it)", id,
                    e.getMessage());
        }
    }

    /** Chunk references found unconfirmed. */
    public long chunks() {
        return chunks;
    }
}
