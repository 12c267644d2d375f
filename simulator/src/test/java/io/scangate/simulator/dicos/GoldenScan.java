package io.scangate.simulator.dicos;

import java.time.Instant;
import java.util.List;

/**
 * The scan behind the shared DICOS golden vectors (drivers/dicos/src/test/resources/golden, README there):
 * a 4 x 6 DICOS DX image, an ALARM report by the machine with two threat objects on it, and a CLEAR report
 * by an operator. Fixed values, independent of the scenario's random draws.
 */
final class GoldenScan {

    static final String CALLING_AE = "SCANNER1";
    static final String CALLED_AE = "SCANGATE";
    static final int MAX_PDU = 1 << 20;
    static final String STUDY = "1.2.826.0.1.3680043.10.1143.100";
    static final String IMAGE = "1.2.826.0.1.3680043.10.1143.100.1.1";
    static final SyntheticImage.Device DEVICE =
            new SyntheticImage.Device("scangate simulator", "Container Portal X16", "SIM-0001", "sim-1.0");

    private GoldenScan() {
    }

    static List<UpperLayer.ProposedContext> contexts() {
        List<String> both = List.of(DicomUids.EXPLICIT_VR_LITTLE_ENDIAN, DicomUids.IMPLICIT_VR_LITTLE_ENDIAN);
        return List.of(new UpperLayer.ProposedContext(1, DicomUids.VERIFICATION, both),
                new UpperLayer.ProposedContext(3, DicomUids.DICOS_DX_FOR_PRESENTATION, both),
                new UpperLayer.ProposedContext(5, DicomUids.DICOS_THREAT_DETECTION_REPORT, both));
    }

    static SyntheticImage image() {
        return new SyntheticImage(new SyntheticImage.Spec(DicomUids.DICOS_DX_FOR_PRESENTATION, "DX", IMAGE, STUDY,
                STUDY + ".1", 1, 1, "TOP", SyntheticImage.Energy.HIGH, 4, 6, 14, 4.0,
                Instant.parse("2026-11-26T08:15:30.250Z"), "OOI-000042", DEVICE, 7));
    }

    static ThreatReport alarm() {
        return new ThreatReport(new ThreatReport.Spec(STUDY + ".9.1", STUDY, STUDY + ".9", 1, ThreatReport.Type.MACHINE,
                "scangate-sim ATD 1.0", ThreatReport.Decision.ALARM, Instant.parse("2026-11-26T08:15:33.500Z"),
                "OOI-000042", DEVICE, List.of(
                        new ThreatReport.ThreatObject(1, "CONTRABAND", "Undeclared goods behind a false wall", 0.875f,
                                new float[] {1, 1, 4, 1, 4, 3, 1, 3}, DicomUids.DICOS_DX_FOR_PRESENTATION, IMAGE),
                        new ThreatReport.ThreatObject(2, "ANOMALY", "Density anomaly in cargo", 0.5f,
                                new float[] {0, 0, 2.5f, 0, 2.5f, 2}, DicomUids.DICOS_DX_FOR_PRESENTATION, IMAGE))));
    }

    static ThreatReport clearByOperator() {
        return new ThreatReport(new ThreatReport.Spec(STUDY + ".9.2", STUDY, STUDY + ".9", 2, ThreatReport.Type.OPERATOR,
                "Smith^Anna", ThreatReport.Decision.CLEAR, Instant.parse("2026-11-26T08:17:02Z"), "OOI-000042",
                DEVICE, List.of()));
    }
}
