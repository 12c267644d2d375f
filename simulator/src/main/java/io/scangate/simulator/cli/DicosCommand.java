package io.scangate.simulator.cli;

import io.scangate.simulator.dicos.DicomUids;
import io.scangate.simulator.dicos.DicosScenario;
import io.scangate.simulator.dicos.DicosScanner;
import io.scangate.simulator.dicos.DicosSettings;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sim dicos}: a container X-ray scanner storing DICOS images (and threat reports) with C-STORE. */
@Command(name = "dicos", mixinStandardHelpOptions = true,
        description = {"Simulate a container X-ray scanner: a DICOM SCU that associates with the gateway (or any"
                + " storage SCP) and stores synthetic dual-energy 16-bit images, optionally followed by a DICOS"
                + " Threat Detection Report.", "Deterministic from the seed; one association per scan."})
public final class DicosCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "The SCP's address (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "11112", description = "The SCP's port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--called-ae", defaultValue = "SCANGATE", description = "Called AE title (default ${DEFAULT-VALUE}).")
    String calledAe;

    @Option(names = "--calling-ae", defaultValue = "SCANNER1", description = "Calling AE title (default ${DEFAULT-VALUE}).")
    String callingAe;

    @Option(names = "--scans", defaultValue = "0", description = "Scans to send; 0 = until stopped (default ${DEFAULT-VALUE}).")
    int scans;

    @Option(names = "--rate", defaultValue = "60", description = "Scans per hour, Poisson arrivals (default ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--acceleration", defaultValue = "1", description = "Simulated time per real time (default ${DEFAULT-VALUE}).")
    double acceleration;

    @Option(names = "--tdr-share", defaultValue = "0.3",
            description = "Share of scans followed by a Threat Detection Report (default ${DEFAULT-VALUE}).")
    double tdrShare;

    @Option(names = "--alarm-share", defaultValue = "0.2",
            description = "Share of reports deciding ALARM, with 1-3 threat objects (default ${DEFAULT-VALUE}).")
    double alarmShare;

    @Option(names = "--sop-class", defaultValue = "dicos-dx",
            description = "Image SOP class: dicos-dx, dx or ct (default ${DEFAULT-VALUE}).")
    String sopClass;

    @Option(names = "--views", split = ",", defaultValue = "TOP,SIDE", description = "View positions (default ${DEFAULT-VALUE}).")
    List<String> views;

    @Option(names = "--single-energy", description = "One (high) energy image per view instead of high and low.")
    boolean singleEnergy;

    @Option(names = "--rows", defaultValue = "" + DicosSettings.DEFAULT_ROWS, description = "Image rows (default ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--columns", defaultValue = "" + DicosSettings.DEFAULT_COLUMNS,
            description = "Image columns (default ${DEFAULT-VALUE}).")
    int columns;

    @Option(names = "--transfer-syntax", defaultValue = "both",
            description = "Offered transfer syntaxes: explicit, implicit or both (default ${DEFAULT-VALUE}).")
    String transferSyntax;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--echo", description = "Only verify the association with C-ECHO, then exit.")
    boolean echoOnly;

    @Override
    public Integer call() throws Exception {
        DicosSettings settings;
        try {
            settings = DicosSettings.defaults(host, port)
                    .withAeTitles(callingAe, calledAe)
                    .withScans(scans, rate, acceleration)
                    .withImages(sopClassUid(), views, !singleEnergy, rows, columns)
                    .withReports(tdrShare, alarmShare)
                    .withTransferSyntaxes(transferSyntaxes())
                    .withSeed(seed);
            new DicosScenario(settings).next();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        DicosScanner scanner = new DicosScanner(settings);
        if (echoOnly) {
            int status = scanner.echo();
            out.printf("echo status=0x%04X%n", status);
            out.flush();
            return status == 0 ? 0 : 1;
        }
        int stored = scanner.run(sent -> {
            sent.results().forEach(result -> out.printf("scan=%d sop_instance=%s status=0x%04X bytes=%d sha256=%s%n",
                    sent.scan().index(), result.sopInstanceUid(), result.status(), result.datasetBytes(),
                    result.datasetSha256()));
            out.flush();
        });
        out.printf("scans_stored=%d%n", stored);
        out.flush();
        return scans > 0 && stored < scans ? 1 : 0;
    }

    private String sopClassUid() {
        return switch (sopClass) {
            case "dicos-dx" -> DicomUids.DICOS_DX_FOR_PRESENTATION;
            case "dx" -> DicomUids.DX_FOR_PRESENTATION;
            case "ct" -> DicomUids.CT;
            default -> throw new ParameterException(spec.commandLine(), "--sop-class: dicos-dx, dx or ct, not " + sopClass);
        };
    }

    private List<String> transferSyntaxes() {
        return switch (transferSyntax) {
            case "explicit" -> List.of(DicomUids.EXPLICIT_VR_LITTLE_ENDIAN);
            case "implicit" -> List.of(DicomUids.IMPLICIT_VR_LITTLE_ENDIAN);
            case "both" -> List.of(DicomUids.EXPLICIT_VR_LITTLE_ENDIAN, DicomUids.IMPLICIT_VR_LITTLE_ENDIAN);
            default -> throw new ParameterException(spec.commandLine(),
                    "--transfer-syntax: explicit, implicit or both, not " + transferSyntax);
        };
    }
}
