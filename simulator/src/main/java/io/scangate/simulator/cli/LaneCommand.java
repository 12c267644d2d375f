package io.scangate.simulator.cli;

import io.scangate.simulator.Simulator;
import io.scangate.simulator.SimulatorOptions;
import io.scangate.simulator.lanerun.LaneRun;
import io.scangate.simulator.lanerun.LaneRunCounts;
import io.scangate.simulator.lanerun.LaneRunSettings;
import io.scangate.simulator.vehicle.VehicleLaneSettings;
import io.scangate.simulator.vehicle.VehicleTruth;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sim lane}: a whole lane - OCR portal, VM-250 radiation portal, X-ray scanner - driven by the vehicle
 * scenario, for a gateway with lane correlation.
 */
@Command(name = "lane", mixinStandardHelpOptions = true,
        description = {"Simulate a whole lane: each vehicle passes an OCR portal (a JSON read POSTed to the gateway's"
                + " webhook), a VM-250 radiation portal (a TCP server the gateway connects to) and an X-ray scanner"
                + " (DICOS images stored with C-STORE), in that order, with the scenario's gaps, jitter and faults.",
                "Every device clock is compressed by --acceleration: divide the gateway's correlation windows"
                + " (after, tolerance, deadline, settle) by the same factor. The run starts once the gateway has"
                + " connected to the VM-250 port."})
