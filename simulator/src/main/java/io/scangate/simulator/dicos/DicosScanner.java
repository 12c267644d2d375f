package io.scangate.simulator.dicos;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated container scanner: for each scan of its {@link DicosScenario}, one association that stores the
 * images, then the report, then releases, as scanners do. Scans start at the scenario's times divided by
 * the acceleration.
 */
public final class DicosScanner {

    /** One scan as sent: every C-STORE's result, in order. */
    public record SentScan(DicosScenario.Scan scan, List<ScuAssociation.StoreResult> results) {

        public boolean allStored() {
            return results.stream().allMatch(ScuAssociation.StoreResult::success);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(DicosScanner.class);

    private final DicosSettings settings;
    private final DicosScenario scenario;

    public DicosScanner(DicosSettings settings) {
        this.settings = settings;
        this.scenario = new DicosScenario(settings);
    }

    /** C-ECHO on an association of its own. */
    public int echo() throws IOException {
        try (ScuAssociation association = ScuAssociation.open(settings.association(List.of()))) {
            int status = association.echo();
            association.release();
            return status;
        }
    }

    /**
     * Sends scans at the configured pace until {@code settings.scans()} were sent (or forever when 0) or the
     * thread is interrupted; each sent scan goes to {@code sent}. A scan whose association fails is logged
     * and counted, and the next scan is tried at its time, as a scanner keeps scanning.
     *
     * @return the number of scans whose every C-STORE succeeded
     */
    public int run(Consumer<SentScan> sent) throws InterruptedException {
        long startedNanos = System.nanoTime();
        int stored = 0;
        for (int i = 0; settings.scans() == 0 || i < settings.scans(); i++) {
            DicosScenario.Scan scan = scenario.next();
            Duration due = Duration.between(settings.start(), scan.time());
            long waitNanos = (long) (due.toNanos() / settings.acceleration()) - (System.nanoTime() - startedNanos);
            if (waitNanos > 0) {
                Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
            }
            try {
                SentScan result = send(scan);
                stored += result.allStored() ? 1 : 0;
                sent.accept(result);
            } catch (IOException e) {
                log.warn("scan={} reason=association_failed detail={}", scan.index(), e.getMessage());
            }
        }
        return stored;
    }

    /** One association carrying one scan's images and report; a failed C-STORE is recorded and the next one sent. */
    public SentScan send(DicosScenario.Scan scan) throws IOException {
        List<ScuAssociation.StoreResult> results = new ArrayList<>();
        try (ScuAssociation association = ScuAssociation.open(settings.association(scan.sopClasses()))) {
            for (SyntheticImage image : scan.images()) {
                ScuAssociation.StoreResult result = association.store(image.spec().sopClassUid(),
                        image.spec().sopInstanceUid(), image);
                results.add(result);
                logResult(scan, result);
            }
            if (scan.report() != null) {
                ScuAssociation.StoreResult result = association.store(DicomUids.DICOS_THREAT_DETECTION_REPORT,
                        scan.report().spec().sopInstanceUid(), scan.report());
                results.add(result);
                logResult(scan, result);
            }
            association.release();
        }
        return new SentScan(scan, List.copyOf(results));
    }

    private static void logResult(DicosScenario.Scan scan, ScuAssociation.StoreResult result) {
        if (result.success()) {
            log.info("scan={} event=stored sop_instance={} bytes={} sha256={}", scan.index(), result.sopInstanceUid(),
                    result.datasetBytes(), result.datasetSha256());
        } else {
            log.warn("scan={} reason=store_failed sop_instance={} status=0x{} comment={}", scan.index(),
                    result.sopInstanceUid(), String.format("%04X", result.status()), result.errorComment());
        }
    }
}
