package io.scangate.simulator.lane;

import io.scangate.simulator.OccupancyTruth;

/** What a lane reports to whoever keeps the ground truth. Called on the lane's event loop. */
public interface LaneListener {

    void occupancyWritten(OccupancyTruth truth);

    /** The lane's source has nothing more to send. */
    void sourceExhausted(String laneId);
}
