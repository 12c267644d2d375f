package io.scangate.simulator.n42;

import java.time.Duration;
import java.time.Instant;

/**
 * One simulated N42 portal lane. Defaults follow DESIGN 4.1 and 5 (about 30 passages an hour, passages
 * of a median 10 s, 0.7 % alarms, about 400 counts/s of gamma background per panel, 2.5 counts/s neutron).
 *
 * @param laneId             RadInstrumentIdentifier and log name (default {@code n42-lane-1})
 * @param host               address to bind (default 127.0.0.1)
 * @param port               port to bind, 0 for an ephemeral one (default 0)
 * @param seed               seed of every random draw: one seed, one lane history (default 1)
 * @param acceleration       simulated time per real time (default 1; 1000 turns 30 s into 30 ms)
 * @param startTime          simulated time of the first document's start (default 2026-11-26T08:00:00Z)
 * @param backgroundInterval length of one background measurement, sent while the lane is empty (default 30 s)
 * @param occupanciesPerHour mean rate of passages, Poisson arrivals (default 30)
 * @param alarmProbability   chance that a passage carries a Cs-137 source and alarms (default 0.007)
 * @param countedZeroes      write spectra with CountedZeroes compression (default true)
 * @param maxDocuments       stop after this many documents, 0 for never (default 0)
 * @param faultProbability   chance that a document is sent damaged (default 0): garbage before its frame, its
 *                           XML cut inside the frame, or the connection dropped halfway through it
 *                           ({@link N42Fault}); the ground truth names the fault
 */
public record N42LaneSettings(String laneId, String host, int port, long seed, double acceleration,
                              Instant startTime, Duration backgroundInterval, double occupanciesPerHour,
                              double alarmProbability, boolean countedZeroes, int maxDocuments,
                              double faultProbability) {

    public N42LaneSettings {
        if (!(acceleration > 0) || backgroundInterval.isNegative() || backgroundInterval.isZero()
                || !(occupanciesPerHour > 0) || alarmProbability < 0 || alarmProbability > 1 || maxDocuments < 0
                || port < 0 || port > 65_535 || faultProbability < 0 || faultProbability > 1) {
            throw new IllegalArgumentException("acceleration > 0, backgroundInterval > 0, occupanciesPerHour > 0,"
                    + " alarmProbability and faultProbability in [0, 1], maxDocuments >= 0 and port in [0, 65535] required");
        }
    }

    public static N42LaneSettings defaults() {
        return new N42LaneSettings("n42-lane-1", "127.0.0.1", 0, 1, 1.0, Instant.parse("2026-11-26T08:00:00Z"),
                Duration.ofSeconds(30), 30, 0.007, true, 0, 0);
    }

    public N42LaneSettings withSeed(long newSeed) {
        return new N42LaneSettings(laneId, host, port, newSeed, acceleration, startTime, backgroundInterval,
                occupanciesPerHour, alarmProbability, countedZeroes, maxDocuments, faultProbability);
    }

    public N42LaneSettings withAcceleration(double newAcceleration) {
        return new N42LaneSettings(laneId, host, port, seed, newAcceleration, startTime, backgroundInterval,
                occupanciesPerHour, alarmProbability, countedZeroes, maxDocuments, faultProbability);
    }

    public N42LaneSettings withAlarmProbability(double newAlarmProbability) {
        return new N42LaneSettings(laneId, host, port, seed, acceleration, startTime, backgroundInterval,
                occupanciesPerHour, newAlarmProbability, countedZeroes, maxDocuments, faultProbability);
    }

    public N42LaneSettings withOccupanciesPerHour(double newRate) {
        return new N42LaneSettings(laneId, host, port, seed, acceleration, startTime, backgroundInterval,
                newRate, alarmProbability, countedZeroes, maxDocuments, faultProbability);
    }

    public N42LaneSettings withBackgroundInterval(Duration newInterval) {
        return new N42LaneSettings(laneId, host, port, seed, acceleration, startTime, newInterval,
                occupanciesPerHour, alarmProbability, countedZeroes, maxDocuments, faultProbability);
    }

    public N42LaneSettings withCountedZeroes(boolean newCountedZeroes) {
        return new N42LaneSettings(laneId, host, port, seed, acceleration, startTime, backgroundInterval,
                occupanciesPerHour, alarmProbability, newCountedZeroes, maxDocuments, faultProbability);
    }

    public N42LaneSettings withMaxDocuments(int newMaxDocuments) {
        return new N42LaneSettings(laneId, host, port, seed, acceleration, startTime, backgroundInterval,
                occupanciesPerHour, alarmProbability, countedZeroes, newMaxDocuments, faultProbability);
    }

    public N42LaneSettings withFaultProbability(double newFaultProbability) {
        return new N42LaneSettings(laneId, host, port, seed, acceleration, startTime, backgroundInterval,
                occupanciesPerHour, alarmProbability, countedZeroes, maxDocuments, newFaultProbability);
    }
}
