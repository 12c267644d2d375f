package io.scangate.gateway.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal's single writer thread. It takes whatever appends, confirmations and dead letters are
 * waiting, writes them, forces each touched file once (group commit) and only then completes the appends'
 * futures and makes the new entries takeable. It alone assigns ids, enforces quotas and deletes segments.
 */
final class GroupCommitWriter implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);
    private static final int STAGING_BYTES = 1 << 20;
    private static final Object CLOSE = new Object();

    private record Append(Lane lane, byte[] payload, CompletableFuture<Long> future) {
    }

    private record Ack(long id, Segment segment) {
    }

    private record Bury(IndexEntry entry, Segment segment, String reason) {
    }

    private final JournalSettings settings;
    private final JournalState state;
    private final DeadLetterFile deadLetters;
    private final JournalMetrics metrics;
    private final Runnable onAvailable;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final AtomicLong pendingBytes = new AtomicLong();
    private final ByteBuffer staging = ByteBuffer.allocateDirect(STAGING_BYTES);
    private final Thread thread;
    private volatile boolean closing;
    private volatile IOException failure;
    private volatile long diskBytes;
    private volatile long reclaimableBytes;
    private Segment active;
    private long nextId;
    private boolean createdSegment;
    private int batchRecords;

    GroupCommitWriter(JournalSettings settings, JournalState state, DeadLetterFile deadLetters,
            JournalMetrics metrics, long nextId, Runnable onAvailable) throws IOException {
        this.settings = settings;
        this.state = state;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.nextId = nextId;
        this.onAvailable = onAvailable;
        List<Segment> segments = state.segments();
        if (segments.isEmpty()) {
            active = Segment.create(settings.directory(), nextId);
            active.forceLog();
            state.addSegment(active);
            Segment.fsyncDirectory(settings.directory());
        } else {
            active = segments.get(segments.size() - 1);
        }
        recount();
        thread = new Thread(this, "scangate-journal-writer");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    long diskBytes() {
        return diskBytes;
    }

    /** Bytes of the active segment when all its entries are settled: the next purge frees them. */
    long reclaimableBytes() {
        return reclaimableBytes;
    }

    CompletableFuture<Long> append(Lane lane, byte[] payload) {
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        if (closing) {
            return CompletableFuture.failedFuture(new IllegalStateException("journal is closed"));
        }
        if (pendingBytes.addAndGet(payload.length) > settings.maxPendingBytes()) {
            pendingBytes.addAndGet(-payload.length);
            metrics.rejected("backlog");
            return CompletableFuture.failedFuture(new JournalFullException("journal writer backlog exceeds"
                    + " maxPendingBytes " + settings.maxPendingBytes() + "; the disk is slower than the arrivals"));
        }
        CompletableFuture<Long> future = new CompletableFuture<>();
        queue.add(new Append(lane, payload, future));
        if (closing && !thread.isAlive()) {
            failLeftovers();
        }
        return future;
    }

    void ack(long id, Segment segment) {
        queue.add(new Ack(id, segment));
    }

    void bury(IndexEntry entry, Segment segment, String reason) {
        queue.add(new Bury(entry, segment, reason));
    }

    /** Commits everything queued so far, stops the thread, fails what arrived after. */
    void close() {
        closing = true;
        queue.add(CLOSE);
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        failLeftovers();
    }

    /** Appends that raced with close: refused, never left hanging. */
    private void failLeftovers() {
        for (Object left = queue.poll(); left != null; left = queue.poll()) {
            if (left instanceof Append append) {
                append.future().completeExceptionally(new IllegalStateException("journal is closed"));
            }
        }
    }

    @Override
    public void run() {
        boolean closeSeen = false;
        while (!closeSeen) {
            List<Object> batch = new ArrayList<>();
            closeSeen = nextBatch(batch);
            if (batch.isEmpty()) {
                continue;
            }
            try {
                commit(batch);
            } catch (RuntimeException bug) {
                fail(new IOException("journal writer failed unexpectedly", bug), batch);
            }
        }
    }

    /** Fills {@code batch}; returns whether the close marker came. */
    private boolean nextBatch(List<Object> batch) {
        try {
            Object first = queue.take();
            if (first == CLOSE) {
                return true;
            }
            batch.add(first);
            long bytes = bytesOf(first);
            long lingerNanos = settings.commitInterval().toNanos();
            long deadline = System.nanoTime() + lingerNanos;
            while (bytes < settings.maxBatchBytes()) {
                Object next = lingerNanos > 0
                        ? queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS) : queue.poll();
                if (next == null) {
                    return false;
                }
                if (next == CLOSE) {
                    return true;
                }
                batch.add(next);
                bytes += bytesOf(next);
            }
            return false;
        } catch (InterruptedException interrupted) {
            log.warn("journal writer interrupted action=commit_queued_then_stop");
            queue.drainTo(batch);
            batch.remove(CLOSE);
            return true;
        }
    }

    private static long bytesOf(Object command) {
        return command instanceof Append append ? append.payload().length : RecordFormat.ACK_RECORD_BYTES;
    }

    private void commit(List<Object> batch) {
        long started = System.nanoTime();
        List<Append> appended = new ArrayList<>();
        List<IndexEntry> entries = new ArrayList<>();
        List<Bury> buried = new ArrayList<>();
        Set<Segment> touched = new LinkedHashSet<>();
        createdSegment = false;
        batchRecords = 0;
        for (Object command : batch) {
            if (command instanceof Append append) {
                pendingBytes.addAndGet(-append.payload().length);
            }
        }
        try {
            for (Object command : batch) {
                if (command instanceof Append append) {
                    IndexEntry entry = write(append, touched);
                    if (entry != null) {
                        appended.add(append);
                        entries.add(entry);
                    }
                } else if (command instanceof Ack ack) {
                    if (!ack.segment().deleted() && failure == null) {
                        ack.segment().appendAck(ack.id());
                        touched.add(ack.segment());
                    }
                } else if (command instanceof Bury bury && failure == null) {
                    deadLetters.bury(bury.entry(), bury.segment(), bury.reason());
                    buried.add(bury);
                }
            }
            flushStaging();
            for (Segment segment : touched) {
                segment.forceLog();
            }
            if (createdSegment) {
                Segment.fsyncDirectory(settings.directory());
            }
        } catch (IOException e) {
            fail(e, batch);
            return;
        }
        state.addStored(entries);
        metrics.committed(System.nanoTime() - started, entries.size());
        for (int i = 0; i < appended.size(); i++) {
            appended.get(i).future().complete(entries.get(i).id());
        }
        if (!entries.isEmpty()) {
            onAvailable.run();
        }
        settle(touched, buried);
    }

    /** Confirmations and dead letters are forced after the appends were released: callers need not wait. */
    private void settle(Set<Segment> touched, List<Bury> buried) {
        try {
            for (Segment segment : touched) {
                segment.forceAcks();
            }
            deadLetters.force();
        } catch (IOException e) {
            fail(e, List.of());
            return;
        }
        for (Bury bury : buried) {
            state.deadLettered(bury.segment());
        }
        try {
            deleteSettled();
        } catch (IOException e) {
            log.warn("journal segment delete failed reason={} detail=retried after the next commit", e.toString());
        }
        recount();
    }

    /** Writes one record into the staging buffer; null when it was refused (quota, earlier failure). */
    private IndexEntry write(Append append, Set<Segment> touched) throws IOException {
        if (failure != null) {
            append.future().completeExceptionally(failure);
            return null;
        }
        long bytes = RecordFormat.recordBytes(append.payload().length);
        if (!fits(bytes)) {
            flushStaging();
            purge();
        }
        if (!fits(bytes)) {
            metrics.rejected("full");
            append.future().completeExceptionally(new JournalFullException(String.format(
                    "journal quota reached: %d of %d bytes on disk, %d of %d entries unconfirmed; confirm or"
                            + " dead-letter entries, or raise the quota", diskBytes, settings.maxBytes(),
                    state.unconfirmed() + batchRecords, settings.maxEntries())));
            return null;
        }
        long activeBytes = active.size() + staging.position();
        if (activeBytes + bytes > settings.segmentBytes() && activeBytes > RecordFormat.SEGMENT_HEADER_BYTES) {
            flushStaging();
            touched.add(active);
            roll();
        }
        if (staging.remaining() < bytes) {
            flushStaging();
        }
        long id = nextId++;
        int offset = (int) (active.size() + staging.position());
        if (bytes > staging.capacity()) {
            ByteBuffer header = ByteBuffer.allocate(RecordFormat.RECORD_OVERHEAD);
            RecordFormat.putRecordHeader(header, id, append.lane(), append.payload());
            active.append(header.flip());
            active.append(ByteBuffer.wrap(append.payload()));
        } else {
            RecordFormat.putRecordHeader(staging, id, append.lane(), append.payload());
            staging.put(append.payload());
        }
        state.recordWritten(active);
        touched.add(active);
        diskBytes += bytes;
        batchRecords++;
        return new IndexEntry(id, append.lane(), offset, append.payload().length);
    }

    private boolean fits(long bytes) {
        return diskBytes + bytes + RecordFormat.SEGMENT_HEADER_BYTES <= settings.maxBytes()
                && state.unconfirmed() + batchRecords < settings.maxEntries();
    }

    private void flushStaging() throws IOException {
        if (staging.position() > 0) {
            staging.flip();
            active.append(staging);
            staging.clear();
        }
    }

    private void roll() throws IOException {
        Segment next = Segment.create(settings.directory(), nextId);
        state.addSegment(next);
        active = next;
        diskBytes += RecordFormat.SEGMENT_HEADER_BYTES;
        createdSegment = true;
    }

    /** Frees room for an append: settled segments go, the active one too (after a roll) when settled. */
    private void purge() throws IOException {
        if (state.fullySettled(active)) {
            active.forceLog();
            roll();
            active.forceLog();
            Segment.fsyncDirectory(settings.directory());
            createdSegment = false;
        }
        deleteSettled();
    }

    private void deleteSettled() throws IOException {
        List<Segment> settled = state.removeSettled(active);
        for (Segment segment : settled) {
            segment.delete();
            metrics.segmentsDeleted.increment();
            log.debug("journal segment deleted file={}", segment.logPath);
        }
        recount();
    }

    private void recount() {
        long bytes = deadLetters.size() + staging.position();
        for (Segment segment : state.segments()) {
            bytes += segment.bytesOnDisk();
        }
        diskBytes = bytes;
        reclaimableBytes = state.fullySettled(active) ? active.bytesOnDisk() : 0;
    }

    private void fail(IOException e, List<Object> batch) {
        failure = e;
        log.error("journal write failed reason={} action=refuse_appends_until_restart"
                + " detail=acknowledged entries stay on disk", e.toString(), e);
        metrics.rejected("io");
        for (Object command : batch) {
            if (command instanceof Append append) {
                append.future().completeExceptionally(e);
            }
        }
    }
}
