package io.scangate.driver.aspect;

import io.scangate.driver.DriverConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code params:} block of an {@code aspect-modbus} device. Every key is optional; a key left out
 * (bound as {@code null}) takes the default named on its component.
 *
 * @param unitId Modbus unit id of the monitor (default 1; 1-32)
 * @param pollOccupied pause between two monitor-block polls while the lane is occupied (default 200ms)
 * @param pollIdle pause between two polls while the lane is empty (default 5s); also the retry pause
 *     after a failed header read
 * @param requestTimeout how long a request may stay unanswered before it is reported and retried
 *     (default 1s)
 * @param timeoutsBeforeReconnect consecutive timeouts after which the connection is closed, so that the
 *     host reconnects (default 3)
 * @param monitorBase address of the 21-register monitor block; when absent (default) it is read from the
 *     device's header registers 0..7
 * @param maxMbapLength largest MBAP length field accepted (default 260); a frame announcing more is a
 *     broken stream and costs the connection
 * @param wordOrder register order of 32-bit values (default LOW_WORD_FIRST)
 * @param speedKmhPerUnit km/h per unit of the speed register (default 0.1)
 * @param occupancyTimeout an open occupancy without a successful poll for this long is closed as TIMEOUT
 *     (default 10s)
 * @param maxIntervalsPerOccupancy polls one occupancy holds; at the limit it is closed as INTERRUPTED and
 *     the passage continues in a new one (default 3000, 10 minutes at 200 ms)
 * @param maxCounterJump largest advance of the object counter between two polls that is taken as
 *     vehicles; a larger change is a reset (new value small) or reported as a jump (default 50)
 */
