package io.scangate.gateway.journal;

import java.time.Instant;

/**
 * A dead letter that was appended to its lane again, as kept in the journal's requeue file.
 *
 * @param deadLetterId the id the entry had when it was dead-lettered
 * @param newId the id of the stored entry that carries the same payload now
 * @param at when the new entry was durable and the requeue recorded
 */
public record Requeue(long deadLetterId, long newId, Instant at) {
}
