package io.scangate.simulator.lanerun;

import io.scangate.simulator.dicos.DicomUids;
import io.scangate.simulator.dicos.DicosSettings;
import io.scangate.simulator.dicos.ScuAssociation;
import io.scangate.simulator.dicos.SyntheticImage;
import io.scangate.simulator.dicos.ThreatReport;
import io.scangate.simulator.vehicle.PartEvent;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lane's X-ray scanner: one association per image of the scenario (a study of two views is two
 * associations, as the scenario delivers the views apart), each image carrying the scenario's study UID and
 * the compressed acquisition instant. One energy per view unless the DICOS settings ask for two. For the
 * {@code tdrShare} of studies (drawn per vehicle from the seed) the first view is followed by a machine Threat
 * Detection Report of the same study, ALARM with one threat object for the {@code alarmShare} of them, else
 * CLEAR.
 */
final class XrayScannerPlayer {

    private static final Logger log = LoggerFactory.getLogger(XrayScannerPlayer.class);
    private static final SyntheticImage.Device DEVICE =
            new SyntheticImage.Device("scangate simulator", "Lane Portal X1", "SIM-LANE-1", "sim-1.0");

    private final DicosSettings settings;
    private final long seed;

    XrayScannerPlayer(DicosSettings settings, long seed) {
        this.settings = settings;
        this.seed = seed;
    }

    private SyntheticImage.Spec lastImage;

    /** @return whether every image of the view (and its report, if any) was stored */
    boolean store(PartEvent.XrayImage image, Instant acquired) {
        int viewNumber = Math.max(1, settings.views().indexOf(image.view()) + 1);
        String series = DicomUids.derived(seed, image.studyUid() + "/series/" + image.view(), image.vehicle());
        List<SyntheticImage.Energy> energies = settings.dualEnergy()
                ? List.of(SyntheticImage.Energy.HIGH, SyntheticImage.Energy.LOW) : List.of(SyntheticImage.Energy.HIGH);
        List<String> sopClasses = settings.tdrShare() > 0
                ? List.of(settings.imageSopClass(), DicomUids.DICOS_THREAT_DETECTION_REPORT)
                : List.of(settings.imageSopClass());
        try (ScuAssociation association = ScuAssociation.open(settings.association(sopClasses))) {
            boolean all = true;
            int instance = 1;
            for (SyntheticImage.Energy energy : energies) {
                String sop = DicomUids.derived(seed, image.studyUid() + "/" + image.view() + "/" + energy, image.vehicle());
                SyntheticImage synthetic = new SyntheticImage(new SyntheticImage.Spec(settings.imageSopClass(),
                        settings.modality(), sop, image.studyUid(), series, viewNumber, instance++, image.view(), energy,
                        settings.rows(), settings.columns(), settings.bitsStored(), settings.pixelSpacingMm(), acquired,
                        ooi(image), DEVICE, seed * 31 + image.vehicle()));
                lastImage = synthetic.spec();
                ScuAssociation.StoreResult result = association.store(settings.imageSopClass(), sop, synthetic);
                if (!result.success()) {
                    all = false;
                    log.warn("vehicle={} reason=store_failed study={} view={} status=0x{} comment={}", image.vehicle(),
                            image.studyUid(), image.view(), String.format("%04X", result.status()), result.errorComment());
                }
            }
            ThreatReport report = report(image, acquired, series, instance);
            if (report != null) {
                ScuAssociation.StoreResult result = association.store(DicomUids.DICOS_THREAT_DETECTION_REPORT,
                        report.spec().sopInstanceUid(), report);
                if (!result.success()) {
                    all = false;
                    log.warn("vehicle={} reason=report_store_failed study={} status=0x{} comment={}", image.vehicle(),
                            image.studyUid(), String.format("%04X", result.status()), result.errorComment());
                }
            }
            association.release();
            return all;
        } catch (IOException e) {
            log.warn("vehicle={} reason=association_failed study={} view={} detail={}", image.vehicle(),
                    image.studyUid(), image.view(), e.toString());
            return false;
        }
    }

    /** The report following the study's first view, or null: drawn per vehicle so that a seed replays it. */
    private ThreatReport report(PartEvent.XrayImage image, Instant acquired, String series, int instance) {
        SplittableRandom draw = new SplittableRandom(seed * 1_000_003 + image.vehicle());
        boolean reported = draw.nextDouble() < settings.tdrShare();
        if (!reported || settings.views().indexOf(image.view()) > 0) {
            return null;
        }
        boolean alarm = draw.nextDouble() < settings.alarmShare();
        List<ThreatReport.ThreatObject> threats = new ArrayList<>();
        if (alarm) {
            float x1 = lastImage.columns() - 1;
            float y1 = lastImage.rows() - 1;
            threats.add(new ThreatReport.ThreatObject(1, "ANOMALY", "Density anomaly in cargo", 0.8f,
                    new float[] {0, 0, x1, 0, x1, y1, 0, y1}, lastImage.sopClassUid(), lastImage.sopInstanceUid()));
        }
        return new ThreatReport(new ThreatReport.Spec(
                DicomUids.derived(seed, image.studyUid() + "/tdr", image.vehicle()), image.studyUid(),
                DicomUids.derived(seed, image.studyUid() + "/tdr-series", image.vehicle()), instance,
                ThreatReport.Type.MACHINE, "scangate-sim ATD 1.0",
                alarm ? ThreatReport.Decision.ALARM : ThreatReport.Decision.CLEAR, acquired.plusMillis(1), ooi(image),
                DEVICE, threats));
    }

    private static String ooi(PartEvent.XrayImage image) {
        return String.format("OOI-%06d", image.vehicle() + 1);
    }
}
