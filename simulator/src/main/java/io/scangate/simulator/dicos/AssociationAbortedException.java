package io.scangate.simulator.dicos;

import java.io.IOException;

/** The peer sent A-ABORT (PS3.8 9.3.8), or answered with a PDU that makes no sense at that point. */
public final class AssociationAbortedException extends IOException {

    private final int source;
    private final int reason;

    AssociationAbortedException(int source, int reason) {
        super("association aborted by the peer: " + (source == 2 ? "service provider" : "service user")
                + ", " + explain(source, reason) + " [source " + source + ", reason " + reason + "]");
        this.source = source;
        this.reason = reason;
    }

    public int source() {
        return source;
    }

    public int reason() {
        return reason;
    }

    /** PS3.8 table 9-26 (provider reasons; a user abort carries none). */
    private static String explain(int source, int reason) {
        if (source != 2) {
            return "no reason given";
        }
        return switch (reason) {
            case 1 -> "unrecognized PDU";
            case 2 -> "unexpected PDU";
            case 4 -> "unrecognized PDU parameter";
            case 5 -> "unexpected PDU parameter";
            case 6 -> "invalid PDU parameter value";
            default -> "reason not specified";
        };
    }
}
