package io.scangate.driver.dicos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.scangate.proto.v1.Detection;
import io.scangate.proto.v1.EnergyChannel;
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
 * blobs, and the HIGH and LOW image of each view carry their channel; the same in implicit VR; an energy rule
 * that finds two channels in an image is reported; the driver's rejections reach the scanner with their
 * reasons.
 */
class SimulatedScannerTest {

    /** The simulator's energies as the contract names them (written here, not taken from the driver). */
    private static final Map<SyntheticImage.Energy, EnergyChannel> SENT_ENERGY = Map.of(
            SyntheticImage.Energy.HIGH, EnergyChannel.ENERGY_CHANNEL_HIGH,
            SyntheticImage.Energy.LOW, EnergyChannel.ENERGY_CHANNEL_LOW);

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

    @Test
    void aRuleThatFindsTwoChannelsInOneImageLeavesItsEnergyUnspecifiedAndSaysSo(@TempDir Path dir) throws Exception {
        // The simulator's Series Description is "TOP HIGH ENERGY": with ENERGY taken for ZEFF it names two channels.
        EnergyConfig seriesWithEnergyAsZeff = new EnergyConfig(List.of("SeriesDescription"),
                Map.of("ZEFF", List.of("ENERGY")));
        DicosConfig config = new DicosConfig(null, null, null, null, null, null, null, seriesWithEnergyAsZeff);
        try (ScpHarness scp = new ScpHarness(config, dir.resolve("blobs"), 1L << 30)) {
            DicosSettings settings = DicosSettings.defaults("127.0.0.1", scp.port())
                    .withImages(DicomUids.DICOS_DX_FOR_PRESENTATION, List.of("TOP"), true, 60, 90)
                    .withReports(0, 0).withSeed(12);
            DicosScenario.Scan scan = new DicosScenario(settings).next();

            DicosScanner.SentScan sent = new DicosScanner(settings).send(scan);

            assertThat(sent.results()).hasSize(2).allMatch(ScuAssociation.StoreResult::success);
            await().atMost(Duration.ofSeconds(10)).until(() -> scp.device().emitted().size() == 2);
            assertThat(scp.device().emitted()).extracting(e -> e.getXrayScan().getImages(0).getEnergy())
                    .containsOnly(EnergyChannel.ENERGY_CHANNEL_UNSPECIFIED);
            assertThat(scp.device().decodeErrors()).extracting(RecordingDeviceContext.DecodeError::reason)
                    .containsExactly("energy_ambiguous", "energy_ambiguous");
            assertThat(scp.device().decodeErrors().get(0).detail())
                    .startsWith("SOP instance " + scan.images().get(0).spec().sopInstanceUid() + ": SeriesDescription")
                    .contains("names HIGH and ZEFF");
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
            assertThat(scan.images()).extracting(image -> image.spec().view() + " " + image.spec().energy())
                    .containsExactlyInAnyOrder("TOP HIGH", "TOP LOW", "SIDE HIGH", "SIDE LOW");
            for (SyntheticImage image : scan.images()) {
                XrayScan stored = byInstance.get(image.spec().sopInstanceUid());
                assertThat(stored.getImages(0).getWidth()).isEqualTo(900);
                assertThat(stored.getImages(0).getBitsStored()).isEqualTo(14);
                assertThat(stored.getImages(0).getView()).isEqualTo(image.spec().view());
                assertThat(stored.getImages(0).getEnergy()).as("the driver's default rule on the simulator's Image Type")
                        .isEqualTo(SENT_ENERGY.get(image.spec().energy()));
                assertThat(stored.getImages(0).getEncoding()).isEqualTo(transferSyntaxes.get(0));
            }
            ThreatReport.Spec sentReport = scan.report().spec();
            XrayScan report = byInstance.get(sentReport.sopInstanceUid());
            assertThat(report.getImages(0).getEnergy()).isEqualTo(EnergyChannel.ENERGY_CHANNEL_UNSPECIFIED);
            assertThat(scp.device().decodeErrors()).isEmpty();
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
