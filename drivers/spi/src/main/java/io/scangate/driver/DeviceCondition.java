package io.scangate.driver;

/** Conditions a device reports about itself; the host combines them with the link into a state. */
public enum DeviceCondition {
    /** E.g. gamma background out of range (VM-250 GH/GL/NH). */
    FAULT,
    /** The cabinet or a sensor reports tampering (VM-250 TT until TC). */
    TAMPER
}
