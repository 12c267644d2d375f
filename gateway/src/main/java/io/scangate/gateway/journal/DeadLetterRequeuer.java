package io.scangate.gateway.journal;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Puts dead letters back into circulation, for a stopped gateway: it opens the journal as the gateway does
 * (taking its lock, running recovery), appends a dead letter's payload unchanged to its original lane as a
 * new stored entry, and once that append is durable records the requeue in {@link RequeuedFile}. The old
 * id stays in the dead-letter file, so its old segment record is never resurrected; the next gateway start
 * publishes the new entry like any other. Same bytes means same event id: delivery stays at least once,
 * and a crash between the append and the requeue record can at most cause one more copy.
 */
public final class DeadLetterRequeuer implements AutoCloseable {

    private final SegmentJournal journal;
    private final RequeuedFile requeuedFile;
    private final Clock clock;
    private final Map<Long, DeadLetter> deadLetters = new LinkedHashMap<>();
    private final Map<Long, Requeue> requeued = new LinkedHashMap<>();

    private DeadLetterRequeuer(SegmentJournal journal, RequeuedFile requeuedFile, Clock clock,
            List<DeadLetter> letters, List<Requeue> requeues) {
        this.journal = journal;
        this.requeuedFile = requeuedFile;
        this.clock = clock;
        letters.forEach(letter -> deadLetters.put(letter.id(), letter));
        requeues.forEach(requeue -> requeued.putIfAbsent(requeue.deadLetterId(), requeue));
    }

    /**
     * Opens the journal in {@code settings.directory()} exclusively.
     *
     * @throws JournalLockedException when a gateway (or another journal) has the directory open
     */
    public static DeadLetterRequeuer open(JournalSettings settings, MeterRegistry registry, Clock clock)
            throws IOException {
        SegmentJournal journal = SegmentJournal.open(settings, registry);
        try {
            List<DeadLetter> letters = DeadLetterFile.readAll(settings.directory());
            RequeuedFile file = RequeuedFile.open(settings.directory());
            return new DeadLetterRequeuer(journal, file, clock, letters, file.recovered());
        } catch (IOException | RuntimeException e) {
            journal.close();
            throw e;
        }
    }

    /**
     * Appends the dead letter's payload to its lane, waits until it is durable, then records the requeue
     * durably.
     *
     * @throws IllegalArgumentException when the id is no dead letter, was already requeued, or its payload
     *     was lost (unreadable when it was dead-lettered)
     * @throws JournalFullException when a quota of the journal leaves no room
     * @throws IOException when the disk failed
     */
    public Requeue requeue(long deadLetterId) throws IOException, InterruptedException {
        DeadLetter letter = deadLetters.get(deadLetterId);
        if (letter == null) {
            throw new IllegalArgumentException(deadLetterId + " is not a dead letter of this journal");
        }
        if (requeued.containsKey(deadLetterId)) {
            throw new IllegalArgumentException(deadLetterId + " was already requeued as "
                    + requeued.get(deadLetterId).newId());
        }
        if (letter.payload().length == 0) {
            throw new IllegalArgumentException(deadLetterId + " has no payload (it was unreadable when dead-lettered)");
        }
        long newId = durableAppend(letter);
        Requeue requeue = new Requeue(deadLetterId, newId, clock.instant());
        requeuedFile.record(requeue);
        requeued.put(deadLetterId, requeue);
        return requeue;
    }

    private long durableAppend(DeadLetter letter) throws IOException, InterruptedException {
        try {
            return journal.append(letter.lane(), letter.payload()).get();
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException("journal append failed: " + cause, cause);
        }
    }

    /** Closes the journal (its files and lock) and the requeue file. */
    @Override
    public void close() throws IOException {
        try {
            requeuedFile.close();
        } finally {
            journal.close();
        }
    }
}
