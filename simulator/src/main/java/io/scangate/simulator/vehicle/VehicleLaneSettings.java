package io.scangate.simulator.vehicle;

/**
 * Traffic, geometry and faults of a simulated vehicle lane (OCR portal, then radiation portal, then X-ray).
 * Arrivals and occupancy durations follow the real capture of DESIGN 4.1 (~30/h, durations median 10.4 s,
 * p10 4.2 s, p90 13.9 s, max 21 s; speed median 5 mph, 0.7 % gamma alarms).
 *
 * @param arrivalsPerHour        mean rate of the Poisson arrivals
 * @param minHeadwaySeconds      shortest time between two vehicles at the first device (they queue, never overlap)
 * @param noContainerShare       share of vehicles without a container (tractors, cars)
 * @param twoContainerShare      share of vehicles with two containers (two 20' boxes on one chassis)
 * @param ocrToRpmMetres         distance from the OCR portal to the radiation portal
 * @param speedMinMph            slowest speed in the lane (speeds follow the 4.1 distribution, clamped)
 * @param speedMaxMph            fastest speed in the lane
 * @param rpmToXrayMinSeconds    shortest time from entering the radiation portal to the X-ray acquisition
 * @param rpmToXrayMaxSeconds    longest such time (uniform jitter between)
 * @param twoViewShare           share of X-ray studies with two views (two images)
 * @param xrayTransferMinSeconds shortest delivery delay of an image after acquisition (8-25 MB a view)
 * @param xrayTransferMaxSeconds longest such delay
 * @param missedOcrRate          OCR reports the passage but reads nothing
 * @param wrongCheckDigitRate    OCR misreads the check digit of one container code
 * @param missingXrayRate        the vehicle is not X-rayed
 * @param lateXrayRate           the images are delivered minutes late (acquisition time stays right)
 * @param lateXrayMinSeconds     extra delay of a late delivery, at least
 * @param lateXrayMaxSeconds     extra delay of a late delivery, at most
 * @param gammaAlarmRate         radiation alarms
 */
public record VehicleLaneSettings(
        double arrivalsPerHour,
        double minHeadwaySeconds,
        double noContainerShare,
        double twoContainerShare,
        double ocrToRpmMetres,
        double speedMinMph,
        double speedMaxMph,
        double rpmToXrayMinSeconds,
        double rpmToXrayMaxSeconds,
        double twoViewShare,
        double xrayTransferMinSeconds,
        double xrayTransferMaxSeconds,
        double missedOcrRate,
        double wrongCheckDigitRate,
        double missingXrayRate,
        double lateXrayRate,
        double lateXrayMinSeconds,
        double lateXrayMaxSeconds,
        double gammaAlarmRate) {

    public VehicleLaneSettings {
        if (!(arrivalsPerHour > 0 && minHeadwaySeconds >= 0 && minHeadwaySeconds < 3600 / arrivalsPerHour)) {
            throw new IllegalArgumentException("arrivalsPerHour must be > 0 and minHeadwaySeconds below the mean gap");
        }
        if (noContainerShare + twoContainerShare > 1 || speedMinMph <= 0 || speedMaxMph < speedMinMph
                || rpmToXrayMaxSeconds < rpmToXrayMinSeconds || xrayTransferMaxSeconds < xrayTransferMinSeconds
                || lateXrayMaxSeconds < lateXrayMinSeconds) {
            throw new IllegalArgumentException("inconsistent vehicle lane settings: " + this);
        }
    }

    /** A gate lane: 30 vehicles/h, 30 s minimum headway, mostly one or two containers, a few % of each fault. */
    public static VehicleLaneSettings defaults() {
        return new VehicleLaneSettings(30, 30, 0.1, 0.4, 20, 4, 12, 35, 45, 0.5, 5, 20,
                0.04, 0.03, 0.04, 0.04, 180, 600, 0.007);
    }

    public VehicleLaneSettings withFaults(double missedOcr, double wrongCheckDigit, double missingXray, double lateXray) {
        return new VehicleLaneSettings(arrivalsPerHour, minHeadwaySeconds, noContainerShare, twoContainerShare,
                ocrToRpmMetres, speedMinMph, speedMaxMph, rpmToXrayMinSeconds, rpmToXrayMaxSeconds, twoViewShare,
                xrayTransferMinSeconds, xrayTransferMaxSeconds, missedOcr, wrongCheckDigit, missingXray, lateXray,
                lateXrayMinSeconds, lateXrayMaxSeconds, gammaAlarmRate);
    }
}
