package io.scangate.gateway.journal;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The durable store every result passes through before it is forwarded.
 *
 * <p>States of an entry: stored -> in flight ({@link #take}) -> confirmed ({@link #confirm}) -> purged
 * (housekeeping, confirmed entries first); or dead-lettered ({@link #deadLetter}) when it can never be
 * published. After a restart every entry that was not confirmed is stored again, in its original order.
 *
 * <p>Thread-safe. {@link #append} never blocks the caller on disk: durability is reported through the
 * returned future (group commit), so Netty event loops can append.
 */
public interface Journal extends AutoCloseable {

    /**
     * Appends a record. The future completes with the entry id once the record is durable on disk, or
     * exceptionally with {@link JournalFullException} when a quota would be exceeded even after purging
     * confirmed entries, or with an {@link java.io.IOException} cause when the disk failed.
     */
    CompletableFuture<Long> append(Lane lane, byte[] payload);

    /**
     * Moves up to {@code max} stored, durable entries to in flight and returns them: lanes in priority
     * order, append order within a lane.
     */
    List<JournalEntry> take(int max);

    /** The back-end has the entry (PUBACK): it is never delivered again. Unknown ids are ignored. */
    void confirm(long id);

    /** The entry could not be sent now; it goes back to stored, ahead of later entries of its lane. */
    void release(long id);

    /** The entry can never be published; it is kept aside with the reason and never taken again. */
    void deadLetter(long id, String reason);

    /** Called (on an arbitrary thread) whenever new entries may be available to {@link #take}. */
    void onAvailable(Runnable listener);

    /** Depth and usage, for metrics and back-pressure. */
    JournalStats stats();

    @Override
    void close();
}
