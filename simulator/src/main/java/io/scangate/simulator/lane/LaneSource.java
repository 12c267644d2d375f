package io.scangate.simulator.lane;

import java.util.Optional;

/**
 * What a lane sends, in simulated time: a scenario or a replayed daily file. Called only from the lane's event
 * loop, except where a method says otherwise.
 */
public interface LaneSource {

    /** The next emission due at or before {@code dueByMillis}, or {@code null} when none is due yet. */
    Emission next(long dueByMillis);

    /** A client connected at simulated time {@code nowMillis} (a device sends its set-up lines then). */
    void clientConnected(long nowMillis);

    /** The connection ended inside {@code occupancy}: drop what is left of it. */
    void abandon(OccupancyPlan occupancy);

    /** Nothing more will ever be sent (a replay without loop at its end). */
    default boolean exhausted() {
        return false;
    }

    /** A one-line progress report for long runs, when the source has one. */
    default Optional<String> progress() {
        return Optional.empty();
    }
}
