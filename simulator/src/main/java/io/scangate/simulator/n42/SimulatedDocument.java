package io.scangate.simulator.n42;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one simulated N42 document says, before it is written: the simulator's ground truth for it.
 *
 * @param uuid          n42DocUUID
 * @param kind          what the document reports
 * @param start         StartDateTime of its measurement
 * @param realTime      RealTimeDuration of its measurement
 * @param spectra       one gamma spectrum per gamma detector, in detector order
 * @param neutronCounts gross counts per neutron detector, in detector order
 * @param nuclide       the nuclide an alarm document identifies, {@code null} otherwise
 * @param confidence    the identification confidence in percent (0..100) of an alarm document
 */
public record SimulatedDocument(String uuid, Kind kind, Instant start, Duration realTime, List<GammaSpectrum> spectra,
                                Map<String, Long> neutronCounts, String nuclide, int confidence) {

    public enum Kind {
        /** Lane empty: MeasurementClassCode Background. */
        BACKGROUND,
        /** One vehicle passage without alarm: Foreground with OccupancyIndicator true. */
        FOREGROUND,
        /** One vehicle passage with a gamma alarm and a nuclide identification (AnalysisResults). */
        ALARM
    }

    /**
     * @param detector RadDetectorInformation id
     * @param liveTime LiveTimeDuration
     * @param channels counts per channel, uncompressed
     */
    public record GammaSpectrum(String detector, Duration liveTime, int[] channels) {

        public long sum() {
            long sum = 0;
            for (int channel : channels) {
                sum += channel;
            }
            return sum;
        }
    }

    public SimulatedDocument {
        spectra = List.copyOf(spectra);
        neutronCounts = Map.copyOf(neutronCounts);
    }
}
