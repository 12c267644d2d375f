package io.scangate.driver.dicos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.scangate.proto.v1.Detection;
import io.scangate.proto.v1.Envelope;
import io.scangate.proto.v1.Verdict;
import io.scangate.proto.v1.XrayScan;
import io.scangate.simulator.dicos.AssociationRejectedException;
import io.scangate.simulator.dicos.DicomUids;
import io.scangate.simulator.dicos.DicosScanner;
import io.scangate.simulator.dicos.DicosScenario;
import io.scangate.simulator.dicos.DicosSettings;
import io.scangate.simulator.dicos.ScuAssociation;
import io.scangate.simulator.dicos.SyntheticImage;
import io.scangate.simulator.dicos.ThreatReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulated scanner against the driver, both written from the standard apart: a dual-energy scan and
 * its alarm report on one association become image scans and a report whose detections name the images'
 * blobs; the same in implicit VR; the driver's rejections reach the scanner with their reasons.
 */
class SimulatedScannerTest {

    @Test
    void anAlarmReportNamesTheImagesStoredBeforeIt(@TempDir Path dir) throws Exception {
        assertScanAndReport(dir, List.of(DicomUids.EXPLICIT_VR_LITTLE_ENDIAN));
    }

    @Test
    void theSameInImplicitVr(@TempDir Path dir) throws Exception {
        assertScanAndReport(dir, List.of(DicomUids.IMPLICIT_VR_LITTLE_ENDIAN));
    }

    @Test
    void rejectionsByTheDriverAreNamedByTheScanner(@TempDir Path dir) throws Exception {
        DicosConfig onlyScanner1 = new DicosConfig(null, List.of("SCANNER1"), null, null, null, null, null, null);
        try (ScpHarness scp = new ScpHarness(onlyScanner1, dir.resolve("blobs"), 1L << 20)) {
            DicosSettings settings = DicosSettings.defaults("127.0.0.1", scp.port());

            assertThatThrownBy(() -> new DicosScanner(settings.withAeTitles("INTRUDER", "SCANGATE")).echo())
                    .isInstanceOf(AssociationRejectedException.class)
                    .hasMessage("association rejected (permanent): service user: calling AE title not recognized"
                            + " [result 1, source 1, reason 3]");
            assertThatThrownBy(() -> new DicosScanner(settings.withAeTitles("SCANNER1", "PACS")).echo())
                    .isInstanceOf(AssociationRejectedException.class)
                    .hasMessageContaining("called AE title not recognized [result 1, source 1, reason 7]");
            assertThat(new DicosScanner(settings).echo()).isZero();
        }
    }

    private static void assertScanAndReport(Path dir, List<String> transferSyntaxes) throws Exception {
        try (ScpHarness scp = new ScpHarness(DicosConfig.defaults(), dir.resolve("blobs"), 1L << 30)) {
            DicosSettings settings = DicosSettings.defaults("127.0.0.1", scp.port())
                    .withImages(DicomUids.DICOS_DX_FOR_PRESENTATION, List.of("TOP", "SIDE"), true, 600, 900)
                    .withReports(1, 1).withTransferSyntaxes(transferSyntaxes).withSeed(11);
            DicosScenario.Scan scan = new DicosScenario(settings).next();

            DicosScanner.SentScan sent = new DicosScanner(settings).send(scan);

            assertThat(sent.results()).hasSize(5).allMatch(ScuAssociation.StoreResult::success);
            await().atMost(Duration.ofSeconds(10)).until(() -> scp.device().emitted().size() == 5);
            Map<String, XrayScan> byInstance = scp.device().emitted().stream().map(Envelope::getXrayScan)
                    .collect(Collectors.toMap(XrayScan::getScanId, s -> s));
            for (SyntheticImage image : scan.images()) {
                XrayScan stored = byInstance.get(image.spec().sopInstanceUid());
                assertThat(stored.getImages(0).getWidth()).isEqualTo(900);
                assertThat(stored.getImages(0).getBitsStored()).isEqualTo(14);
                assertThat(stored.getImages(0).getView()).isEqualTo(image.spec().view());
                assertThat(stored.getImages(0).getEncoding()).isEqualTo(transferSyntaxes.get(0));
            }
            ThreatReport.Spec sentReport = scan.report().spec();
            XrayScan report = byInstance.get(sentReport.sopInstanceUid());
            assertThat(report.getDecisionsList()).singleElement().satisfies(decision -> {
                assertThat(decision.getVerdict()).isEqualTo(Verdict.VERDICT_ALARM);
                assertThat(decision.getByMachine()).isTrue();
                assertThat(decision.getWho()).isEqualTo(sentReport.decider());
                assertThat(decision.getTime().getSeconds()).isEqualTo(sentReport.decided().getEpochSecond());
            });
            assertThat(report.getDetectionsList()).hasSameSizeAs(sentReport.threats());
            for (int i = 0; i < sentReport.threats().size(); i++) {
                ThreatReport.ThreatObject threat = sentReport.threats().get(i);
                Detection detection = report.getDetections(i);
                assertThat(detection.getCategory()).isEqualTo(threat.category());
                assertThat(detection.getProbability()).isEqualTo(Double.parseDouble(Float.toString(threat.probability())));
                assertThat(detection.getPolygonList()).hasSize(threat.polygon().length / 2);
                assertThat(detection.getPolygon(2).getX()).isEqualTo(threat.polygon()[4]);
                assertThat(detection.getImageSha256())
                        .isEqualTo(byInstance.get(threat.imageSopInstanceUid()).getImages(0).getSha256());
            }
        }
    }
}
