package io.scangate.simulator.modbus;

import io.scangate.simulator.scenario.Draws;
import io.scangate.simulator.scenario.ScenarioSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * One simulated Aspect-style monitor as it evolves in simulated time, in 100 ms steps: Poisson vehicle
 * arrivals, lognormal durations, baseline depression while occupied, rare gamma and neutron alarms (the
 * VM-250 statistics of {@link ScenarioSettings}). Counters are free-running like the device's: gamma and
 * neutron counts, elapsed milliseconds, and the object counter, which advances when a vehicle arrives.
 * Alarm bits latch from the first alarming step until the occupancy ends. The background estimate follows
 * the idle count rate with a 20 s time constant and is frozen while occupied.
 *
 * <p>Thread-safe: the slave's event loop reads it, tests and faults poke it.
 */
public final class AspectScenario {

    static final long STEP_MILLIS = 100;
    private static final double STEPS_PER_SECOND = 1000.0 / STEP_MILLIS;
    private static final double BACKGROUND_TIME_CONSTANT_SECONDS = 20;
    private static final double KMH_PER_MPH = 1.609344;
    private static final int DETECTORS = 4;

    private final int unitId;
    private final ScenarioSettings settings;
    private final long maxOccupancies;
    private final Draws draws;
    private final double gammaBackgroundCps;
    private final List<AspectOccupancyTruth> truth = new ArrayList<>();
    private long nowMillis;
    private long gammaCount;
    private long neutronCount;
    private double gammaEstimate;
    private double neutronEstimate;
    private int objectCount;
    private int objectMark;
    private int speedTenthsKmh;
    private int faultInputs;
    private int gammaFaultStatus;
    private boolean resetRequested;
    private long planned;
    private long nextArrivalMillis;
    private Occupancy current;

    /** An occupancy in progress. */
    private static final class Occupancy {
        long index;
        long start;
        long end;
        int direction;
        double depression;
        long alarmFrom;
        long alarmTo;
        double alarmStrength;
        boolean neutronAlarm;
        int gammaLatched;
        int neutronLatched;
        boolean counterReset;
    }

    /**
     * @param maxOccupancies vehicles to send before the lane stays empty; 0 = no limit
     */
    public AspectScenario(int unitId, ScenarioSettings settings, long seed, long maxOccupancies) {
        if (maxOccupancies < 0) {
            throw new IllegalArgumentException("maxOccupancies must be >= 0 (0 = no limit)");
        }
        this.unitId = unitId;
        this.settings = settings;
        this.maxOccupancies = maxOccupancies;
        this.draws = new Draws(seed);
        double sum = 0;
        for (int d = 0; d < DETECTORS; d++) {
            sum += draws.uniform(settings.gammaBackgroundMinCps(), settings.gammaBackgroundMaxCps());
        }
        this.gammaBackgroundCps = sum;
        this.gammaEstimate = sum;
        this.neutronEstimate = settings.neutronBackgroundCps();
        this.nextArrivalMillis = secondsToMillis(nextInterArrivalSeconds());
    }

    public int unitId() {
        return unitId;
    }

    /** The monitor block at simulated time {@code millis}; time never runs backwards (earlier = now). */
    public synchronized MonitorValues at(long millis) {
        while (nowMillis + STEP_MILLIS <= millis) {
            step();
        }
        Occupancy occupancy = current;
        int inputs = faultInputs;
        int outputs;
        int gammaStatus = MonitorValues.ChannelValues.READY | gammaFaultStatus;
        int neutronStatus = MonitorValues.ChannelValues.READY;
        if (occupancy != null) {
            inputs |= MonitorValues.OCCUP0 | MonitorValues.OCCUP1 | occupancy.direction;
            gammaStatus |= occupancy.gammaLatched;
            neutronStatus |= occupancy.neutronLatched;
            outputs = MonitorValues.OUT_VIDEO;
            if ((occupancy.gammaLatched | occupancy.neutronLatched) != 0) {
                outputs |= MonitorValues.OUT_ALARM;
            }
        } else {
            outputs = MonitorValues.OUT_ENTRY_GREEN | MonitorValues.OUT_EXIT_GREEN;
        }
        return new MonitorValues(nowMillis & 0xFFFF_FFFFL, inputs,
                new MonitorValues.ChannelValues(gammaStatus, gammaCount & 0xFFFF_FFFFL, (float) gammaEstimate,
                        (float) gammaEstimate),
                new MonitorValues.ChannelValues(neutronStatus, neutronCount & 0xFFFF_FFFFL, (float) neutronEstimate,
                        (float) neutronEstimate),
                objectCount, objectMark, speedTenthsKmh, outputs);
    }

    /** Occupancies that ended so far, in order. */
    public synchronized List<AspectOccupancyTruth> groundTruth() {
        return List.copyOf(truth);
    }

    /** Sets the fault and tamper input bits (PowerFail, LowBattery, Open, Error) shown from now on. */
    public synchronized void faultInputs(int bits) {
        faultInputs = bits & (MonitorValues.POWER_FAIL | MonitorValues.LOW_BATTERY | MonitorValues.OPEN
                | MonitorValues.ERROR);
    }

