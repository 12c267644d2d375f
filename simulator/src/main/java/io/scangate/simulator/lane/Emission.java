package io.scangate.simulator.lane;

/**
 * One step a lane performs at a simulated time: write a line, or mark where an occupancy starts or ends.
 *
 * @param atMillis  simulated time when it is due
 * @param kind      what to do
 * @param bytes     bytes to write (CR LF included), empty for markers
 * @param tag       the line's tag for ground-truth counting, {@code null} when the bytes are not a proper line
 * @param occupancy the occupancy this step belongs to, {@code null} outside occupancies
 */
public record Emission(long atMillis, Kind kind, byte[] bytes, String tag, OccupancyPlan occupancy) {

    private static final byte[] NONE = new byte[0];

    public enum Kind {
        /** Write the bytes at once. */
        LINE,
        /** Write the bytes one at a time with the slow-device delay between them. */
        SLOW_LINE,
        /** Write the bytes, then close the connection. */
        DROP,
        /** The occupancy begins: ground truth starts counting. */
        OCCUPANCY_START,
        /** The occupancy is over: ground truth is recorded. */
        OCCUPANCY_END
    }

    public static Emission line(long atMillis, byte[] bytes, String tag, OccupancyPlan occupancy) {
        return new Emission(atMillis, Kind.LINE, bytes, tag, occupancy);
    }

    public static Emission marker(long atMillis, Kind kind, OccupancyPlan occupancy) {
        return new Emission(atMillis, kind, NONE, null, occupancy);
    }

    public Emission withKind(Kind newKind) {
        return new Emission(atMillis, newKind, bytes, tag, occupancy);
    }
}
