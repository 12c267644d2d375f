package io.scangate.simulator.lanerun;

import io.scangate.simulator.dicos.DicomUids;
import io.scangate.simulator.dicos.DicosSettings;
import io.scangate.simulator.dicos.ScuAssociation;
import io.scangate.simulator.dicos.SyntheticImage;
import io.scangate.simulator.vehicle.PartEvent;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lane's X-ray scanner: one association per image of the scenario (a study of two views is two
 * associations, as the scenario delivers the views apart), each image carrying the scenario's study UID and
 * the compressed acquisition instant. One energy per view unless the DICOS settings ask for two.
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

    /** @return whether every image of the view was stored */
    boolean store(PartEvent.XrayImage image, Instant acquired) {
        int viewNumber = Math.max(1, settings.views().indexOf(image.view()) + 1);
        String series = DicomUids.derived(seed, image.studyUid() + "/series/" + image.view(), image.vehicle());
        List<SyntheticImage.Energy> energies = settings.dualEnergy()
                ? List.of(SyntheticImage.Energy.HIGH, SyntheticImage.Energy.LOW) : List.of(SyntheticImage.Energy.HIGH);
        try (ScuAssociation association = ScuAssociation.open(settings.association(List.of(settings.imageSopClass())))) {
            boolean all = true;
            int instance = 1;
            for (SyntheticImage.Energy energy : energies) {
                String sop = DicomUids.derived(seed, image.studyUid() + "/" + image.view() + "/" + energy, image.vehicle());
                SyntheticImage synthetic = new SyntheticImage(new SyntheticImage.Spec(settings.imageSopClass(),
                        settings.modality(), sop, image.studyUid(), series, viewNumber, instance++, image.view(), energy,
                        settings.rows(), settings.columns(), settings.bitsStored(), settings.pixelSpacingMm(), acquired,
                        String.format("OOI-%06d", image.vehicle() + 1), DEVICE, seed * 31 + image.vehicle()));
                ScuAssociation.StoreResult result = association.store(settings.imageSopClass(), sop, synthetic);
                if (!result.success()) {
                    all = false;
                    log.warn("vehicle={} reason=store_failed study={} view={} status=0x{} comment={}", image.vehicle(),
                            image.studyUid(), image.view(), String.format("%04X", result.status()), result.errorComment());
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
}
