package io.scangate.simulator.scenario;

/**
 * Traffic and physics of a simulated VM-250 lane. Defaults are the statistics of a real 24 h capture
 * (DESIGN 4.1): ~30 occupancies/h, durations median 10.4 s (p10 4.2 s, p90 13.9 s, max 21 s), GB 380-440 cps
 * per detector, 25-40 % baseline depression while occupied, 0.7 % gamma alarms, speed median 5 mph (p90 20).
 *
 * @param arrivalsPerHour           mean rate of the Poisson vehicle arrivals
 * @param durationMedianSeconds     median occupancy duration
 * @param durationP10Seconds        10th percentile of the duration (sets the spread below the median)
 * @param durationP90Seconds        90th percentile of the duration (sets the spread above the median)
 * @param durationMinSeconds        shortest occupancy (clamp)
 * @param durationMaxSeconds        longest occupancy (clamp)
 * @param minGapSeconds             shortest empty time between two occupancies
 * @param backgroundIntervalSeconds GB/NB period while the lane is empty
 * @param gammaBackgroundMinCps     lowest per-detector gamma background (each detector draws its own level)
 * @param gammaBackgroundMaxCps     highest per-detector gamma background
 * @param depressionMin             smallest baseline depression while occupied (fraction)
 * @param depressionMax             largest baseline depression while occupied (fraction)
 * @param neutronBackgroundCps      neutron background over the four detectors
 * @param speedMedianMph            median vehicle speed
 * @param speedP90Mph               90th percentile of the speed
 * @param secondSpeedLineProbability chance that an occupancy carries a second SP line
 * @param gammaAlarmProbability     chance that an occupancy is a gamma alarm (GA lines)
 * @param neutronAlarmProbability   chance that an occupancy is a neutron alarm (NA lines)
 */
public record ScenarioSettings(
        double arrivalsPerHour,
        double durationMedianSeconds,
        double durationP10Seconds,
        double durationP90Seconds,
        double durationMinSeconds,
        double durationMaxSeconds,
        double minGapSeconds,
        double backgroundIntervalSeconds,
        double gammaBackgroundMinCps,
        double gammaBackgroundMaxCps,
        double depressionMin,
        double depressionMax,
        double neutronBackgroundCps,
        double speedMedianMph,
        double speedP90Mph,
        double secondSpeedLineProbability,
        double gammaAlarmProbability,
        double neutronAlarmProbability) {

    public ScenarioSettings {
        requirePositive("arrivalsPerHour", arrivalsPerHour);
        if (!(durationMinSeconds >= 1 && durationP10Seconds <= durationMedianSeconds
                && durationMedianSeconds <= durationP90Seconds && durationMinSeconds <= durationMaxSeconds)) {
            throw new IllegalArgumentException("durations need 1 <= min, p10 <= median <= p90, min <= max");
        }
        requirePositive("backgroundIntervalSeconds", backgroundIntervalSeconds);
        requirePositive("speedMedianMph", speedMedianMph);
        requireProbability("depressionMin", depressionMin);
        requireProbability("depressionMax", depressionMax);
        requireProbability("secondSpeedLineProbability", secondSpeedLineProbability);
        requireProbability("gammaAlarmProbability", gammaAlarmProbability);
        requireProbability("neutronAlarmProbability", neutronAlarmProbability);
    }

    public static ScenarioSettings defaults() {
        return new ScenarioSettings(30, 10.4, 4.2, 13.9, 2, 21, 2, 5, 380, 440, 0.25, 0.40, 2.5, 5, 20, 0.15,
                0.007, 0.0005);
    }

    public ScenarioSettings withArrivalsPerHour(double perHour) {
        return new ScenarioSettings(perHour, durationMedianSeconds, durationP10Seconds, durationP90Seconds,
                durationMinSeconds, durationMaxSeconds, minGapSeconds, backgroundIntervalSeconds,
                gammaBackgroundMinCps, gammaBackgroundMaxCps, depressionMin, depressionMax, neutronBackgroundCps,
                speedMedianMph, speedP90Mph, secondSpeedLineProbability, gammaAlarmProbability,
                neutronAlarmProbability);
    }

    public ScenarioSettings withAlarmProbabilities(double gamma, double neutron) {
        return new ScenarioSettings(arrivalsPerHour, durationMedianSeconds, durationP10Seconds, durationP90Seconds,
                durationMinSeconds, durationMaxSeconds, minGapSeconds, backgroundIntervalSeconds,
                gammaBackgroundMinCps, gammaBackgroundMaxCps, depressionMin, depressionMax, neutronBackgroundCps,
                speedMedianMph, speedP90Mph, secondSpeedLineProbability, gamma, neutron);
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(name + " must be > 0, got " + value);
        }
    }

    private static void requireProbability(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be within 0..1, got " + value);
        }
    }
}
