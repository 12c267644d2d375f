package io.scangate.gateway.journal;

/**
 * A snapshot of the journal's occupancy.
 *
 * @param stored entries waiting to be taken
 * @param inFlight entries taken and not yet confirmed or released
 * @param deadLettered entries set aside for good
 * @param bytesOnDisk bytes the journal occupies on disk
 * @param usedFraction the larger of bytes/quota and entries/quota, 0..1: back-pressure acts on it
 */
public record JournalStats(long stored, long inFlight, long deadLettered, long bytesOnDisk, double usedFraction) {

    /** Entries not yet confirmed by the back-end. */
    public long unconfirmed() {
        return stored + inFlight;
    }
}
