package io.scangate.simulator.dicos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulated scanner against dcmtk's storescp, an implementation written by others: what storescp
 * stored, read back with dcmdump, is what the simulator meant to send.
 */
class ScuAgainstStorescpTest {

    @Test
    void cEchoIsAnsweredWithSuccess(@TempDir Path dir) throws Exception {
        Path stored = Files.createDirectories(dir.resolve("stored"));
        try (DcmtkPeer storescp = DcmtkPeer.storescp(stored, "SCANGATE")) {
            int status = new DicosScanner(DicosSettings.defaults("127.0.0.1", storescp.port())).echo();

            assertThat(status).as(storescp.log()).isZero();
            assertThat(storescp.log()).contains("Received Echo Request");
        }
    }

    @Test
    void aDualEnergyScanAndItsThreatReportAreStoredWithTheirAttributes(@TempDir Path dir) throws Exception {
        Path stored = Files.createDirectories(dir.resolve("stored"));
        DicosSettings settings = DicosSettings.defaults("127.0.0.1", 0)
                .withImages(DicomUids.DICOS_DX_FOR_PRESENTATION, List.of("TOP"), true, 300, 500)
                .withReports(1, 1);
        try (DcmtkPeer storescp = DcmtkPeer.storescp(stored, "SCANGATE")) {
            DicosScanner scanner = new DicosScanner(settings.withTarget("127.0.0.1", storescp.port()));
            DicosScenario.Scan scan = new DicosScenario(settings).next();

            DicosScanner.SentScan sent = scanner.send(scan);

            assertThat(sent.results()).as(storescp.log()).hasSize(3).allMatch(ScuAssociation.StoreResult::success);
            SyntheticImage.Spec high = scan.images().get(0).spec();
            String dump = DcmtkPeer.dump(file(stored, high.sopInstanceUid()));
            assertThat(dump).contains("(0002,0010) UI =LittleEndianExplicit")
                    .contains("(0008,0016) UI =DICOS_DigitalXRayImageStorageForPresentation")
                    .contains("(0008,0018) UI [" + high.sopInstanceUid() + "]")
                    .contains("(0008,0060) CS [DX]")
                    .contains("(0008,0070) LO [scangate simulator]")
                    .contains("(0008,002a) DT [20261126080000.000+0000]")
                    .contains("(0018,5101) CS [TOP]")
                    .contains("(0020,000d) UI [" + high.studyInstanceUid() + "]")
                    .contains("(0028,0004) CS [MONOCHROME2]")
                    .contains("(0028,0010) US 300")
                    .contains("(0028,0011) US 500")
                    .contains("(0028,0030) DS [4\\4]")
                    .contains("(0028,0100) US 16")
                    .contains("(0028,0101) US 14")
                    .contains("(0028,1050) DS [8192]")
                    .containsPattern("\\(7fe0,0010\\) OW .*# +300000, 1 PixelData");
            assertThat(sha256OfDataset(file(stored, high.sopInstanceUid()), sent.results().get(0).datasetBytes()))
                    .isEqualTo(sent.results().get(0).datasetSha256());

            ThreatReport.Spec report = scan.report().spec();
            String tdr = DcmtkPeer.dump(file(stored, report.sopInstanceUid()));
            assertThat(tdr).contains("(0008,0016) UI =DICOS_ThreatDetectionReportStorage")
                    .contains("(4010,1031) CS [ALARM]")
                    .contains("(4010,1027) CS [MACHINE]")
                    .contains("ThreatSequence")
                    .contains("(4010,1012) CS [" + report.threats().get(0).category() + "]")
                    .contains("(0008,1155) UI [" + report.threats().get(0).imageSopInstanceUid() + "]")
                    .containsPattern("\\(4010,101d\\) FL [0-9.\\\\]+ +# +32, 8 BoundingPolygon");
        }
    }

    @Test
    void aRealisticViewIsStoredWhole(@TempDir Path dir) throws Exception {
        Path stored = Files.createDirectories(dir.resolve("stored"));
        DicosSettings settings = DicosSettings.defaults("127.0.0.1", 0)
                .withImages(DicomUids.DX_FOR_PRESENTATION, List.of("SIDE"), false, DicosSettings.DEFAULT_ROWS,
                        DicosSettings.DEFAULT_COLUMNS).withReports(0, 0)
                .withTransferSyntaxes(List.of(DicomUids.IMPLICIT_VR_LITTLE_ENDIAN));
        try (DcmtkPeer storescp = DcmtkPeer.storescp(stored, "SCANGATE", "-pdu", "131072")) {
            DicosScenario.Scan scan = new DicosScenario(settings).next();

            DicosScanner.SentScan sent = new DicosScanner(settings.withTarget("127.0.0.1", storescp.port())).send(scan);

            assertThat(sent.allStored()).as(storescp.log()).isTrue();
            long pixelBytes = 2L * DicosSettings.DEFAULT_ROWS * DicosSettings.DEFAULT_COLUMNS;
            assertThat(pixelBytes).isGreaterThan(10_000_000);
            Path file = file(stored, scan.images().get(0).spec().sopInstanceUid());
            assertThat(DcmtkPeer.dump(file)).contains("(0002,0010) UI =LittleEndianImplicit")
                    .contains("(0008,0016) UI =DigitalXRayImageStorageForPresentation")
                    .contains("(0028,0010) US 1792")
                    .containsPattern("\\(7fe0,0010\\) OW .*# +" + pixelBytes + ", 1 PixelData");
            assertThat(sha256OfDataset(file, sent.results().get(0).datasetBytes()))
                    .isEqualTo(sent.results().get(0).datasetSha256());
        }
    }

