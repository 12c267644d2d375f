package io.scangate.simulator;

import io.netty.channel.EventLoop;
import io.netty.channel.nio.NioEventLoopGroup;
import io.scangate.simulator.lane.LaneListener;
import io.scangate.simulator.lane.LanePump;
import io.scangate.simulator.lane.LaneSource;
import io.scangate.simulator.lane.Vm250LaneServer;
import io.scangate.simulator.replay.DailyFile;
import io.scangate.simulator.replay.ReplaySource;
import io.scangate.simulator.scenario.ScheduledVm250Scenario;
import io.scangate.simulator.scenario.Vm250Scenario;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running set of simulated VM-250 lanes, each a TCP server that a gateway connects to. A lane's clock runs only
 * while a client is connected (and reading), so the ground truth lists what was really written to that client.
 *
 * <pre>{@code
 * try (Simulator sim = Simulator.start(SimulatorOptions.builder().lanes(3).seed(42).acceleration(1000)
 *         .maxOccupanciesPerLane(100).build())) {
 *     int port = sim.port("lane-1");
 *     ... connect the gateway ...
 *     sim.awaitCompleted(Duration.ofMinutes(1));
 *     List<OccupancyTruth> truth = sim.groundTruth();
 * }
 * }</pre>
 */
public final class Simulator implements AutoCloseable {

    private final AtomicBoolean closed = new AtomicBoolean();

    private static final Logger log = LoggerFactory.getLogger(Simulator.class);

    private final SimulatorOptions options;
    private final NioEventLoopGroup group;
    private final GroundTruthLog truth;
    private final Map<String, Vm250LaneServer> servers = new LinkedHashMap<>();
    private final Map<String, LaneSource> sources = new LinkedHashMap<>();
    private final Set<String> exhaustedLanes = new HashSet<>();
    private final Object progressMonitor = new Object();

    private Simulator(SimulatorOptions options) {
        this.options = options;
        this.truth = new GroundTruthLog(options.groundTruthFile());
        this.group = new NioEventLoopGroup(Math.min(options.laneIds().size(),
                Math.max(1, Runtime.getRuntime().availableProcessors())));
    }

