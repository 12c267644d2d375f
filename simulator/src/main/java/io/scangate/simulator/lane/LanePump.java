package io.scangate.simulator.lane;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Drives one lane: keeps its simulated clock and, on every tick of the event-loop timer, writes every line due
 * up to the simulated now in one flush, so that a high acceleration costs one task per tick, not one per line.
 * The clock runs only while a client is connected and can take more bytes (channel writable): ground truth then
 * lists only what was handed to the connection. Confined to the lane's event loop.
 */
public final class LanePump {

    private static final Logger log = LoggerFactory.getLogger(LanePump.class);

    private final String laneId;
    private final LaneSource source;
    private final double acceleration;
    private final long tickNanos;
    private final long slowByteDelayNanos;
    private final int maxLinesPerTick;
    private final LaneListener listener;
    private final OccupancyTracker tracker = new OccupancyTracker();

    private volatile Channel channel;
    private ScheduledFuture<?> ticker;
    private double simMillis;
    private long lastTickNanos;
    private Emission slowLine;
    private int slowOffset;
    private long nextSlowByteNanos;
    private boolean exhaustedReported;

    /**
     * @param acceleration    simulated time per real time (1 = real time, 1000 = a 10 s occupancy in 10 ms)
     * @param tick            real time between two ticks
     * @param slowByteDelay   real time between two bytes of a slow line (at most one byte per tick)
     * @param maxLinesPerTick cap on lines written in one tick, so that one lane cannot monopolise its loop
     */
    public LanePump(String laneId, LaneSource source, double acceleration, Duration tick, Duration slowByteDelay,
                    int maxLinesPerTick, LaneListener listener) {
        if (!(acceleration > 0) || tick.isZero() || tick.isNegative() || maxLinesPerTick < 1) {
            throw new IllegalArgumentException("acceleration > 0, tick > 0 and maxLinesPerTick >= 1 required");
        }
        this.laneId = laneId;
        this.source = source;
        this.acceleration = acceleration;
        this.tickNanos = tick.toNanos();
        this.slowByteDelayNanos = slowByteDelay.toNanos();
        this.maxLinesPerTick = maxLinesPerTick;
        this.listener = listener;
    }

    /**
     * Starts sending to {@code client}. A client already served is closed first: the newest connection takes the
     * lane over, so that a gateway reconnecting before the device noticed its old connection die is not locked out.
     */
    void attach(Channel client) {
        Channel previous = channel;
        if (previous != null) {
            log.warn("lane={} reason=new-client-takes-over previous={} remote={}", laneId, previous.remoteAddress(),
                    client.remoteAddress());
            detach(previous);
            previous.close();
        }
        channel = client;
        lastTickNanos = System.nanoTime();
        source.clientConnected(simulatedMillis());
        ticker = client.eventLoop().scheduleAtFixedRate(this::tick, 0, tickNanos, TimeUnit.NANOSECONDS);
        log.info("lane={} event=client-connected remote={} simMillis={}", laneId, client.remoteAddress(),
                simulatedMillis());
    }

    /** The client is gone: the clock stops, an occupancy in progress is recorded as interrupted and dropped. */
    void detach(Channel client) {
        if (channel != client) {
            return;
        }
        ticker.cancel(false);
        channel = null;
        slowLine = null;
        if (tracker.isOpen()) {
            OccupancyPlan plan = tracker.plan();
            listener.occupancyWritten(tracker.close(laneId, true));
            source.abandon(plan);
            log.info("lane={} event=occupancy-interrupted index={}", laneId, plan.index());
        }
        log.info("lane={} event=client-disconnected simMillis={}", laneId, simulatedMillis());
    }

    /** Whether a client is served now; safe from any thread. */
    public boolean clientConnected() {
        return channel != null;
    }

    long simulatedMillis() {
        return (long) simMillis;
    }

    private void tick() {
        Channel client = channel;
        if (client == null) {
            return;
        }
        long now = System.nanoTime();
        if (client.isWritable()) {
            simMillis += (now - lastTickNanos) / 1e6 * acceleration;
        }
        lastTickNanos = now;
        if (slowLine != null) {
            writeSlowByte(client, now);
            return;
        }
        int lines = 0;
        while (lines < maxLinesPerTick && client.isActive() && client.isWritable()) {
            Emission emission = source.next(simulatedMillis());
            if (emission == null) {
                break;
            }
            lines += perform(client, emission, now);
            if (slowLine != null) {
                break;
            }
        }
        client.flush();
        reportExhaustion();
    }

    private int perform(Channel client, Emission emission, long now) {
        switch (emission.kind()) {
            case OCCUPANCY_START -> tracker.open(emission.occupancy());
            case OCCUPANCY_END -> {
                if (tracker.isOpen()) {
                    listener.occupancyWritten(tracker.close(laneId, false));
                }
            }
            case LINE -> {
                client.write(Unpooled.wrappedBuffer(emission.bytes()));
                tracker.written(emission.tag());
                return 1;
            }
            case SLOW_LINE -> {
                client.flush();
                tracker.written(emission.tag());
                slowLine = emission;
                slowOffset = 0;
                nextSlowByteNanos = now;
                writeSlowByte(client, now);
                return 1;
            }
            case DROP -> {
                log.info("lane={} event=fault-drop-mid-line bytes={}", laneId, emission.bytes().length);
                client.writeAndFlush(Unpooled.wrappedBuffer(emission.bytes()));
                client.close();
                ticker.cancel(false);
                return 1;
            }
        }
        return 0;
    }

    private void writeSlowByte(Channel client, long now) {
        if (now < nextSlowByteNanos) {
            return;
        }
        client.writeAndFlush(Unpooled.wrappedBuffer(slowLine.bytes(), slowOffset, 1));
        slowOffset++;
        nextSlowByteNanos = now + slowByteDelayNanos;
        if (slowOffset == slowLine.bytes().length) {
            slowLine = null;
        }
    }

    private void reportExhaustion() {
        if (!exhaustedReported && source.exhausted()) {
            exhaustedReported = true;
            listener.sourceExhausted(laneId);
        }
    }
}
