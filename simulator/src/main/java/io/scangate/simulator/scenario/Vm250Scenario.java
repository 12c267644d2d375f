package io.scangate.simulator.scenario;

import io.scangate.simulator.Fault;
import io.scangate.simulator.lane.Emission;
import io.scangate.simulator.lane.LaneSource;
import io.scangate.simulator.lane.OccupancyPlan;
import io.scangate.simulator.vm250.Vm250Encoder;
import io.scangate.simulator.vm250.Vm250Record;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One simulated VM-250 lane as a timeline in simulated milliseconds: GB/NB every 5 s while empty, Poisson vehicle
 * arrivals, each occupancy built by {@link OccupancyBuilder}, set-up lines whenever a client connects. The
 * timeline is generated lazily, one background pair or one occupancy at a time, so it can run for ever. The same
 * seed gives the same lane (faults injected on demand aside, as they land on whichever occupancy comes next).
 */
public final class Vm250Scenario implements LaneSource {

    static final List<Vm250Record> SETUP = List.of(
            new Vm250Record.Setup("SG1", List.of("002000", "000068", "05", "10", "05.0", "P")),
            new Vm250Record.Setup("SG2", List.of("1111", "0.069", "0.455", "01", "1010", "A")),
            new Vm250Record.Setup("SG3", List.of("0.069", "0.455", "020", "000", "1.10.1")),
            new Vm250Record.Setup("SN1", List.of("000050", "03", "0004", "1200", "01", "120")),
            new Vm250Record.Setup("SN2", List.of("0.504", "5.040", "0.504", "5.040", "PP")));
    private static final int COUNTER_MODULO = 1_000_000;

    private final ScenarioSettings settings;
    private final FaultSettings faultSettings;
    private final long maxOccupancies;
    private final Draws draws;
    private final double[] gammaBackgroundCps = new double[4];
    private final OccupancyBuilder builder;
    private final Deque<Emission> pending = new ArrayDeque<>();
    private final Queue<Fault> injected = new ConcurrentLinkedQueue<>();
    private long nextBackgroundMillis;
    private long nextArrivalMillis;
    private long planned;
    private int counter;

    /**
     * @param maxOccupancies occupancies to generate before the lane only sends background; 0 = no limit
     */
    public Vm250Scenario(ScenarioSettings settings, FaultSettings faultSettings, long seed, long maxOccupancies) {
        if (maxOccupancies < 0) {
            throw new IllegalArgumentException("maxOccupancies must be >= 0 (0 = no limit)");
        }
        this.settings = settings;
        this.faultSettings = faultSettings;
        this.maxOccupancies = maxOccupancies;
        this.draws = new Draws(seed);
        for (int d = 0; d < 4; d++) {
            gammaBackgroundCps[d] = draws.uniform(settings.gammaBackgroundMinCps(), settings.gammaBackgroundMaxCps());
        }
        this.builder = new OccupancyBuilder(settings, faultSettings, draws, gammaBackgroundCps);
        this.nextBackgroundMillis = secondsToMillis(settings.backgroundIntervalSeconds());
        this.nextArrivalMillis = secondsToMillis(nextInterArrivalSeconds());
    }

    /** Puts {@code fault} into the next occupancy that starts. Safe from any thread. */
    public void inject(Fault fault) {
        injected.add(fault);
    }

    @Override
    public Emission next(long dueByMillis) {
        if (pending.isEmpty()) {
            refill();
        }
        Emission head = pending.peekFirst();
        return head != null && head.atMillis() <= dueByMillis ? pending.pollFirst() : null;
    }

    @Override
    public void clientConnected(long nowMillis) {
        for (int i = SETUP.size() - 1; i >= 0; i--) {
            Vm250Record setup = SETUP.get(i);
            pending.addFirst(Emission.line(nowMillis, Vm250Encoder.encode(setup), setup.tag(), null));
        }
    }

    @Override
    public void abandon(OccupancyPlan occupancy) {
        while (!pending.isEmpty() && pending.peekFirst().occupancy() == occupancy) {
            pending.pollFirst();
        }
    }

    private void refill() {
        boolean arrivalsLeft = maxOccupancies == 0 || planned < maxOccupancies;
        if (arrivalsLeft && nextArrivalMillis <= nextBackgroundMillis) {
            planOccupancy();
        } else {
            addBackground(nextBackgroundMillis);
            nextBackgroundMillis += secondsToMillis(settings.backgroundIntervalSeconds());
        }
    }

    private void planOccupancy() {
        long start = nextArrivalMillis;
        long end = start + secondsToMillis(builder.drawDurationSeconds());
        Set<Fault> faults = EnumSet.noneOf(Fault.class);
        for (Fault fault : Fault.values()) {
            if (draws.chance(faultSettings.probability(fault))) {
                faults.add(fault);
            }
        }
        for (Fault fault = injected.poll(); fault != null; fault = injected.poll()) {
            faults.add(fault);
        }
        if (faults.contains(Fault.COUNTER_RESET)) {
            counter = 0;
        } else {
            counter = (counter + 1) % COUNTER_MODULO;
        }
        planned++;
        boolean gammaAlarm = draws.chance(settings.gammaAlarmProbability());
        boolean neutronAlarm = draws.chance(settings.neutronAlarmProbability());
        OccupancyPlan plan = new OccupancyPlan(planned, counter, start, end, new ArrayList<>(faults));
        pending.addAll(builder.build(plan, gammaAlarm, neutronAlarm));
        long interval = secondsToMillis(settings.backgroundIntervalSeconds());
        nextBackgroundMillis = end + interval;
        nextArrivalMillis = Math.max(start + secondsToMillis(nextInterArrivalSeconds()),
                end + secondsToMillis(settings.minGapSeconds()));
    }

    private void addBackground(long at) {
        Integer[] gamma = new Integer[4];
        Integer[] neutron = new Integer[4];
        for (int d = 0; d < 4; d++) {
            gamma[d] = draws.poisson(gammaBackgroundCps[d]);
            neutron[d] = draws.poisson(settings.neutronBackgroundCps() / 4);
        }
        Vm250Record gb = new Vm250Record.Counts("GB", Arrays.asList(gamma));
        Vm250Record nb = new Vm250Record.Counts("NB", Arrays.asList(neutron));
        pending.add(Emission.line(at, Vm250Encoder.encode(gb), "GB", null));
        pending.add(Emission.line(at, Vm250Encoder.encode(nb), "NB", null));
    }

    private double nextInterArrivalSeconds() {
        return draws.exponentialSeconds(settings.arrivalsPerHour() / 3600.0);
    }

    private static long secondsToMillis(double seconds) {
        return Math.round(seconds * 1000);
    }
}
