package io.scangate.gateway.publish;

import com.google.protobuf.InvalidProtocolBufferException;
import io.scangate.gateway.journal.Journal;
import io.scangate.gateway.journal.JournalEntry;
import io.scangate.proto.v1.Envelope;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a journal entry into what goes on the wire: its topic, and its payload (the journalled bytes, or
 * for an image chunk the reference filled with its bytes from the blob store). An entry that can never be
 * published (not an envelope, no body, no event id, a chunk whose blob is gone, too large for the broker)
 * is dead-lettered with its reason instead of blocking the queue.
 */
final class PublishableEntries {

    /** @param imageSha256 set for an image chunk, whose settlement unpins its blob */
    record Outgoing(EnvelopeHeader header, String topic, byte[] payload, String imageSha256) {
    }

    /** Returned by {@link #prepare} for a chunk that could not be read now: release it and retry after a backoff. */
    static final Outgoing RETRY_LATER = new Outgoing(null, null, null, null);
    /** Reads of one chunk failing with a transient error before it is dead-lettered: with the default backoff, up to ~15 s. */
    static final int CHUNK_READ_ATTEMPTS = 5;

    /** The PUBLISH packet beyond its payload, topic and event id: fixed header, packet id, the other properties. */
    private static final int PACKET_ALLOWANCE = 512;

    private static final Logger log = LoggerFactory.getLogger(PublishableEntries.class);

    private final Journal journal;
    private final PublishMetrics metrics;
    private final DeviceTopics topics;
    private final ChunkSource chunks;
    /** Transient read failures per journal entry; only the publisher's loop touches it. */
    private final Map<Long, Integer> chunkReadFailures = new HashMap<>();

    PublishableEntries(Journal journal, PublishMetrics metrics, TopicScheme topics, ChunkSource chunks) {
        this.journal = journal;
        this.metrics = metrics;
        this.topics = new DeviceTopics(topics);
        this.chunks = chunks;
    }

    /** What to send for the entry, or null when it was dead-lettered. */
    Outgoing prepare(JournalEntry entry, long maxPacketSize) {
        EnvelopeHeader header = decodeOrDeadLetter(entry);
        if (header == null) {
            return null;
        }
        String topic;
        try {
            topic = topics.topic(header.device(), header.body());
        } catch (InvalidProtocolBufferException e) {
            deadLetter(entry, "unknown", "unreadable device reference: " + e.getMessage());
            return null;
        }
        byte[] payload = entry.payload();
        Envelope chunk = null;
        if (header.body() == Envelope.BodyCase.IMAGE_CHUNK) {
            try {
                chunk = Envelope.parseFrom(payload);
                payload = chunks.payload(chunk);
            } catch (InvalidProtocolBufferException | ChunkSource.UnavailableException e) {
                chunkReadFailures.remove(entry.id());
                deadLetterChunk(entry, header, chunk, e.getMessage());
                return null;
            } catch (ChunkSource.TransientException e) {
                int failures = chunkReadFailures.merge(entry.id(), 1, Integer::sum);
                if (failures < CHUNK_READ_ATTEMPTS) {
                    log.warn("event=image_chunk_retry id={} attempt={} reason=\"{}\"", entry.id(), failures, e.getMessage());
                    return RETRY_LATER;
                }
                chunkReadFailures.remove(entry.id());
                deadLetterChunk(entry, header, chunk, e.getMessage() + " (" + failures + " attempts)");
                return null;
            }
            chunkReadFailures.remove(entry.id());
        }
        if (!fitsInAPacket(header, topic, payload.length, maxPacketSize)) {
            String reason = "payload of " + payload.length + " bytes (a PUBLISH packet of "
                    + MessageFactory.publishPacketBytes(header, topic, payload.length)
                    + " bytes with topic and properties) exceeds the broker's maximum packet size " + maxPacketSize;
            if (chunk != null) {
                deadLetterChunk(entry, header, chunk, reason + " (lower blobs.chunkSize)");
            } else {
                deadLetter(entry, DeviceTopics.deviceId(header.device()), reason);
            }
            return null;
        }
        return new Outgoing(header, topic, payload, chunk == null ? null : chunk.getImageChunk().getImageSha256());
    }

    /**
     * Whether the whole PUBLISH packet fits, not just the payload: a packet the broker refuses costs the
     * connection, and the entry would block its lane forever. UTF-8 takes at most 3 bytes a char, and the
     * fixed parts of the packet stay well under {@link #PACKET_ALLOWANCE}, so the packet is measured exactly
     * only when the payload is near the limit.
     */
    private static boolean fitsInAPacket(EnvelopeHeader header, String topic, int payloadBytes, long maxPacketSize) {
        return payloadBytes + 3L * (topic.length() + header.eventId().length()) + PACKET_ALLOWANCE <= maxPacketSize
                || MessageFactory.publishPacketBytes(header, topic, payloadBytes) <= maxPacketSize;
    }

    /** A chunk that can never be sent; it stops pinning its image's blob. {@code chunk} is null when unreadable. */
    private void deadLetterChunk(JournalEntry entry, EnvelopeHeader header, Envelope chunk, String reason) {
        String image = chunk == null ? "unknown" : chunk.getImageChunk().getImageSha256();
        String index = chunk == null ? "?" : Integer.toString(chunk.getImageChunk().getIndex());
        deadLetter(entry, DeviceTopics.deviceId(header.device()), "image chunk " + image + "#" + index + ": " + reason);
        if (chunk != null) {
            chunks.settled(image);
        }
    }

    /** The envelope's header, or null when the entry was dead-lettered. */
    private EnvelopeHeader decodeOrDeadLetter(JournalEntry entry) {
        EnvelopeHeader header;
        try {
            header = EnvelopeHeader.read(entry.payload());
        } catch (InvalidProtocolBufferException e) {
            deadLetter(entry, "unknown", "not a valid scangate.v1.Envelope: " + e.getMessage());
            return null;
        }
        if (header.body() == Envelope.BodyCase.BODY_NOT_SET) {
            deadLetter(entry, DeviceTopics.deviceId(header.device()), "envelope has no body");
            return null;
        }
        if (header.eventId().isEmpty()) {
            deadLetter(entry, DeviceTopics.deviceId(header.device()),
                    "envelope has no event_id, consumers could not deduplicate it");
            return null;
        }
        return header;
    }

    void deadLetter(JournalEntry entry, String device, String reason) {
        log.error("event=publish_dead_letter id={} lane={} device={} reason={}", entry.id(), entry.lane(), device, reason);
        journal.deadLetter(entry.id(), reason);
        metrics.deadLettered.increment();
    }
}
