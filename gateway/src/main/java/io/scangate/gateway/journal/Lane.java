package io.scangate.gateway.journal;

/**
 * Priority lanes of the journal, drained in declaration order: an alarm waiting behind a backlog of
 * telemetry is the failure this ordering exists to prevent.
 */
public enum Lane {
    /** Occupancies with an alarm, tamper and fault status changes. */
    ALARM,
    /** Every other scan result (occupancies, X-ray scans, conveyance ids) and status changes. */
    RESULT,
    /** Background measurements, set-up lines, raw records. */
    TELEMETRY,
    /**
     * Image chunks: megabytes that must not hold up anything else, so a 25 MB image waits behind every alarm,
     * scan and measurement. Added last: the journal stores lanes by ordinal.
     */
    BULK
}
