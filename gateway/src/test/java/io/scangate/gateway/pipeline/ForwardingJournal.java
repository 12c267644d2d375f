package io.scangate.gateway.pipeline;

import io.scangate.gateway.journal.Journal;
import io.scangate.gateway.journal.JournalEntry;
import io.scangate.gateway.journal.JournalStats;
import io.scangate.gateway.journal.Lane;
import io.scangate.gateway.testing.MemoryJournal;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A real (in-memory) journal whose behaviour a test overrides in one place. */
class ForwardingJournal implements Journal {

    private final MemoryJournal delegate;

    ForwardingJournal(MemoryJournal delegate) {
        this.delegate = delegate;
    }

    long unconfirmed() {
        return delegate.unconfirmed();
    }

    @Override
    public CompletableFuture<Long> append(Lane lane, byte[] payload) {
        return delegate.append(lane, payload);
    }

    @Override
    public List<JournalEntry> take(int max) {
        return delegate.take(max);
    }

    @Override
    public void confirm(long id) {
        delegate.confirm(id);
    }

    @Override
    public void release(long id) {
        delegate.release(id);
    }

    @Override
    public void deadLetter(long id, String reason) {
        delegate.deadLetter(id, reason);
    }

    @Override
    public void onAvailable(Runnable listener) {
        delegate.onAvailable(listener);
    }

    @Override
    public JournalStats stats() {
        return delegate.stats();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
