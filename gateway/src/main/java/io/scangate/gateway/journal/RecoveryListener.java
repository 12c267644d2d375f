package io.scangate.gateway.journal;

import java.nio.ByteBuffer;

/**
 * Sees every unconfirmed entry while a journal is recovered at start-up, before anything is taken: how the
 * gateway rebuilds state that depends on what is still to be delivered (which blobs are still referenced).
 */
@FunctionalInterface
public interface RecoveryListener {

    RecoveryListener NONE = (id, lane, payload) -> { };

    /** @param payload the entry's payload, valid only during the call */
    void unconfirmed(long id, Lane lane, ByteBuffer payload);
}
