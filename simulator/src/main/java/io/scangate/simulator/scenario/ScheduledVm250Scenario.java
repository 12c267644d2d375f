package io.scangate.simulator.scenario;

import io.scangate.simulator.lane.Emission;
import io.scangate.simulator.lane.LaneSource;
import io.scangate.simulator.lane.OccupancyPlan;
import io.scangate.simulator.vm250.Vm250Encoder;
import io.scangate.simulator.vm250.Vm250Record;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A VM-250 lane whose occupancies someone else decides (a vehicle lane run): each {@link #occupy} starts an
 * occupancy at the lane's next tick, with the given duration and gamma alarm, built like the Poisson scenario's
 * ({@link OccupancyBuilder}); GB/NB background every interval while the lane is empty. Starting "now" rather
 * than at a simulated time keeps the occupancy on the caller's clock even when the lane's own clock paused
 * (no client, or a client not reading). Requests made while no client is connected are dropped when one
 * connects, as a real portal's occupancies are lost to a gateway that was not there.
 */
public final class ScheduledVm250Scenario implements LaneSource {

    private static final Logger log = LoggerFactory.getLogger(ScheduledVm250Scenario.class);
    private static final int COUNTER_MODULO = 1_000_000;

    /** One occupancy asked for. */
    private record Request(long durationMillis, boolean gammaAlarm) {
    }

    private final String laneId;
    private final ScenarioSettings settings;
    private final Draws draws;
    private final OccupancyBuilder builder;
    private final double[] gammaBackgroundCps = new double[4];
    private final Queue<Request> requests = new ConcurrentLinkedQueue<>();
    private final Deque<Emission> setup = new ArrayDeque<>();
    private final Deque<Emission> occupancy = new ArrayDeque<>();
    private final Deque<Emission> background = new ArrayDeque<>();
    private long nextBackgroundMillis;
    private long lastEndMillis = Long.MIN_VALUE;
    private volatile long planned;
    private int counter;

    public ScheduledVm250Scenario(String laneId, ScenarioSettings settings, long seed) {
        this.laneId = laneId;
        this.settings = settings;
        this.draws = new Draws(seed);
        for (int d = 0; d < 4; d++) {
            gammaBackgroundCps[d] = draws.uniform(settings.gammaBackgroundMinCps(), settings.gammaBackgroundMaxCps());
        }
        this.builder = new OccupancyBuilder(settings, FaultSettings.none(), draws, gammaBackgroundCps);
    }

    /** Starts an occupancy at the lane's next tick. Safe from any thread. */
    public void occupy(long durationMillis, boolean gammaAlarm) {
        if (durationMillis < OccupancyBuilder.GAMMA_INTERVAL_MILLIS) {
            throw new IllegalArgumentException("an occupancy lasts at least "
                    + OccupancyBuilder.GAMMA_INTERVAL_MILLIS + " ms, got " + durationMillis);
        }
        requests.add(new Request(durationMillis, gammaAlarm));
    }

    /** Occupancies started so far. */
    public long planned() {
        return planned;
    }

    @Override
    public Emission next(long dueByMillis) {
        if (!setup.isEmpty()) {
            return setup.pollFirst();
        }
        for (Request request = requests.poll(); request != null; request = requests.poll()) {
            plan(request, dueByMillis);
        }
        if (!occupancy.isEmpty()) {
            Emission head = occupancy.peekFirst();
            if (head.atMillis() > dueByMillis) {
                return null;
            }
            Emission due = occupancy.pollFirst();
            if (due.kind() == Emission.Kind.OCCUPANCY_END && occupancy.isEmpty()) {
                nextBackgroundMillis = due.atMillis() + intervalMillis();
            }
            return due;
        }
        if (background.isEmpty() && nextBackgroundMillis <= dueByMillis) {
            addBackground(nextBackgroundMillis);
            nextBackgroundMillis += intervalMillis();
        }
        return background.pollFirst();
    }

    @Override
    public void clientConnected(long nowMillis) {
        int dropped = 0;
        while (requests.poll() != null) {
            dropped++;
        }
        if (dropped > 0) {
            log.warn("lane={} reason=occupancies-without-client dropped={}", laneId, dropped);
        }
        setup.clear();
        for (Vm250Record record : Vm250Scenario.SETUP) {
            setup.add(Emission.line(nowMillis, Vm250Encoder.encode(record), record.tag(), null));
        }
        nextBackgroundMillis = nowMillis + intervalMillis();
    }

    @Override
    public void abandon(OccupancyPlan plan) {
        occupancy.removeIf(emission -> emission.occupancy() == plan);
    }

    private void plan(Request request, long nowMillis) {
        long gapMillis = Math.round(settings.minGapSeconds() * 1000);
        long start = nowMillis;
        if (lastEndMillis != Long.MIN_VALUE && start < lastEndMillis + gapMillis) {
            start = lastEndMillis + gapMillis;
            log.warn("lane={} reason=occupancy-overlaps-previous delayedMillis={}", laneId, start - nowMillis);
        }
        counter = (counter + 1) % COUNTER_MODULO;
        planned++;
        OccupancyPlan plan = new OccupancyPlan(planned, counter, start, start + request.durationMillis(), List.of());
        occupancy.addAll(builder.build(plan, request.gammaAlarm(), false));
        lastEndMillis = plan.endMillis();
        background.clear();
    }

    private void addBackground(long at) {
        Integer[] gamma = new Integer[4];
        Integer[] neutron = new Integer[4];
        for (int d = 0; d < 4; d++) {
            gamma[d] = draws.poisson(gammaBackgroundCps[d]);
            neutron[d] = draws.poisson(settings.neutronBackgroundCps() / 4);
        }
        background.add(Emission.line(at, Vm250Encoder.encode(new Vm250Record.Counts("GB", Arrays.asList(gamma))), "GB", null));
        background.add(Emission.line(at, Vm250Encoder.encode(new Vm250Record.Counts("NB", Arrays.asList(neutron))), "NB", null));
    }

    private long intervalMillis() {
        return Math.round(settings.backgroundIntervalSeconds() * 1000);
    }
}
