package io.scangate.gateway.publish;

import com.google.protobuf.InvalidProtocolBufferException;
import io.scangate.gateway.journal.Journal;
import io.scangate.gateway.journal.JournalEntry;
import io.scangate.proto.v1.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a journal entry can ever be published; one that cannot (not an envelope, no body, no
 * event id, too large for the broker) is dead-lettered with its reason instead of blocking the queue.
 */
final class PublishableEntries {

    private static final Logger log = LoggerFactory.getLogger(PublishableEntries.class);

    private final Journal journal;
    private final PublishMetrics metrics;

    PublishableEntries(Journal journal, PublishMetrics metrics) {
        this.journal = journal;
        this.metrics = metrics;
    }

    /** The envelope's header, or null when the entry was dead-lettered. */
    EnvelopeHeader decodeOrDeadLetter(JournalEntry entry) {
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
