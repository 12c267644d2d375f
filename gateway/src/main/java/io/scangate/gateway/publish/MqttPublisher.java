package io.scangate.gateway.publish;

import io.micrometer.core.instrument.MeterRegistry;
import io.scangate.gateway.journal.Journal;
import io.scangate.gateway.journal.JournalEntry;
import io.scangate.gateway.retry.Backoff;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongUnaryOperator;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the journal to an MQTT 5 broker at QoS 1 and confirms each entry only on its PUBACK.
 *
 * <p>Every decision runs on one single-threaded scheduler ("the loop"); Paho's callbacks only hand events
 * to it. The loop keeps at most {@code window} publishes unacknowledged, where the window is the smaller of
 * {@link MqttSettings#maxInFlight()} and the broker's Receive Maximum. When the connection drops, the
 * unacknowledged entries go back to the journal and are sent again, with the same bytes and event id, on
 * the next connection: duplicates are possible, loss is not.
 */
public final class MqttPublisher implements Publisher {

    private static final Logger log = LoggerFactory.getLogger(MqttPublisher.class);
    /** Paho's "Too many publishes in progress": its slot frees only after our completion callback ran. */
    static final int TOO_MANY_PUBLISHES = MqttClientException.REASON_CODE_MAX_INFLIGHT;
    /** Retry after a 32202 when no acknowledgement is pending that would wake the loop anyway. */
    private static final Duration SLOT_RETRY = Duration.ofMillis(10);
    private static final int FIRST_ERROR_REASON_CODE = 0x80;

    /** Creates one Paho client per connection attempt; a seam for unit tests. */
    interface ClientFactory {
        MqttAsyncClient create(String serverUri, String clientId) throws MqttException;
    }

    /** {@code imageSha256} is set for an image chunk, whose settlement unpins its blob. */
    private record InFlight(long id, int connection, Instant receivedAt, String imageSha256) {
    }

    private final MqttSettings settings;
    private final Journal journal;
    private final PublishMetrics metrics;
    private final TopicScheme topics;
    private final MessageFactory messages;
    private final PublishableEntries publishable;
    private final ChunkSource chunks;
    private final Backoff retryBackoff;
    private final BrokerConnection broker;
    private final ScheduledExecutorService loop;
    private final AtomicBoolean drainRequested = new AtomicBoolean();
    private final Completions completions = new Completions(this::run, this::settle);
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean connected;

    // Owned by the loop thread.
    private final NavigableMap<Long, InFlight> inFlight = new TreeMap<>();
    private boolean retryScheduled;
    private boolean stopping;
    private CompletableFuture<Void> drainedOnStop;
    private int window = 1;
    private long maxPacketSize = Long.MAX_VALUE;

    public MqttPublisher(MqttSettings settings, Journal journal, MeterRegistry registry) {
        this(settings, journal, registry, ChunkSource.NONE);
    }

    /** @param chunks fills image chunks from the blob store at publish time */
    public MqttPublisher(MqttSettings settings, Journal journal, MeterRegistry registry, ChunkSource chunks) {
        this(settings, journal, registry,
                (uri, clientId) -> new MqttAsyncClient(uri, clientId, new MemoryPersistence()),
                bound -> ThreadLocalRandom.current().nextLong(bound + 1), chunks);
    }

    MqttPublisher(MqttSettings settings, Journal journal, MeterRegistry registry, ClientFactory clientFactory,
            LongUnaryOperator jitter) {
        this(settings, journal, registry, clientFactory, jitter, ChunkSource.NONE);
    }

    /**
     * @param clientFactory Paho clients keep no state of their own ({@link MemoryPersistence}): the journal
     *     is the durable copy, and a fresh client per connection never replays behind our back
     * @param jitter given a bound, a uniform value in [0, bound]
     */
    MqttPublisher(MqttSettings settings, Journal journal, MeterRegistry registry, ClientFactory clientFactory,
            LongUnaryOperator jitter, ChunkSource chunks) {
        this.chunks = chunks;
        List<String> problems = settings.validate();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid MQTT settings: " + String.join("; ", problems));
        }
        this.settings = settings;
        this.journal = journal;
        this.metrics = new PublishMetrics(registry);
        this.topics = new TopicScheme(settings.site(), settings.gatewayId());
        this.messages = new MessageFactory(settings);
        this.publishable = new PublishableEntries(journal, metrics, topics, chunks);
        this.retryBackoff = new Backoff(settings.reconnectMin(), settings.reconnectMax(), jitter);
        ScheduledThreadPoolExecutor singleThread = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "scangate-publisher");
            thread.setDaemon(true);
            return thread;
        });
        // Pending reconnects and backoff resets mean nothing once closed; do not wait for them.
        singleThread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.loop = singleThread;
        this.broker = new BrokerConnection(settings, topics, messages, clientFactory,
                new Backoff(settings.reconnectMin(), settings.reconnectMax(), jitter), metrics, loop, this::run,
                new BrokerConnection.Listener() {
                    @Override
                    public void connectionUp(int connection, int newWindow, long newMaxPacketSize) {
                        window = newWindow;
                        maxPacketSize = newMaxPacketSize;
                        String tooSmall = chunks.checkMaxPacketSize(newMaxPacketSize);
                        if (tooSmall != null) {
                            log.error("event=broker_packet_limit_below_image_chunk broker={} reason=\"{}\"",
                                    settings.serverUri(), tooSmall);
                        }
                        connected = true;
                        drain();
                    }

                    @Override
                    public void connectionDown() {
                        connected = false;
                        releaseAllInFlight();
                    }
                });
    }

    @Override
    public void start() {
        if (started.compareAndSet(false, true)) {
            journal.onAvailable(this::requestDrain);
            run(broker::connect);
        }
    }

    @Override
    public boolean connected() {
        return connected;
    }

    /** The in-flight limit of the current connection: min(maxInFlight, broker Receive Maximum). */
    public int window() {
        return metrics.window.get();
    }

    /** Publishes sent and not yet acknowledged. */
    public int inFlight() {
        return metrics.inFlight.get();
    }

    @Override
    public void close() {
        if (!started.get() || loop.isShutdown()) {
            loop.shutdownNow();
            return;
        }
        CompletableFuture<Void> drained = new CompletableFuture<>();
        run(() -> {
            stopping = true;
            drainedOnStop = drained;
            completeDrainIfIdle();
        });
        await(drained, settings.closeTimeout(), "acknowledgements in flight");
        CompletableFuture<Void> disconnected = new CompletableFuture<>();
        run(() -> {
            broker.close();
            disconnected.complete(null);
        });
        await(disconnected, settings.closeTimeout().multipliedBy(3), "disconnect");
        loop.shutdown();
        try {
            loop.awaitTermination(settings.closeTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- draining ----------------------------------------------------------------------------------

    private void requestDrain() {
        if (drainRequested.compareAndSet(false, true)) {
            run(() -> {
                drainRequested.set(false);
                drain();
            });
        }
    }

    private void drain() {
        if (!broker.up() || stopping || retryScheduled) {
            return;
        }
        while (inFlight.size() < window) {
            List<JournalEntry> batch = journal.take(window - inFlight.size());
            if (batch.isEmpty()) {
                return;
            }
            for (int i = 0; i < batch.size(); i++) {
                if (!publish(batch.get(i))) {
                    batch.subList(i + 1, batch.size()).forEach(rest -> journal.release(rest.id()));
                    return;
                }
            }
        }
    }

    /** Returns false when the loop must stop taking for now (back-pressure, failure). */
    private boolean publish(JournalEntry entry) {
        PublishableEntries.Outgoing outgoing = publishable.prepare(entry, maxPacketSize);
        if (outgoing == null) {
            return true;
        }
        if (outgoing == PublishableEntries.RETRY_LATER) {
            journal.release(entry.id());
            scheduleRetry();
            return false;
        }
        int attempt = broker.id();
        inFlight.put(entry.id(), new InFlight(entry.id(), attempt, outgoing.header().receiveTime(),
                outgoing.imageSha256()));
        try {
            broker.client().publish(outgoing.topic(), messages.forEnvelope(outgoing.header(), outgoing.payload()), null,
                    completions.listener(entry.id(), attempt));
            metrics.sent.increment();
            metrics.inFlight.set(inFlight.size());
            return true;
        } catch (MqttException e) {
            inFlight.remove(entry.id());
            journal.release(entry.id());
            if (e.getReasonCode() == TOO_MANY_PUBLISHES) {
                metrics.backPressure.increment();
                loop.schedule(this::requestDrain, SLOT_RETRY.toMillis(), TimeUnit.MILLISECONDS);
                return false;
            }
            if (e.getReasonCode() == MqttClientException.REASON_CODE_CLIENT_NOT_CONNECTED) {
                // The connection just dropped; its lost-connection event is already on its way to the loop.
                return false;
            }
            metrics.failed.increment();
            log.warn("event=publish_failed id={} device={} topic={} reason={}", entry.id(),
                    DeviceTopics.deviceId(outgoing.header().device()), outgoing.topic(), describe(e));
            scheduleRetry();
            return false;
        }
    }

    private void settle(List<Completions.Completion> batch) {
        boolean acked = false;
        for (Completions.Completion completion : batch) {
            if (completion.acked()) {
                acked |= onAcked(completion.id(), completion.connection(), completion.reasonCodes());
            } else {
                onPublishFailed(completion.id(), completion.connection(), completion.failure());
            }
        }
        completeDrainIfIdle();
        if (acked) {
            drain();
        }
    }

    /** Returns whether the completion was one of ours (a PUBACK of this connection's publish). */
    private boolean onAcked(long id, int attempt, int[] reasonCodes) {
        InFlight sent = inFlight.get(id);
        if (sent == null || sent.connection() != attempt) {
            return false;
        }
        inFlight.remove(id);
        metrics.inFlight.set(inFlight.size());
        int reasonCode = reasonCodes == null || reasonCodes.length == 0 ? 0 : reasonCodes[0];
        if (reasonCode >= FIRST_ERROR_REASON_CODE) {
            journal.release(id);
            metrics.failed.increment();
            log.warn("event=publish_rejected id={} reasonCode=0x{}", id, Integer.toHexString(reasonCode));
            scheduleRetry();
        } else {
            journal.confirm(id);
            metrics.acked.increment();
            if (sent.imageSha256() != null) {
                chunks.settled(sent.imageSha256());
            }
            if (sent.receivedAt() != null) {
                Duration latency = Duration.between(sent.receivedAt(), Instant.now());
                if (!latency.isNegative()) {
                    metrics.latency.record(latency);
                }
            }
            retryBackoff.reset();
        }
        return true;
    }

    private void onPublishFailed(long id, int attempt, Throwable cause) {
        InFlight sent = inFlight.get(id);
        if (sent == null || sent.connection() != attempt) {
            return;
        }
        inFlight.remove(id);
        metrics.inFlight.set(inFlight.size());
        journal.release(id);
        if (broker.up()) {
            metrics.failed.increment();
            log.warn("event=publish_failed id={} reason={}", id, describe(cause));
            scheduleRetry();
        }
    }

    /** Pauses taking after a failure that is not a lost connection, so that a rejecting broker is no hot loop. */
    private void scheduleRetry() {
        if (retryScheduled) {
            return;
        }
        retryScheduled = true;
        Duration delay = retryBackoff.next();
        loop.schedule(() -> guarded(() -> {
            retryScheduled = false;
            drain();
        }), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void releaseAllInFlight() {
        inFlight.keySet().forEach(journal::release);
        inFlight.clear();
        metrics.inFlight.set(0);
        completeDrainIfIdle();
    }

    private void completeDrainIfIdle() {
        if (stopping && drainedOnStop != null && inFlight.isEmpty()) {
            drainedOnStop.complete(null);
        }
    }

    // ---- plumbing --------------------------------------------------------------------------------

    /** Hands a task to the loop; after close there is nothing left to do with late callbacks. */
    private void run(Runnable task) {
        try {
            loop.execute(() -> guarded(task));
        } catch (RejectedExecutionException e) {
            log.debug("event=publisher_closed_task_dropped");
        }
    }

    private void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.error("event=publisher_loop_error reason={}", describe(e), e);
            scheduleRetry();
        }
    }

    private void await(CompletableFuture<Void> future, Duration timeout, String what) {
        try {
            future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("event=publisher_close_timeout waitingFor={} timeoutMs={}", what, timeout.toMillis());
        } catch (ExecutionException e) {
            log.warn("event=publisher_close_failed waitingFor={} reason={}", what, describe(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String describe(Throwable cause) {
        if (cause instanceof MqttException mqtt) {
            return mqtt.getReasonCode() + " " + mqtt.getMessage();
        }
        return cause == null ? "unknown" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