    /** Sets gamma channel fault bits (LowCount, HighCount, Overload) shown from now on. */
    public synchronized void gammaFaults(int bits) {
        gammaFaultStatus = bits & (MonitorValues.ChannelValues.LOW_COUNT | MonitorValues.ChannelValues.HIGH_COUNT
                | MonitorValues.ChannelValues.OVERLOAD);
    }

    /** The object counter restarts from zero before the next vehicle. */
    public synchronized void resetObjectCounter() {
        resetRequested = true;
    }

    private void step() {
        long from = nowMillis;
        if (current == null && from >= nextArrivalMillis && (maxOccupancies == 0 || planned < maxOccupancies)) {
            begin(from);
        }
        double gammaCps = gammaBackgroundCps;
        double neutronCps = settings.neutronBackgroundCps();
        if (current != null) {
            gammaCps *= 1 - current.depression;
            if (from >= current.alarmFrom && from < current.alarmTo) {
                gammaCps += current.alarmStrength * gammaBackgroundCps;
                current.gammaLatched |= current.alarmStrength >= 2 ? MonitorValues.ChannelValues.ALARM2
                        : MonitorValues.ChannelValues.ALARM1;
            }
            boolean neutronWindow = current.neutronAlarm && from >= current.alarmFrom && from < current.alarmTo;
            if (neutronWindow) {
                neutronCps = draws.uniform(6, 15) * DETECTORS;
                current.neutronLatched |= MonitorValues.ChannelValues.ALARM1;
            }
        }
        long gammaStep = draws.poisson(gammaCps / STEPS_PER_SECOND);
        long neutronStep = draws.poisson(neutronCps / STEPS_PER_SECOND);
        gammaCount += gammaStep;
        neutronCount += neutronStep;
        if (current == null) {
            double weight = 1 / (BACKGROUND_TIME_CONSTANT_SECONDS * STEPS_PER_SECOND);
            gammaEstimate += (gammaStep * STEPS_PER_SECOND - gammaEstimate) * weight;
            neutronEstimate += (neutronStep * STEPS_PER_SECOND - neutronEstimate) * weight;
        }
        nowMillis = from + STEP_MILLIS;
        if (current != null && nowMillis >= current.end) {
            finish();
        }
    }

    private void begin(long at) {
        Occupancy occupancy = new Occupancy();
        occupancy.index = ++planned;
        occupancy.start = at;
        double seconds = Math.min(settings.durationMaxSeconds(), Math.max(settings.durationMinSeconds(),
                draws.splitLognormal(settings.durationMedianSeconds(), settings.durationP10Seconds(),
                        settings.durationP90Seconds())));
        occupancy.end = at + Math.max(STEP_MILLIS, secondsToMillis(seconds));
        occupancy.direction = draws.chance(0.9) ? MonitorValues.DIR01 : MonitorValues.DIR10;
        occupancy.depression = draws.uniform(settings.depressionMin(), settings.depressionMax());
        if (draws.chance(settings.gammaAlarmProbability())) {
            long centre = at + Math.round((occupancy.end - at) * draws.uniform(0.3, 0.7));
            long halfWidth = Math.round(draws.uniform(600, 1400));
            occupancy.alarmFrom = Math.max(at, centre - halfWidth);
            long alarmEnd = Math.max(occupancy.alarmFrom + STEP_MILLIS, centre + halfWidth);
            occupancy.alarmTo = Math.min(occupancy.end, alarmEnd);
            occupancy.alarmStrength = draws.uniform(1.0, 3.0);
        } else {
            occupancy.alarmFrom = Long.MAX_VALUE;
            occupancy.alarmTo = Long.MAX_VALUE;
        }
        occupancy.neutronAlarm = draws.chance(settings.neutronAlarmProbability());
        if (occupancy.neutronAlarm && occupancy.alarmFrom == Long.MAX_VALUE) {
            occupancy.alarmFrom = at;
            occupancy.alarmTo = occupancy.end;
        }
        if (resetRequested) {
            objectCount = 0;
            resetRequested = false;
            occupancy.counterReset = true;
        }
        objectCount = (objectCount + 1) & 0xFFFF;
        objectMark = 2 * draws.uniformInt(2, 9);
        double mph = Math.max(0.7, Math.min(60, draws.lognormal(settings.speedMedianMph(), settings.speedP90Mph())));
        speedTenthsKmh = (int) Math.round(mph * KMH_PER_MPH * 10);
        current = occupancy;
    }

    private void finish() {
        Occupancy done = current;
        current = null;
        truth.add(new AspectOccupancyTruth(unitId, done.index, objectCount, done.start, nowMillis,
                done.gammaLatched != 0, done.neutronLatched != 0, done.counterReset));
        nextArrivalMillis = Math.max(done.start + secondsToMillis(nextInterArrivalSeconds()),
                nowMillis + secondsToMillis(settings.minGapSeconds()));
    }

    private double nextInterArrivalSeconds() {
        return draws.exponentialSeconds(settings.arrivalsPerHour() / 3600.0);
    }

    private static long secondsToMillis(double seconds) {
        return Math.round(seconds * 1000);
    }
}
