package io.scangate.simulator.dicos;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the simulated scanner sends, where, and how often. Defaults: {@link #defaults(String, int)}.
 *
 * @param imageSopClass the SOP class of the images (DICOS DX by default; DICOM DX or CT selectable)
 * @param transferSyntaxes offered for every context, in order of preference
 * @param scans how many scans to send; 0 = until stopped
 * @param scansPerHour mean rate of the (Poisson) arrivals, in simulated time
 * @param acceleration simulated time per real time
 * @param views view positions per scan, e.g. TOP and SIDE
 * @param dualEnergy a HIGH and a LOW energy image per view, else HIGH only
 * @param tdrShare share of scans followed by a Threat Detection Report
 * @param alarmShare share of reports that decide ALARM (with 1-3 threat objects); the others CLEAR
 */
public record DicosSettings(String host, int port, String callingAe, String calledAe, String imageSopClass,
        List<String> transferSyntaxes, int scans, double scansPerHour, double acceleration, List<String> views,
        boolean dualEnergy, int rows, int columns, int bitsStored, double pixelSpacingMm, double tdrShare,
        double alarmShare, long seed, Instant start, int maxPduLength, Duration responseTimeout) {

    public static final int DEFAULT_ROWS = 1792;
    public static final int DEFAULT_COLUMNS = 3072;

    public DicosSettings {
        views = List.copyOf(views);
        transferSyntaxes = List.copyOf(transferSyntaxes);
        if (views.isEmpty()) {
            throw new IllegalArgumentException("views: at least one (e.g. TOP)");
        }
        if (tdrShare < 0 || tdrShare > 1 || alarmShare < 0 || alarmShare > 1) {
            throw new IllegalArgumentException("tdr-share and alarm-share: 0..1");
        }
        if (scansPerHour <= 0 || acceleration <= 0) {
            throw new IllegalArgumentException("rate and acceleration: above 0");
        }
    }

    /**
     * One scan a minute of a top and a side view in two energies, 1792 x 3072 pixels (5.5 megapixels, 11 MB
     * an image, 22 MB a view), 14 bits stored, DICOS DX, explicit then implicit VR little endian, a TDR for
     * 30 % of scans of which 20 % alarm.
     */
    public static DicosSettings defaults(String host, int port) {
        return new DicosSettings(host, port, "SCANNER1", "SCANGATE", DicomUids.DICOS_DX_FOR_PRESENTATION,
                List.of(DicomUids.EXPLICIT_VR_LITTLE_ENDIAN, DicomUids.IMPLICIT_VR_LITTLE_ENDIAN), 0, 60, 1,
                List.of("TOP", "SIDE"), true, DEFAULT_ROWS, DEFAULT_COLUMNS, 14, 4.0, 0.3, 0.2, 1,
                Instant.parse("2026-11-26T08:00:00Z"), 1 << 20, Duration.ofSeconds(120));
    }

    public DicosSettings withTarget(String host, int port) {
        return new DicosSettings(host, port, callingAe, calledAe, imageSopClass, transferSyntaxes, scans,
                scansPerHour, acceleration, views, dualEnergy, rows, columns, bitsStored, pixelSpacingMm, tdrShare,
                alarmShare, seed, start, maxPduLength, responseTimeout);
    }

    public DicosSettings withScans(int count, double perHour, double speedUp) {
        return new DicosSettings(host, port, callingAe, calledAe, imageSopClass, transferSyntaxes, count, perHour,
                speedUp, views, dualEnergy, rows, columns, bitsStored, pixelSpacingMm, tdrShare, alarmShare, seed,
                start, maxPduLength, responseTimeout);
    }

    public DicosSettings withImages(String sopClass, List<String> viewPositions, boolean twoEnergies, int imageRows,
            int imageColumns) {
        return new DicosSettings(host, port, callingAe, calledAe, sopClass, transferSyntaxes, scans, scansPerHour,
                acceleration, viewPositions, twoEnergies, imageRows, imageColumns, bitsStored, pixelSpacingMm,
                tdrShare, alarmShare, seed, start, maxPduLength, responseTimeout);
    }

    public DicosSettings withReports(double share, double alarms) {
        return new DicosSettings(host, port, callingAe, calledAe, imageSopClass, transferSyntaxes, scans,
                scansPerHour, acceleration, views, dualEnergy, rows, columns, bitsStored, pixelSpacingMm, share, alarms,
                seed, start, maxPduLength, responseTimeout);
    }

    public DicosSettings withAeTitles(String calling, String called) {
        return new DicosSettings(host, port, calling, called, imageSopClass, transferSyntaxes, scans, scansPerHour,
                acceleration, views, dualEnergy, rows, columns, bitsStored, pixelSpacingMm, tdrShare, alarmShare, seed,
                start, maxPduLength, responseTimeout);
    }

    public DicosSettings withTransferSyntaxes(List<String> syntaxes) {
        return new DicosSettings(host, port, callingAe, calledAe, imageSopClass, syntaxes, scans, scansPerHour,
                acceleration, views, dualEnergy, rows, columns, bitsStored, pixelSpacingMm, tdrShare, alarmShare, seed,
                start, maxPduLength, responseTimeout);
    }

    public DicosSettings withSeed(long newSeed) {
        return new DicosSettings(host, port, callingAe, calledAe, imageSopClass, transferSyntaxes, scans, scansPerHour,
                acceleration, views, dualEnergy, rows, columns, bitsStored, pixelSpacingMm, tdrShare, alarmShare,
                newSeed, start, maxPduLength, responseTimeout);
    }

    public String modality() {
        return DicomUids.CT.equals(imageSopClass) || DicomUids.DICOS_CT.equals(imageSopClass) ? "CT" : "DX";
    }

    /** What {@link ScuAssociation#open} needs to offer these SOP classes (plus Verification) to the target. */
    public ScuAssociation.Settings association(List<String> sopClasses) {
        return new ScuAssociation.Settings(host, port, callingAe, calledAe, sopClasses, transferSyntaxes,
                maxPduLength, Duration.ofSeconds(10), responseTimeout);
    }
}
