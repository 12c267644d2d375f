package io.scangate.simulator.lane;

import io.scangate.simulator.OccupancyTruth;

/** Counts what was really written for the open occupancy, so that ground truth never claims unsent lines. */
public final class OccupancyTracker {

    private OccupancyPlan open;
    private int gs;
    private int ga;
    private int ns;
    private int na;
    private int sp;
    private boolean gx;

    public void open(OccupancyPlan plan) {
        open = plan;
        gs = 0;
        ga = 0;
        ns = 0;
        na = 0;
        sp = 0;
        gx = false;
    }

    public boolean isOpen() {
        return open != null;
    }

    public OccupancyPlan plan() {
        return open;
    }

    public void written(String tag) {
        if (open == null || tag == null) {
            return;
        }
        switch (tag) {
            case "GS" -> gs++;
            case "GA" -> ga++;
            case "NS" -> ns++;
            case "NA" -> na++;
            case "SP" -> sp++;
            case "GX" -> gx = true;
            default -> {
                // other tags inside an occupancy (TT, unknown tags) are not part of the ground truth counts
            }
        }
    }

    public OccupancyTruth close(String laneId, boolean interrupted) {
        OccupancyTruth truth = new OccupancyTruth(laneId, open.index(), open.deviceCounter(), open.startMillis(),
                open.endMillis(), ga > 0, na > 0, gx, interrupted, open.faults(), gs, ga, ns, na, sp);
        open = null;
        return truth;
    }
}