public record AspectModbusConfig(
        Integer unitId,
        Duration pollOccupied,
        Duration pollIdle,
        Duration requestTimeout,
        Integer timeoutsBeforeReconnect,
        Integer monitorBase,
        Integer maxMbapLength,
        WordOrder wordOrder,
        Double speedKmhPerUnit,
        Duration occupancyTimeout,
        Integer maxIntervalsPerOccupancy,
        Integer maxCounterJump) implements DriverConfig {

    public static final int DEFAULT_UNIT_ID = 1;
    public static final Duration DEFAULT_POLL_OCCUPIED = Duration.ofMillis(200);
    public static final Duration DEFAULT_POLL_IDLE = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(1);
    public static final int DEFAULT_TIMEOUTS_BEFORE_RECONNECT = 3;
    public static final int DEFAULT_MAX_MBAP_LENGTH = 260;
    public static final double DEFAULT_SPEED_KMH_PER_UNIT = 0.1;
    public static final Duration DEFAULT_OCCUPANCY_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_INTERVALS_PER_OCCUPANCY = 3000;
    public static final int DEFAULT_MAX_COUNTER_JUMP = 50;
    /** A 21-register response needs an MBAP length of 1 + 2 + 42. */
    static final int MIN_MBAP_LENGTH = 45;
    static final int MAX_MBAP_LENGTH = 260;

    public AspectModbusConfig {
        unitId = unitId == null ? DEFAULT_UNIT_ID : unitId;
        pollOccupied = pollOccupied == null ? DEFAULT_POLL_OCCUPIED : pollOccupied;
        pollIdle = pollIdle == null ? DEFAULT_POLL_IDLE : pollIdle;
        requestTimeout = requestTimeout == null ? DEFAULT_REQUEST_TIMEOUT : requestTimeout;
        timeoutsBeforeReconnect = timeoutsBeforeReconnect == null
                ? DEFAULT_TIMEOUTS_BEFORE_RECONNECT : timeoutsBeforeReconnect;
        maxMbapLength = maxMbapLength == null ? DEFAULT_MAX_MBAP_LENGTH : maxMbapLength;
        wordOrder = wordOrder == null ? WordOrder.LOW_WORD_FIRST : wordOrder;
        speedKmhPerUnit = speedKmhPerUnit == null ? DEFAULT_SPEED_KMH_PER_UNIT : speedKmhPerUnit;
        occupancyTimeout = occupancyTimeout == null ? DEFAULT_OCCUPANCY_TIMEOUT : occupancyTimeout;
        maxIntervalsPerOccupancy = maxIntervalsPerOccupancy == null
                ? DEFAULT_MAX_INTERVALS_PER_OCCUPANCY : maxIntervalsPerOccupancy;
        maxCounterJump = maxCounterJump == null ? DEFAULT_MAX_COUNTER_JUMP : maxCounterJump;
    }

    /** All defaults; the monitor block located through the header registers. */
    public static AspectModbusConfig defaults() {
        return new AspectModbusConfig(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Copy with the given poll pauses; handy for tests and accelerated simulations. */
    public AspectModbusConfig withPolls(Duration occupied, Duration idle) {
        return new AspectModbusConfig(unitId, occupied, idle, requestTimeout, timeoutsBeforeReconnect, monitorBase,
                maxMbapLength, wordOrder, speedKmhPerUnit, occupancyTimeout, maxIntervalsPerOccupancy,
                maxCounterJump);
    }

    @Override
    public List<String> validate() {
        List<String> problems = new ArrayList<>();
        if (unitId < 1 || unitId > 32) {
            problems.add("unitId: must be between 1 and 32, got " + unitId + " (Aspect monitors use 1-32; default 1)");
        }
        requirePositive(problems, "pollOccupied", pollOccupied, "200ms");
        requirePositive(problems, "pollIdle", pollIdle, "5s");
        requirePositive(problems, "requestTimeout", requestTimeout, "1s");
        requirePositive(problems, "occupancyTimeout", occupancyTimeout, "10s");
        if (!requestTimeout.isNegative() && requestTimeout.compareTo(occupancyTimeout) >= 0) {
            problems.add("requestTimeout: must be shorter than occupancyTimeout (" + occupancyTimeout + "), got "
                    + requestTimeout + " (e.g. 1s)");
        }
        if (timeoutsBeforeReconnect < 1 || timeoutsBeforeReconnect > 100) {
            problems.add("timeoutsBeforeReconnect: must be between 1 and 100, got " + timeoutsBeforeReconnect
                    + " (default 3)");
        }
        if (monitorBase != null && (monitorBase < 0 || monitorBase > 0xFFFF - MonitorBlock.REGISTERS + 1)) {
            problems.add("monitorBase: must be between 0 and " + (0xFFFF - MonitorBlock.REGISTERS + 1) + ", got "
                    + monitorBase + " (Aspect monitors use 100; leave it out to read it from the header)");
        }
        if (maxMbapLength < MIN_MBAP_LENGTH || maxMbapLength > MAX_MBAP_LENGTH) {
            problems.add("maxMbapLength: must be between " + MIN_MBAP_LENGTH + " and " + MAX_MBAP_LENGTH + ", got "
                    + maxMbapLength + " (the monitor-block response needs 45; default 260)");
        }
        if (!(speedKmhPerUnit > 0 && speedKmhPerUnit <= 10)) {
            problems.add("speedKmhPerUnit: must be above 0 and at most 10, got " + speedKmhPerUnit
                    + " (0.1 when the register holds tenths of km/h)");
        }
        if (maxIntervalsPerOccupancy < 10 || maxIntervalsPerOccupancy > 1_000_000) {
            problems.add("maxIntervalsPerOccupancy: must be between 10 and 1000000, got " + maxIntervalsPerOccupancy
                    + " (a 20 s passage takes about 100 polls; default 3000)");
        }
        if (maxCounterJump < 1 || maxCounterJump > 10_000) {
            problems.add("maxCounterJump: must be between 1 and 10000, got " + maxCounterJump + " (default 50)");
        }
        return problems;
    }

    private static void requirePositive(List<String> problems, String key, Duration value, String example) {
        if (value.isNegative() || value.isZero()) {
            problems.add(key + ": must be above zero, got " + value + " (e.g. " + example + ")");
        }
    }
}
