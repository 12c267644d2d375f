package io.scangate.simulator.vehicle;

/** The devices a vehicle passes in a lane, in passage order. */
public enum PartKind {
    /** Container-code and plate OCR portal. */
    OCR,
    /** Radiation portal monitor. */
    RPM,
    /** X-ray scanner (one or more images of one study). */
    XRAY
}
