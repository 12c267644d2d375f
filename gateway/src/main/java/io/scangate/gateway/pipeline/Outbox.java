package io.scangate.gateway.pipeline;

import io.netty.util.concurrent.EventExecutor;
import io.scangate.gateway.journal.Journal;
import io.scangate.gateway.journal.JournalFullException;
import io.scangate.gateway.journal.Lane;
import io.scangate.gateway.metrics.GatewayMetrics;
import io.scangate.gateway.publish.TopicScheme;
import io.scangate.proto.v1.Envelope;
import java.time.Duration;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One device's way into the journal. An append the journal refuses (full, disk error) is kept here and
 * retried, never dropped; while anything waits, later messages queue behind it, and retries go back in
 * their original order. Appends already handed to the journal when a refusal comes back may land before
 * the refused one: the journal's order then differs from the device's, and the envelope's sequence (set
 * at emission) is what keeps the device's order for consumers. The queue cannot grow without bound
 * because a refusal pauses reading from every device.
 */
public final class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    /** {@code order} is the submission order: a retried record goes back exactly where it was. */
    private record Pending(long order, Lane lane, byte[] payload, String kind, Envelope envelope) {
    }

    private final String deviceId;
    private final EventExecutor executor;
    private final Journal journal;
    private final GatewayMetrics metrics;
    private final Runnable onJournalFull;
    private final Duration retryDelay;
    private final Consumer<Envelope> journalled;
    private final PriorityQueue<Pending> waiting = new PriorityQueue<>(Comparator.comparingLong(Pending::order));
    private long submitted;
    private boolean retryScheduled;
    private long pendingAppends;

    Outbox(String deviceId, EventExecutor executor, Journal journal, GatewayMetrics metrics,
           Runnable onJournalFull, Duration retryDelay, Consumer<Envelope> journalled) {
        this.deviceId = deviceId;
        this.executor = executor;
        this.journal = journal;
        this.metrics = metrics;
        this.onJournalFull = onJournalFull;
        this.retryDelay = retryDelay;
        this.journalled = journalled;
    }

    public void submit(Envelope envelope) {
        String kind = TopicScheme.kind(envelope.getBodyCase());
        Pending record = new Pending(submitted++, LanePolicy.of(envelope), envelope.toByteArray(), kind, envelope);
        metrics.eventEmitted(deviceId, kind);
        if (waiting.isEmpty() && !retryScheduled) {
            append(record);
        } else {
            waiting.add(record);
        }
    }

    /**
     * One attempt, no retry: the caller learns whether the message is durable and, if not, tells the
     * device (which still holds the result) to try again later.
     */
    public CompletableFuture<Void> submitOnce(Envelope envelope) {
        String kind = TopicScheme.kind(envelope.getBodyCase());
        metrics.eventEmitted(deviceId, kind);
        CompletableFuture<Void> durable = new CompletableFuture<>();
        pendingAppends++;
        journal.append(LanePolicy.of(envelope), envelope.toByteArray()).whenComplete((id, error) -> executor.execute(() -> {
            pendingAppends--;
            if (error == null) {
                metrics.eventJournalled(deviceId, kind);
                journalled.accept(envelope);
                durable.complete(null);
            } else {
                Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                metrics.appendRefused(deviceId, cause instanceof JournalFullException ? "journal_full" : "io_error");
                if (cause instanceof JournalFullException) {
                    onJournalFull.run();
                }
                durable.completeExceptionally(cause);
            }
        }));
        return durable;
    }

    /** Messages accepted but not yet durable in the journal (queued for retry or being written). */
    public long pending() {
        return waiting.size() + pendingAppends;
    }

    private void append(Pending record) {
        pendingAppends++;
        journal.append(record.lane(), record.payload()).whenComplete((id, error) -> executor.execute(() -> {
            pendingAppends--;
            if (error == null) {
                metrics.eventJournalled(deviceId, record.kind());
                journalled.accept(record.envelope());
                drainWaiting();
            } else {
                refused(record, error instanceof CompletionException ? error.getCause() : error);
            }
        }));
    }

    /** Appends held-back records one at a time, so that a second refusal cannot reorder them. */
    private void drainWaiting() {
        if (!retryScheduled && pendingAppends == 0 && !waiting.isEmpty()) {
            append(waiting.poll());
        }
    }

    private void refused(Pending record, Throwable cause) {
        waiting.add(record);
        boolean full = cause instanceof JournalFullException;
        metrics.appendRetried(deviceId, full ? "journal_full" : "io_error");
        if (full) {
            log.warn("device={} reason=journal_full detail=\"{}\" action=retry_and_pause_reading", deviceId, cause.getMessage());
            onJournalFull.run();
        } else {
            log.error("device={} reason=journal_append_failed detail=\"{}\" action=retry", deviceId, cause.toString());
        }
        if (!retryScheduled) {
            retryScheduled = true;
            executor.schedule(() -> {
                retryScheduled = false;
                drainWaiting();
            }, retryDelay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
