package io.scangate.gateway.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Journal} of append-only segment files with CRC32C-framed records, per-segment ack files and a
 * dead-letter file, written by one group-commit thread (see docs/journal.md for format, crash model and
 * memory budget). Delivery is at least once: a confirmation lost in a crash only causes a re-publish.
 *
 * <p>Append futures complete on the writer thread once the record is fsynced; callers should hop to their
 * own executor for anything slow. {@code take}, {@code confirm}, {@code release} and {@code deadLetter}
 * never wait for the disk except to read payloads in {@code take}.
 */
public final class SegmentJournal implements Journal {

    private static final Logger log = LoggerFactory.getLogger(SegmentJournal.class);
    private static final String LOCK_FILE = "journal.lock";

    private final JournalSettings settings;
    private final JournalState state;
    private final DeadLetterFile deadLetters;
    private final JournalMetrics metrics;
    private final RecoveryReport recovery;
    private final FileChannel lockChannel;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final GroupCommitWriter writer;

    private SegmentJournal(JournalSettings settings, JournalState state, DeadLetterFile deadLetters,
            JournalMetrics metrics, RecoveryReport recovery, FileChannel lockChannel) throws IOException {
        this.settings = settings;
        this.state = state;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.recovery = recovery;
        this.lockChannel = lockChannel;
        this.writer = new GroupCommitWriter(settings, state, deadLetters, metrics, recovery.nextId(),
                this::notifyAvailable);
    }

    /**
     * Opens (creating if needed) the journal in {@code settings.directory()}, recovers it and starts its
     * writer thread.
     *
     * @param registry where the {@code scangate.journal.*} meters go; null for none
     * @throws IllegalArgumentException when {@link JournalSettings#validate()} reports problems
     * @throws JournalLockedException when another journal (this process or another one) holds the directory
     * @throws IOException when the directory cannot be used or holds a file that is not a scangate segment
     */
    public static SegmentJournal open(JournalSettings settings, MeterRegistry registry) throws IOException {
        return open(settings, registry, RecoveryListener.NONE);
    }