    /** Binds every lane and starts serving; lanes send nothing until a client connects. */
    public static Simulator start(SimulatorOptions options) {
        Simulator simulator = new Simulator(options);
        try {
            simulator.startLanes();
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
        return simulator;
    }

    public List<String> laneIds() {
        return options.laneIds();
    }

    /** The TCP port of a lane. */
    public int port(String laneId) {
        Vm250LaneServer server = servers.get(laneId);
        if (server == null) {
            throw new IllegalArgumentException("no lane " + laneId + "; lanes are " + servers.keySet());
        }
        return server.port();
    }

    /** Whether a client (the gateway) is connected to the lane now: its clock runs only then. */
    public boolean isClientConnected(String laneId) {
        port(laneId);
        return servers.get(laneId).clientConnected();
    }

    /** Every occupancy written so far, all lanes, in the order they ended. */
    public List<OccupancyTruth> groundTruth() {
        return truth.snapshot();
    }

    /** Occupancies written so far on every lane (interrupted ones included). */
    public int completedOccupancies() {
        return truth.snapshot().size();
    }

    /**
     * Waits until every lane has written its {@code maxOccupanciesPerLane} occupancies, or for a replay without
     * loop until every lane has sent its whole file.
     *
     * @return false when the timeout passed first
     * @throws IllegalStateException when the run has no end (no limit, or a looping replay)
     */
    public boolean awaitCompleted(Duration timeout) throws InterruptedException {
        if (options.isReplay() ? options.replayLoop() : options.maxOccupanciesPerLane() == 0) {
            throw new IllegalStateException(
                    "this run never completes: set maxOccupanciesPerLane, or replay without loop");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progressMonitor) {
            while (!isCompleted()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(progressMonitor, left);
            }
        }
        return true;
    }

    /**
     * Puts {@code fault} into the next occupancy that starts on {@code laneId} (one shot). Does nothing visible when
     * the lane has no occupancy left to start.
     */
    public void inject(String laneId, Fault fault) {
        if (!(sources.get(laneId) instanceof Vm250Scenario scenario)) {
            throw new IllegalArgumentException("faults are injected into scenario lanes; no such lane " + laneId);
        }
        scenario.inject(fault);
    }

    /**
     * Starts an occupancy on a scheduled lane at its next tick (a few ms), lasting {@code durationMillis} of
     * simulated time, with GA lines when {@code gammaAlarm}. Safe from any thread.
     *
     * @return false, and nothing is played, when no client is connected to the lane: the occupancy is lost to
     *     the gateway as a real one would be
     */
    public boolean occupy(String laneId, long durationMillis, boolean gammaAlarm) {
        if (!(sources.get(laneId) instanceof ScheduledVm250Scenario scheduled)) {
            throw new IllegalArgumentException("occupancies are scheduled on scheduled lanes "
                    + options.scheduledLanes() + "; not on " + laneId);
        }
        if (!isClientConnected(laneId)) {
            log.warn("lane={} reason=occupancy-without-client durationMillis={}", laneId, durationMillis);
            return false;
        }
        scheduled.occupy(durationMillis, gammaAlarm);
        return true;
    }

    /** Closes every connection and server, and the ground-truth file. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        servers.values().forEach(Vm250LaneServer::close);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        truth.close();
    }

    private boolean isCompleted() {
        if (options.isReplay()) {
            return exhaustedLanes.size() == options.laneIds().size();
        }
        return options.laneIds().stream().filter(lane -> !options.scheduledLanes().contains(lane))
                .allMatch(lane -> truth.count(lane) >= options.maxOccupanciesPerLane());
    }

    private void startLanes() {
        DailyFile dailyFile = options.isReplay() ? readDailyFile() : null;
        SplittableRandom laneSeeds = new SplittableRandom(options.seed());
        LaneListener listener = new Listener();
        List<String> ids = new ArrayList<>(options.laneIds());
        for (int i = 0; i < ids.size(); i++) {
            String laneId = ids.get(i);
            long laneSeed = laneSeeds.nextLong();
            LaneSource source = dailyFile != null ? new ReplaySource(dailyFile, options.replayLoop())
                    : options.scheduledLanes().contains(laneId)
                    ? new ScheduledVm250Scenario(laneId, options.scenario(), laneSeed)
                    : new Vm250Scenario(options.scenario(), options.faults(), laneSeed,
                            options.maxOccupanciesPerLane());
            LanePump pump = new LanePump(laneId, source, options.acceleration(), options.tick(),
                    options.faults().slowByteDelay(), options.maxLinesPerTick(), listener);
            EventLoop loop = group.next();
            int port = options.portBase() == 0 ? 0 : options.portBase() + i;
            Vm250LaneServer server = new Vm250LaneServer(laneId, options.host(), port, loop, pump);
            servers.put(laneId, server);
            sources.put(laneId, source);
            log.info("lane={} event=listening host={} port={} mode={}", laneId, options.host(), server.port(),
                    dailyFile != null ? "replay" : source instanceof ScheduledVm250Scenario ? "scheduled" : "scenario");
            if (dailyFile != null && !options.progressInterval().isZero()) {
                long every = options.progressInterval().toNanos();
                loop.scheduleAtFixedRate(() -> reportProgress(laneId, source, System.err), every, every,
                        TimeUnit.NANOSECONDS);
            }
        }
    }

    private DailyFile readDailyFile() {
        try {
            return DailyFile.read(options.replayFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read daily file " + options.replayFile(), e);
        }
    }

    private static void reportProgress(String laneId, LaneSource source, PrintStream out) {
        source.progress().ifPresent(progress -> out.println("replay lane=" + laneId + " " + progress));
    }

    private final class Listener implements LaneListener {
        @Override
        public void occupancyWritten(OccupancyTruth occupancy) {
            truth.add(occupancy);
            synchronized (progressMonitor) {
                progressMonitor.notifyAll();
            }
        }

        @Override
        public void sourceExhausted(String laneId) {
            synchronized (progressMonitor) {
                exhaustedLanes.add(laneId);
                progressMonitor.notifyAll();
            }
        }
    }
}
