package io.scangate.simulator.lanerun;

import io.scangate.simulator.dicos.DicomUids;
import io.scangate.simulator.dicos.DicosSettings;
import io.scangate.simulator.vehicle.VehicleLaneSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a {@link LaneRun} plays and where to.
 *
 * @param lane         the lane: the VM-250 lane of the simulator that plays the occupancies, and the lane the OCR
 *                     portal names in its reads
 * @param vehicles     vehicles to play; 0 = until closed
 * @param acceleration scenario time per real time: every device clock is compressed by it, so a gateway's
 *                     correlation windows must be divided by it too
 * @param seed         seed of the vehicle scenario
 * @param traffic      arrivals, geometry and fault rates of the vehicle scenario
 * @param ocrWebhook   where the OCR portal POSTs its reads (the gateway's webhook)
 * @param dicos        where the X-ray scanner stores its images (host, port, AE titles), the image SOP class and
 *                     size (rows x columns, small by default so that hundreds of vehicles stay cheap), and the
 *                     share of studies followed by a threat detection report ({@code tdrShare}, none by default)
 *                     of which {@code alarmShare} decide ALARM
 * @param truthLog     JSON-lines file the ground truth is written to, one vehicle a line as it is planned; null =
 *                     none
 * @param lead         real time from the start to the first vehicle's arrival
 */
public record LaneRunSettings(String lane, int vehicles, double acceleration, long seed, VehicleLaneSettings traffic,
                              URI ocrWebhook, DicosSettings dicos, Path truthLog, Duration lead) {

    public static final int DEFAULT_IMAGE_ROWS = 64;
    public static final int DEFAULT_IMAGE_COLUMNS = 64;

    public LaneRunSettings {
        if (lane == null || lane.isBlank()) {
            throw new IllegalArgumentException("lane: required");
        }
        if (vehicles < 0) {
            throw new IllegalArgumentException("vehicles: 0 (until stopped) or more, got " + vehicles);
        }
        if (!(acceleration > 0)) {
            throw new IllegalArgumentException("acceleration: above 0, got " + acceleration);
        }
        if (lead.isNegative()) {
            throw new IllegalArgumentException("lead: not negative");
        }
    }

    /**
     * A gate lane at {@code acceleration} with the default traffic and faults, single-view-per-image DICOS DX of
     * 64 x 64 pixels (one energy), no threat detection reports, the scanner calling itself SCANNER1 and the
     * gateway SCANGATE.
     */
    public static LaneRunSettings defaults(String lane, URI ocrWebhook, String dicomHost, int dicomPort) {
        DicosSettings dicos = DicosSettings.defaults(dicomHost, dicomPort)
                .withImages(DicomUids.DICOS_DX_FOR_PRESENTATION, List.of("TOP", "SIDE"), false, DEFAULT_IMAGE_ROWS,
                        DEFAULT_IMAGE_COLUMNS)
                .withReports(0, 0);
        return new LaneRunSettings(lane, 0, 20, 1, VehicleLaneSettings.defaults(), ocrWebhook, dicos, null,
                Duration.ofMillis(500));
    }

    public LaneRunSettings withVehicles(int count) {
        return new LaneRunSettings(lane, count, acceleration, seed, traffic, ocrWebhook, dicos, truthLog, lead);
    }

    public LaneRunSettings withAcceleration(double factor) {
        return new LaneRunSettings(lane, vehicles, factor, seed, traffic, ocrWebhook, dicos, truthLog, lead);
    }

    public LaneRunSettings withSeed(long value) {
        return new LaneRunSettings(lane, vehicles, acceleration, value, traffic, ocrWebhook, dicos, truthLog, lead);
    }

    public LaneRunSettings withTraffic(VehicleLaneSettings settings) {
        return new LaneRunSettings(lane, vehicles, acceleration, seed, settings, ocrWebhook, dicos, truthLog, lead);
    }

    public LaneRunSettings withDicos(DicosSettings settings) {
        return new LaneRunSettings(lane, vehicles, acceleration, seed, traffic, ocrWebhook, settings, truthLog, lead);
    }

    public LaneRunSettings withTruthLog(Path file) {
        return new LaneRunSettings(lane, vehicles, acceleration, seed, traffic, ocrWebhook, dicos, file, lead);
    }

    /** Images of {@code rows} x {@code columns} pixels, keeping the SOP class, views and energies. */
    public LaneRunSettings withImageSize(int rows, int columns) {
        return withDicos(dicos.withImages(dicos.imageSopClass(), dicos.views(), dicos.dualEnergy(), rows, columns));
    }
}