    /** Like {@link #open(JournalSettings, MeterRegistry)}; {@code listener} sees every unconfirmed entry recovered. */
    public static SegmentJournal open(JournalSettings settings, MeterRegistry registry, RecoveryListener listener)
            throws IOException {
        List<String> problems = settings.validate();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("journal settings: " + String.join("; ", problems));
        }
        Path directory = settings.directory();
        Files.createDirectories(directory);
        FileChannel lockChannel = lock(directory);
        DeadLetterFile deadLetters = null;
        JournalState state = new JournalState();
        try {
            deadLetters = DeadLetterFile.open(directory);
            RecoveryReport report = JournalRecovery.recover(directory, state, deadLetters, listener);
            JournalMetrics metrics = new JournalMetrics(registry);
            metrics.tornTails.increment(report.tornTails());
            metrics.tornBytes.increment(report.droppedBytes());
            SegmentJournal journal = new SegmentJournal(settings, state, deadLetters, metrics, report, lockChannel);
            metrics.gauges(state, journal::stats);
            journal.writer.start();
            log.info("journal opened dir={} segments={} unconfirmed={} deadLettered={} tornTails={} droppedBytes={}"
                    + " nextId={}", directory, report.segments(), report.unconfirmed(), report.deadLettered(),
                    report.tornTails(), report.droppedBytes(), report.nextId());
            return journal;
        } catch (IOException | RuntimeException e) {
            for (Segment segment : state.segments()) {
                segment.close();
            }
            if (deadLetters != null) {
                deadLetters.close();
            }
            lockChannel.close();
            throw e;
        }
    }

    private static FileChannel lock(Path directory) throws IOException {
        FileChannel channel = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new JournalLockedException("journal directory " + directory + " is in use by another process");
            }
            return channel;
        } catch (OverlappingFileLockException alreadyOpen) {
            channel.close();
            throw new JournalLockedException("journal directory " + directory + " is already open in this process");
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    /** What recovery found when this journal was opened. */
    public RecoveryReport recovery() {
        return recovery;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The journal keeps a reference to {@code payload} until the record is written: do not modify it
     * afterwards. A missing lane or payload, or one over {@code maxRecordBytes}, fails the future with
     * {@link IllegalArgumentException} (logged and counted); a full writer backlog or quota with
     * {@link JournalFullException}.
     */
    @Override
    public CompletableFuture<Long> append(Lane lane, byte[] payload) {
        if (lane == null || payload == null) {
            metrics.rejected("invalid");
            log.warn("journal append refused reason=missing_lane_or_payload lane={}", lane);
            return CompletableFuture.failedFuture(new IllegalArgumentException("lane and payload are required"));
        }
        if (payload.length > settings.maxRecordBytes()) {
            metrics.rejected("too_large");
            log.warn("journal append refused reason=too_large lane={} bytes={} maxRecordBytes={}", lane,
                    payload.length, settings.maxRecordBytes());
            return CompletableFuture.failedFuture(new IllegalArgumentException("payload of " + payload.length
                    + " bytes exceeds maxRecordBytes " + settings.maxRecordBytes()));
        }
        return writer.append(lane, payload);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Each in-flight entry costs ~100 bytes of heap and its payload is read into memory: keep
     * {@code max} and the entries held in flight within the publisher's window. A record that fails its
     * checksum when read is dead-lettered instead of returned.
     */
    @Override
    public List<JournalEntry> take(int max) {
        if (closed.get()) {
            throw new IllegalStateException("journal is closed");
        }
        if (max <= 0) {
            return List.of();
        }
        List<JournalState.Located> taken = state.take(max);
        List<JournalEntry> entries = new ArrayList<>(taken.size());
        for (int i = 0; i < taken.size(); i++) {
            JournalState.Located located = taken.get(i);
            try {
                entries.add(located.segment().read(located.entry()));
            } catch (Segment.CorruptRecordException corrupt) {
                metrics.corruptReads.increment();
                log.error("journal record corrupt id={} lane={} action=dead_letter detail={}", located.entry().id(),
                        located.entry().lane(), corrupt.getMessage());
                deadLetter(located.entry().id(), "checksum mismatch when read back: " + corrupt.getMessage());
            } catch (IOException e) {
                log.error("journal read failed id={} reason={} action=entries_back_to_stored",
                        located.entry().id(), e.toString());
                for (int j = i; j < taken.size(); j++) {
                    state.release(taken.get(j).entry().id());
                }
                break;
            }
        }
        return entries;
    }

    @Override
    public void confirm(long id) {
        JournalState.Located located = state.confirm(id);
        if (located == null) {
            ignored("confirm", id);
            return;
        }
        metrics.confirms.increment();
        writer.ack(id, located.segment());
    }

    @Override
    public void release(long id) {
        if (state.release(id)) {
            metrics.releases.increment();
        } else {
            ignored("release", id);
        }
    }

    @Override
    public void deadLetter(long id, String reason) {
        JournalState.Located located = state.leaveForDeadLetter(id);
        if (located == null) {
            ignored("deadLetter", id);
            return;
        }
        metrics.deadLetters.increment();
        log.warn("journal dead letter id={} lane={} reason={}", id, located.entry().lane(), reason);
        writer.bury(located.entry(), located.segment(), reason);
    }

    private void ignored(String operation, long id) {
        metrics.ignoredSettlements.increment();
        log.debug("journal settlement ignored operation={} id={} reason=neither_in_flight_nor_released",
                operation, id);
    }

    /** Also called at once when entries are already waiting, so that a late subscriber misses nothing. */
    @Override
    public void onAvailable(Runnable listener) {
        listeners.add(listener);
        if (state.stored() > 0) {
            runListener(listener);
        }
    }

    private void notifyAvailable() {
        for (Runnable listener : listeners) {
            runListener(listener);
        }
    }

    private static void runListener(Runnable listener) {
        try {
            listener.run();
        } catch (RuntimeException e) {
            log.warn("journal listener failed reason={}", e.toString(), e);
        }
    }

    @Override
    public JournalStats stats() {
        long bytes = writer.diskBytes();
        double used = Math.max((double) (bytes - writer.reclaimableBytes()) / settings.maxBytes(),
                (double) state.unconfirmed() / settings.maxEntries());
        return new JournalStats(state.stored(), state.inFlight(), state.deadLetteredCount(), bytes,
                Math.min(1.0, used));
    }

    /** Commits what is queued, then closes the files; entries in flight are simply unconfirmed on disk. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        writer.close();
        metrics.close();
        try {
            for (Segment segment : state.segments()) {
                segment.close();
            }
            deadLetters.close();
            lockChannel.close();
        } catch (IOException e) {
            log.warn("journal close failed dir={} reason={}", settings.directory(), e.toString());
        }
        log.info("journal closed dir={}", settings.directory());
    }
}