    @Test
    void fragmentsFollowThePeersMaximumPduLength(@TempDir Path dir) throws Exception {
        Path stored = Files.createDirectories(dir.resolve("stored"));
        DicosSettings settings = DicosSettings.defaults("127.0.0.1", 0)
                .withImages(DicomUids.DICOS_DX_FOR_PRESENTATION, List.of("TOP"), false, 200, 300);
        try (DcmtkPeer storescp = DcmtkPeer.storescp(stored, "SCANGATE", "-pdu", "8192")) {
            SyntheticImage image = new DicosScenario(settings).next().images().get(0);
            ScuAssociation.Settings target = settings.withTarget("127.0.0.1", storescp.port())
                    .association(List.of(DicomUids.DICOS_DX_FOR_PRESENTATION));
            try (ScuAssociation association = ScuAssociation.open(target)) {
                assertThat(association.peerMaxPduLength()).isEqualTo(8192);

                ScuAssociation.StoreResult result = association.store(image.spec().sopClassUid(),
                        image.spec().sopInstanceUid(), image);

                assertThat(result.success()).as(storescp.log()).isTrue();
                assertThat(result.datasetBytes()).isGreaterThan(120_000);
                association.release();
                assertThat(sha256OfDataset(file(stored, image.spec().sopInstanceUid()), result.datasetBytes()))
                        .isEqualTo(result.datasetSha256());
            }
        }
    }

    @Test
    void theSameSeedSendsTheSameBytes(@TempDir Path dir) throws Exception {
        Path stored = Files.createDirectories(dir.resolve("stored"));
        DicosSettings settings = DicosSettings.defaults("127.0.0.1", 0)
                .withImages(DicomUids.DICOS_DX_FOR_PRESENTATION, List.of("TOP"), true, 64, 128).withReports(1, 1);
        try (DcmtkPeer storescp = DcmtkPeer.storescp(stored, "SCANGATE")) {
            DicosSettings target = settings.withTarget("127.0.0.1", storescp.port());

            List<String> first = hashes(new DicosScanner(target).send(new DicosScenario(settings).next()));
            List<String> again = hashes(new DicosScanner(target).send(new DicosScenario(settings).next()));
            List<String> otherSeed = hashes(new DicosScanner(target).send(new DicosScenario(settings.withSeed(2)).next()));

            assertThat(again).isEqualTo(first);
            assertThat(otherSeed).doesNotContainAnyElementsOf(first);
        }
    }

    @Test
    void aRefusedAssociationSaysWhy(@TempDir Path dir) throws Exception {
        Path stored = Files.createDirectories(dir.resolve("stored"));
        try (DcmtkPeer storescp = DcmtkPeer.storescp(stored, "SCANGATE", "--refuse")) {
            DicosScanner scanner = new DicosScanner(DicosSettings.defaults("127.0.0.1", storescp.port()));

            assertThatThrownBy(scanner::echo).isInstanceOf(AssociationRejectedException.class)
                    .hasMessageStartingWith("association rejected (permanent): service user: no reason given");
        }
    }

    @Test
    void anAbortMidDatasetEndsTheScanWithAClearError(@TempDir Path dir) throws Exception {
        Path stored = Files.createDirectories(dir.resolve("stored"));
        DicosSettings settings = DicosSettings.defaults("127.0.0.1", 0)
                .withImages(DicomUids.DICOS_DX_FOR_PRESENTATION, List.of("TOP"), false, 1000, 1000).withReports(0, 0);
        try (DcmtkPeer storescp = DcmtkPeer.storescp(stored, "SCANGATE", "--abort-during")) {
            DicosScanner scanner = new DicosScanner(settings.withTarget("127.0.0.1", storescp.port()));

            assertThatThrownBy(() -> scanner.send(new DicosScenario(settings).next()))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("association aborted by the peer");
            try (Stream<Path> files = Files.list(stored)) {
                assertThat(files).isEmpty();
            }
        }
    }

    private static List<String> hashes(DicosScanner.SentScan sent) {
        assertThat(sent.allStored()).isTrue();
        return sent.results().stream().map(ScuAssociation.StoreResult::datasetSha256).toList();
    }

    private static Path file(Path directory, String sopInstanceUid) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(sopInstanceUid)).findFirst()
                    .orElseThrow(() -> new AssertionError("storescp stored no file for " + sopInstanceUid));
        }
    }

    /** SHA-256 of the last {@code datasetBytes} of a Part-10 file: the dataset after storescp's meta header. */
    private static String sha256OfDataset(Path file, long datasetBytes) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(bytes, (int) (bytes.length - datasetBytes), (int) datasetBytes);
        return HexFormat.of().formatHex(digest.digest());
    }
}