public final class LaneCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--lane-id", defaultValue = "lane-1", description = "Lane the devices report (default ${DEFAULT-VALUE}).")
    String laneId;

    @Option(names = "--ocr-url", defaultValue = "http://127.0.0.1:8480/ocr/reads",
            description = "The gateway's OCR webhook (default ${DEFAULT-VALUE}).")
    URI ocrUrl;

    @Option(names = "--vm250-host", defaultValue = "127.0.0.1",
            description = "Address the VM-250 portal listens on (default ${DEFAULT-VALUE}).")
    String vm250Host;

    @Option(names = "--vm250-port", defaultValue = "1600",
            description = "Port the VM-250 portal listens on; 0 = ephemeral (default ${DEFAULT-VALUE}).")
    int vm250Port;

    @Option(names = "--dicom-host", defaultValue = "127.0.0.1", description = "The gateway's DICOS receiver (default ${DEFAULT-VALUE}).")
    String dicomHost;

    @Option(names = "--dicom-port", defaultValue = "11112", description = "Its port (default ${DEFAULT-VALUE}).")
    int dicomPort;

    @Option(names = "--called-ae", defaultValue = "SCANGATE", description = "Called AE title (default ${DEFAULT-VALUE}).")
    String calledAe;

    @Option(names = "--calling-ae", defaultValue = "SCANNER1", description = "Calling AE title (default ${DEFAULT-VALUE}).")
    String callingAe;

    @Option(names = "--rows", defaultValue = "" + LaneRunSettings.DEFAULT_IMAGE_ROWS,
            description = "X-ray image rows (default ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--columns", defaultValue = "" + LaneRunSettings.DEFAULT_IMAGE_COLUMNS,
            description = "X-ray image columns (default ${DEFAULT-VALUE}).")
    int columns;

    @Option(names = "--tdr-share", defaultValue = "0",
            description = "Share of X-ray studies followed by a threat detection report (default ${DEFAULT-VALUE}).")
    double tdrShare;

    @Option(names = "--alarm-share", defaultValue = "0.2",
            description = "Share of those reports that decide ALARM (default ${DEFAULT-VALUE}).")
    double alarmShare;

    @Option(names = "--vehicles", defaultValue = "0", description = "Vehicles to play; 0 = until stopped (default ${DEFAULT-VALUE}).")
    int vehicles;

    @Option(names = "--vehicles-per-hour", defaultValue = "30",
            description = "Mean arrival rate, Poisson, at least 30 s apart (default ${DEFAULT-VALUE}).")
    double vehiclesPerHour;

    @Option(names = "--acceleration", defaultValue = "1", description = "Scenario time per real time (default ${DEFAULT-VALUE}).")
    double acceleration;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--missed-ocr", defaultValue = "0.04", description = "Share of OCR no-reads (default ${DEFAULT-VALUE}).")
    double missedOcr;

    @Option(names = "--wrong-check-digit", defaultValue = "0.03",
            description = "Share of reads with one check digit misread (default ${DEFAULT-VALUE}).")
    double wrongCheckDigit;

    @Option(names = "--missing-xray", defaultValue = "0.04", description = "Share of vehicles not X-rayed (default ${DEFAULT-VALUE}).")
    double missingXray;

    @Option(names = "--late-xray", defaultValue = "0.04",
            description = "Share of X-ray studies delivered 3-10 minutes late (default ${DEFAULT-VALUE}).")
    double lateXray;

    @Option(names = "--truth-log", description = "JSON-lines file of the ground truth, one vehicle a line.")
    Path truthLog;

    @Option(names = "--connect-timeout", defaultValue = "120",
            description = "Seconds to wait for the gateway to connect to the VM-250 port (default ${DEFAULT-VALUE}).")
    long connectTimeoutSeconds;

    /** The run these options describe. */
    LaneRunSettings toSettings(int dicomPortToUse) {
        try {
            VehicleLaneSettings defaults = VehicleLaneSettings.defaults();
            VehicleLaneSettings traffic = new VehicleLaneSettings(vehiclesPerHour, defaults.minHeadwaySeconds(),
                    defaults.noContainerShare(), defaults.twoContainerShare(), defaults.ocrToRpmMetres(),
                    defaults.speedMinMph(), defaults.speedMaxMph(), defaults.rpmToXrayMinSeconds(),
                    defaults.rpmToXrayMaxSeconds(), defaults.twoViewShare(), defaults.xrayTransferMinSeconds(),
                    defaults.xrayTransferMaxSeconds(), missedOcr, wrongCheckDigit, missingXray, lateXray,
                    defaults.lateXrayMinSeconds(), defaults.lateXrayMaxSeconds(), defaults.gammaAlarmRate());
            for (double share : List.of(missedOcr, wrongCheckDigit, missingXray, lateXray)) {
                if (!(share >= 0 && share <= 1)) {
                    throw new IllegalArgumentException("fault shares: 0..1, got " + share);
                }
            }
            LaneRunSettings settings = LaneRunSettings.defaults(laneId, ocrUrl, dicomHost, dicomPortToUse)
                    .withVehicles(vehicles).withAcceleration(acceleration).withSeed(seed).withTraffic(traffic)
                    .withTruthLog(truthLog);
            return settings.withDicos(settings.dicos().withAeTitles(callingAe, calledAe).withReports(tdrShare, alarmShare))
                    .withImageSize(rows, columns);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    @Override
    public Integer call() throws Exception {
        LaneRunSettings settings = toSettings(dicomPort);
        PrintWriter out = spec.commandLine().getOut();
        SimulatorOptions vm250 = SimulatorOptions.builder().laneIds(List.of(laneId)).scheduledLanes(Set.of(laneId))
                .host(vm250Host).portBase(vm250Port).acceleration(acceleration).seed(seed).build();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(stopped::countDown, "sim-lane-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (Simulator radiationPortal = Simulator.start(vm250)) {
            out.printf("lane=%s vm250 listening=%s:%d ocr=%s dicom=%s:%d acceleration=%s%n", laneId, vm250Host,
                    radiationPortal.port(laneId), ocrUrl, dicomHost, dicomPort, acceleration);
            out.flush();
            if (!awaitGateway(radiationPortal, stopped)) {
                out.printf("no gateway connected to the VM-250 port within %d s%n", connectTimeoutSeconds);
                out.flush();
                return 1;
            }
            try (LaneRun run = LaneRun.start(settings, radiationPortal, truth -> print(out, truth))) {
                while (!run.awaitPlayed(Duration.ofMillis(200))) {
                    if (stopped.getCount() == 0) {
                        break;
                    }
                }
                LaneRunCounts.Snapshot counts = run.counts();
                out.printf("vehicles=%d %s%n", run.vehicles().size(), counts);
                out.flush();
                return counts.allDelivered() ? 0 : 1;
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already stopping: the hook runs anyway
            }
        }
    }

    private boolean awaitGateway(Simulator radiationPortal, CountDownLatch stopped) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(connectTimeoutSeconds);
        while (!radiationPortal.isClientConnected(laneId)) {
            if (System.nanoTime() > deadline || stopped.await(100, TimeUnit.MILLISECONDS)) {
                return false;
            }
        }
        return true;
    }

    private static void print(PrintWriter out, VehicleTruth truth) {
        out.printf(Locale.ROOT, "vehicle=%d plate=%s containers=%s radiation=%s xray=%s%s%n", truth.vehicle(),
                truth.plate(), truth.containers(), truth.gammaAlarm() ? "ALARM" : "ok",
                truth.xrayMissing() ? "none" : truth.xrayViews() + (truth.xrayViews() == 1 ? " view" : " views"),
                faults(truth));
        out.flush();
    }

    private static String faults(VehicleTruth truth) {
        StringBuilder faults = new StringBuilder();
        if (truth.ocrNoRead()) {
            faults.append(" ocr-no-read");
        }
        if (truth.wrongCheckDigit()) {
            faults.append(" wrong-check-digit");
        }
        if (truth.xrayLate()) {
            faults.append(" xray-late");
        }
        return faults.isEmpty() ? "" : " faults:" + faults;
    }
}
