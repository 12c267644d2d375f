package io.scangate.gateway.journal;

import java.time.Instant;

/**
 * An entry set aside for good, as kept in the journal's dead-letter file.
 *
 * @param id the journal id it had
 * @param lane the lane it was appended to
 * @param at when it was dead-lettered
 * @param reason why it can never be published (at most 1024 UTF-8 bytes)
 * @param payload the payload exactly as appended
 */
public record DeadLetter(long id, Lane lane, Instant at, String reason, byte[] payload) {
}
