package io.scangate.launcher;

import io.scangate.simulator.Simulator;
import io.scangate.simulator.lanerun.LaneRun;
import io.scangate.simulator.lanerun.LaneRunSettings;
import io.scangate.simulator.vehicle.VehicleLaneSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The demo's correlated lane: an OCR portal and an X-ray scanner beside one simulated VM-250 lane, played by a
 * {@link LaneRun}, and the gateway configuration that receives them and joins the three into inspections with
 * the scenario's geometry divided by the acceleration.
 */
final class CorrelatedLane {

    /** Busier than a real gate (one vehicle a minute on average) so that the demo shows inspections early. */
    private static final double VEHICLES_PER_HOUR = 60;
    private static final long CONNECT_WAIT_MILLIS = 10_000;

    private final String lane;
    private final double acceleration;
    private final LaneRunSettings settings;
    private final int ocrPort;
    private final int dicomPort;

    private CorrelatedLane(String lane, double acceleration, LaneRunSettings settings, int ocrPort, int dicomPort) {
        this.lane = lane;
        this.acceleration = acceleration;
        this.settings = settings;
        this.ocrPort = ocrPort;
        this.dicomPort = dicomPort;
    }

    static CorrelatedLane plan(String lane, double acceleration, long seed, Path dir) throws IOException {
        int ocrPort = DemoCommand.portOrFree(0);
        int dicomPort = DemoCommand.portOrFree(0);
        VehicleLaneSettings defaults = VehicleLaneSettings.defaults();
        VehicleLaneSettings traffic = new VehicleLaneSettings(VEHICLES_PER_HOUR, defaults.minHeadwaySeconds(),
                defaults.noContainerShare(), defaults.twoContainerShare(), defaults.ocrToRpmMetres(),
                defaults.speedMinMph(), defaults.speedMaxMph(), defaults.rpmToXrayMinSeconds(),
                defaults.rpmToXrayMaxSeconds(), defaults.twoViewShare(), defaults.xrayTransferMinSeconds(),
                defaults.xrayTransferMaxSeconds(), 0.08, 0.1, 0.06, 0.04, defaults.lateXrayMinSeconds(),
                defaults.lateXrayMaxSeconds(), 0.05);
        LaneRunSettings settings = LaneRunSettings.defaults(lane,
                        URI.create("http://127.0.0.1:" + ocrPort + "/ocr/reads"), "127.0.0.1", dicomPort)
                .withAcceleration(acceleration).withSeed(seed).withTraffic(traffic)
                .withTruthLog(dir.resolve("vehicles.jsonl"));
        settings = settings.withDicos(settings.dicos().withReports(0.5, 0.2));
        return new CorrelatedLane(lane, acceleration, settings, ocrPort, dicomPort);
    }

    /**
     * The OCR webhook and DICOS receiver (appended to the demo's device list), the blob store, and the lane's
     * correlation: OCR, then the radiation portal 7.5 s on, then the X-ray 40 s after it, each within 10 s, a
     * 95 s deadline - scenario seconds, divided by the acceleration.
     */
    String gatewayYaml(Path dir) {
        return new StringBuilder()
                .append("  - {id: ").append(lane).append("-ocr, driver: ocr, lane: ").append(lane)
                .append(", vendor: Simulated, model: OCR portal,\n")
                .append("     transport: {kind: tcp-server, host: 127.0.0.1, port: ").append(ocrPort)
                .append("}, params: {framing: HTTP, path: /ocr/reads}}\n")
                .append("  - {id: ").append(lane).append("-xray, driver: dicos, lane: ").append(lane)
                .append(", family: XRAY, vendor: Simulated, model: X-ray portal,\n")
                .append("     transport: {kind: tcp-server, host: 127.0.0.1, port: ").append(dicomPort)
                .append("}, params: {calledAeTitle: SCANGATE}}\n")
                .append("blobs: {directory: '").append(dir.resolve("blobs")).append("', maxBytes: 1GiB}\n")
                .append("correlation:\n")
                .append("  sweepInterval: 100ms\n")
                .append("  lanes:\n")
                .append("    - lane: ").append(lane).append('\n')
                .append("      parts: [{kind: conveyance}, {kind: radiation, after: ").append(scaled(7_500))
                .append(", tolerance: ").append(scaled(10_000)).append("}, {kind: xray, after: ").append(scaled(40_000))
                .append(", tolerance: ").append(scaled(10_000)).append("}]\n")
                .append("      deadline: ").append(scaled(95_000)).append('\n')
                .append("      settle: ").append(scaled(5_000)).append('\n')
                .toString();
    }

    /** Waits (briefly) for the gateway to connect to the radiation portal, then starts the vehicles. */
    LaneRun start(Simulator radiationPortal) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + CONNECT_WAIT_MILLIS;
        while (!radiationPortal.isClientConnected(lane) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        return LaneRun.start(settings, radiationPortal);
    }

    String describe() {
        return String.format(Locale.ROOT, "correlated: OCR portal (webhook :%d) + the VM-250 + X-ray scanner"
                + " (DICOS :%d, %dx%d images), ~%.0f vehicles/h, joined into inspections", ocrPort, dicomPort,
                settings.dicos().rows(), settings.dicos().columns(), VEHICLES_PER_HOUR);
    }

    private String scaled(long scenarioMillis) {
        return Math.max(1, Math.round(scenarioMillis / acceleration)) + "ms";
    }
}
