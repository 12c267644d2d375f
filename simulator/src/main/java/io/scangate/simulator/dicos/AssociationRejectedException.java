package io.scangate.simulator.dicos;

import java.io.IOException;

/** The peer answered A-ASSOCIATE-RJ (PS3.8 9.3.4): result, source and reason, with their meaning. */
public final class AssociationRejectedException extends IOException {

    private final int result;
    private final int source;
    private final int reason;

    AssociationRejectedException(int result, int source, int reason) {
        super("association rejected (" + (result == 1 ? "permanent" : "transient") + "): " + explain(source, reason)
                + " [result " + result + ", source " + source + ", reason " + reason + "]");
        this.result = result;
        this.source = source;
        this.reason = reason;
    }

    public int result() {
        return result;
    }

    public int source() {
        return source;
    }

    public int reason() {
        return reason;
    }

    /** PS3.8 table 9-21. */
    static String explain(int source, int reason) {
        return switch (source) {
            case 1 -> "service user: " + switch (reason) {
                case 2 -> "application context name not supported";
                case 3 -> "calling AE title not recognized";
                case 7 -> "called AE title not recognized";
                default -> "no reason given";
            };
            case 2 -> "service provider (ACSE): " + (reason == 2 ? "protocol version not supported" : "no reason given");
            case 3 -> "service provider (presentation): " + (reason == 1 ? "temporary congestion"
                    : reason == 2 ? "local limit exceeded" : "reason " + reason);
            default -> "source " + source + ", reason " + reason;
        };
    }
}
