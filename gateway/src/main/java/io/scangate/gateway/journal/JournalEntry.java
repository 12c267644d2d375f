package io.scangate.gateway.journal;

/**
 * One journalled record.
 *
 * @param id position in the journal, unique and increasing in append order across lanes
 * @param lane the priority lane it was appended to
 * @param payload the serialised {@code scangate.v1.Envelope}, exactly as appended
 */
public record JournalEntry(long id, Lane lane, byte[] payload) {
}
