package io.scangate.gateway.journal;

/**
 * What {@link SegmentJournal#open} found on disk.
 *
 * @param segments segment files kept
 * @param unconfirmed entries stored again (never confirmed before the restart, including those in flight)
 * @param deadLettered entries in the dead-letter file
 * @param tornTails places where a torn or corrupt tail was cut (segments and the dead-letter file)
 * @param droppedBytes bytes cut there
 * @param nextId the id the next append gets
 */
public record RecoveryReport(int segments, long unconfirmed, long deadLettered, int tornTails, long droppedBytes,
        long nextId) {
}
