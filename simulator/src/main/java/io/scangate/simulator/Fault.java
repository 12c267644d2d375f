package io.scangate.simulator;

/**
 * A device misbehaviour the simulator can put into an occupancy (DESIGN 5), by probability or on demand.
 * The ground truth lists the faults of each occupancy.
 */
public enum Fault {
    /** Half a line, then the connection is closed; the rest of the occupancy (and its GX) is never sent. */
    DROP_MID_LINE,
    /** A line of non-ASCII bytes (no CR or LF inside) between two lines. */
    GARBAGE,
    /** One GS detector value sent as {@code ***}. */
    MISSING_VALUE,
    /** A line with an undocumented tag (NC, RW, AB1, ...). */
    UNKNOWN_TAG,
    /** The occupancy ends without its GX line. */
    MISSING_GX,
    /** TT (tamper tripped) during the occupancy, TC (cleared) later in it. */
    TAMPER,
    /** The occupancy counter restarts: this GX carries 000000, the next 000001. */
    COUNTER_RESET,
    /** A few lines written one byte at a time, with a delay between bytes. */
    SLOW_DEVICE,
    /** A huge line without line end (1 MiB by default), then CR LF. */
    OVERSIZE_FRAME
}
