package io.scangate.driver.dicos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scangate.driver.BlobRef;
import io.scangate.driver.BlobWriter;
import io.netty.buffer.Unpooled;
import io.scangate.proto.v1.Envelope;
import io.scangate.proto.v1.ImageRef;
import io.scangate.proto.v1.XrayScan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver against dcmtk's echoscu and storescu, with files made by dcmtk's img2dcm and dump2dcm. */
class DicosOverDcmtkTest {

    private static final long MIB = 1 << 20;
    private static final String DX = "1.2.840.10008.5.1.4.1.1.1.1";
    private static final String DICOS_DX = "1.2.840.10008.5.1.4.1.1.501.2.1";

    @TempDir
    Path work;
    @TempDir
    Path blobs;

    private ScpHarness scp;

    @AfterEach
    void stop() throws Exception {
        if (scp != null) {
            scp.close();
        }
    }

    @Test
    void echoscuIsAnswered() throws Exception {
        start(config(List.of("SCANNER1")), 64 * MIB);

        Dcmtk.Result echo = Dcmtk.run(work, "echoscu", "-v", "-aec", "SCANGATE", "-aet", "SCANNER1", "127.0.0.1",
                port());

        assertThat(echo.exitCode()).as(echo.output()).isZero();
        assertThat(echo.output()).contains("Received Echo Response (Success)");
        assertThat(scp.device().emitted()).isEmpty();
        assertThat(scp.device().decodeErrors()).isEmpty();
    }

    @Test
    void aSecondaryCaptureFromImg2dcmIsStoredByteForByteAndDescribed() throws Exception {
        start(config(List.of()), 64 * MIB);
        Path bmp = TestImages.bmp(work.resolve("small.bmp"), 64, 48);
        Dcmtk.Result made = Dcmtk.run(work, "img2dcm", "-i", "BMP", bmp.toString(), "small.dcm");
        assertThat(made.exitCode()).as(made.output()).isZero();
        byte[] sent = Files.readAllBytes(work.resolve("small.dcm"));

        Dcmtk.Result store = storescu("small.dcm");

        assertThat(store.exitCode()).as(store.output()).isZero();
        assertThat(store.output()).contains("Received Store Response (Success)");
        XrayScan scan = onlyScan();
        ImageRef image = scan.getImages(0);
        byte[] stored = Files.readAllBytes(scp.store().find(image.getSha256()).orElseThrow());
        assertThat(TestImages.dataset(stored)).isEqualTo(TestImages.dataset(sent));
        assertThat(TestImages.sha256(stored)).isEqualTo(image.getSha256());
        assertThat(image.getSizeBytes()).isEqualTo(stored.length);
        assertThat(image.getSopClassUid()).isEqualTo("1.2.840.10008.5.1.4.1.1.7");
        assertThat(image.getEncoding()).isEqualTo("1.2.840.10008.1.2.1");
        assertThat(image.getWidth()).isEqualTo(64);
        assertThat(image.getHeight()).isEqualTo(48);
        assertThat(image.getBitsAllocated()).isEqualTo(8);
        assertThat(image.getPhotometricInterpretation()).isEqualTo("RGB");
        assertThat(scan.getScanId()).isEqualTo(image.getSopInstanceUid()).isNotEmpty();
        assertThat(scan.getStudyInstanceUid()).isNotEmpty();
        assertThat(scan.getAttributesMap()).containsEntry("CallingAETitle", "SCANNER1")
                .containsEntry("SOPClassName", "Secondary Capture");
        Dcmtk.Result dump = Dcmtk.run(work, "dcmdump", "+P", "0002,0010", "+P", "0028,0010",
                scp.store().find(image.getSha256()).orElseThrow().toString());
        assertThat(dump.output()).as("the blob is a Part-10 file dcmtk reads").contains("LittleEndianExplicit")
                .contains("US 48");
    }

    @Test
    void a21MegabyteSixteenBitDicosImageIsStoredWithItsHashAndPixelsIntact() throws Exception {
        start(config(List.of("SCANNER1")), 256 * MIB);
        String instance = "1.2.826.0.1.3680043.10.1143.1.21";
        Path dump = TestImages.dxDump(work, DICOS_DX, instance, 3500, 3000);
        Dcmtk.Result made = Dcmtk.run(work, "dump2dcm", dump.toString(), "large.dcm");
        assertThat(made.exitCode()).as(made.output()).isZero();
        byte[] sent = Files.readAllBytes(work.resolve("large.dcm"));
        assertThat(sent.length).isGreaterThan(20_000_000);

        Dcmtk.Result store = storescu("large.dcm");

        assertThat(store.output()).contains("Received Store Response (Success)");
        XrayScan scan = onlyScan();
        ImageRef image = scan.getImages(0);
        Path blob = scp.store().find(image.getSha256()).orElseThrow();
        byte[] stored = Files.readAllBytes(blob);
        byte[] sentDataset = TestImages.dataset(sent);
        int fileMetaBytes = stored.length - sentDataset.length;
        MessageDigest headerThenSentDataset = MessageDigest.getInstance("SHA-256");
        headerThenSentDataset.update(stored, 0, fileMetaBytes);
        headerThenSentDataset.update(sentDataset);
        assertThat(HexFormat.of().formatHex(headerThenSentDataset.digest())).isEqualTo(image.getSha256());
        Dcmtk.Result sha256sum = Dcmtk.run(work, "sha256sum", blob.toString());
        assertThat(sha256sum.output()).startsWith(image.getSha256() + " ");
        assertThat(image.getSizeBytes()).isEqualTo(stored.length);
        assertThat(TestImages.dataset(stored)).isEqualTo(sentDataset);
        int pixelOffset = Integer.parseInt(scan.getAttributesOrThrow("scangate.pixelDataOffset"));
        byte[] pixels = Files.readAllBytes(work.resolve("pixels-3500x3000.raw"));
        assertThat(Arrays.copyOfRange(stored, pixelOffset, stored.length)).isEqualTo(pixels);
        assertThat(scan.getAttributesMap()).containsEntry("scangate.pixelDataLength", Integer.toString(pixels.length))
                .containsEntry("InstanceNumber", "7").containsEntry("SOPClassName", "DICOS DX for presentation");
        assertThat(image).satisfies(i -> {
            assertThat(i.getSopClassUid()).isEqualTo(DICOS_DX);
            assertThat(i.getSopInstanceUid()).isEqualTo(instance);
            assertThat(i.getWidth()).isEqualTo(3000);
            assertThat(i.getHeight()).isEqualTo(3500);
            assertThat(i.getBitsAllocated()).isEqualTo(16);
            assertThat(i.getBitsStored()).isEqualTo(16);
            assertThat(i.getPhotometricInterpretation()).isEqualTo("MONOCHROME2");
            assertThat(i.getPixelSpacingRowMm()).isEqualTo(0.5);
            assertThat(i.getPixelSpacingColumnMm()).isEqualTo(0.6);
            assertThat(i.getView()).isEqualTo("TOP");
        });
        assertThat(scan.getModality()).isEqualTo("DX");
        assertThat(scan.getManufacturer()).isEqualTo("ACME Scanners");
        assertThat(scan.getModel()).isEqualTo("Portal 9000");
        assertThat(scan.getStudyInstanceUid()).isEqualTo("1.2.826.0.1.3680043.10.1143.2");
        assertThat(scan.getSeriesInstanceUid()).isEqualTo("1.2.826.0.1.3680043.10.1143.3");
        Instant acquired = Instant.parse("2026-11-26T07:15:30.250Z");
        assertThat(scan.getAcquisitionTime().getSeconds()).isEqualTo(acquired.getEpochSecond());
        assertThat(scan.getAcquisitionTime().getNanos()).isEqualTo(acquired.getNano());
        assertThat(scp.temporaryBlobs()).isEmpty();
    }

    @Test
    void twoViewsSentImplicitVrInOneAssociationAreStoredWithTheirPixelsIntact() throws Exception {
        start(config(List.of()), 64 * MIB);
        Path top = smallDx("1.2.826.0.1.3680043.10.1143.1.50", 300, 400);
        Path side = smallDx("1.2.826.0.1.3680043.10.1143.1.51", 300, 400);

        Dcmtk.Result store = Dcmtk.run(work, "storescu", "-v", "-R", "-xi", "-aec", "SCANGATE", "-aet", "SCANNER1",
                "127.0.0.1", port(), top.toString(), side.toString());

        assertThat(store.exitCode()).as(store.output()).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> scp.device().emitted().size() == 2);
        byte[] pixels = Files.readAllBytes(work.resolve("pixels-300x400.raw"));
        for (Envelope message : scp.device().emitted()) {
            XrayScan scan = message.getXrayScan();
            ImageRef image = scan.getImages(0);
            assertThat(image.getEncoding()).isEqualTo("1.2.840.10008.1.2");
            assertThat(image.getWidth()).isEqualTo(400);
            assertThat(image.getHeight()).isEqualTo(300);
            assertThat(image.getPixelSpacingRowMm()).isEqualTo(0.5);
            byte[] stored = Files.readAllBytes(scp.store().find(image.getSha256()).orElseThrow());
            int offset = Integer.parseInt(scan.getAttributesOrThrow("scangate.pixelDataOffset"));
            assertThat(Arrays.copyOfRange(stored, offset, stored.length)).isEqualTo(pixels);
        }
        assertThat(scp.device().emitted()).extracting(m -> m.getXrayScan().getScanId())
                .containsExactlyInAnyOrder("1.2.826.0.1.3680043.10.1143.1.50", "1.2.826.0.1.3680043.10.1143.1.51");
    }

    @Test
    void aThreatDetectionReportIsStoredAndAnnouncedWithTheAttributesItHas() throws Exception {
        start(config(List.of()), 64 * MIB);
        String tdr = "1.2.840.10008.5.1.4.1.1.501.3";
        Files.writeString(work.resolve("tdr.dump"), String.join("\n",
                "(0002,0010) UI =LittleEndianExplicit",
                "(0008,0016) UI [" + tdr + "]",
                "(0008,0018) UI [1.2.826.0.1.3680043.10.1143.1.60]",
                "(0008,0060) CS [TDR]",
                "(0008,0070) LO [ACME Scanners]",
                "(0020,000d) UI [1.2.826.0.1.3680043.10.1143.2]",
                "(0020,000e) UI [1.2.826.0.1.3680043.10.1143.4]",
                ""));
        assertThat(Dcmtk.run(work, "dump2dcm", "tdr.dump", "tdr.dcm").exitCode()).isZero();

        Dcmtk.Result store = storescu("tdr.dcm");

        assertThat(store.output()).contains("Received Store Response (Success)");
        XrayScan scan = onlyScan();
        assertThat(scan.getModality()).isEqualTo("TDR");
        assertThat(scan.getImages(0).getSopClassUid()).isEqualTo(tdr);
        assertThat(scan.getAttributesMap()).containsEntry("SOPClassName", "DICOS TDR")
                .doesNotContainKey("scangate.pixelDataOffset");
        assertThat(scp.store().find(scan.getImages(0).getSha256())).isPresent();
    }

    @Test
    void anUnknownCallingAeTitleIsRejected() throws Exception {
        start(config(List.of("SCANNER1")), 64 * MIB);
        Path file = smallDx("1.2.826.0.1.3680043.10.1143.1.30");

        Dcmtk.Result store = Dcmtk.run(work, "storescu", "-v", "-R", "-aec", "SCANGATE", "-aet", "INTRUDER", "127.0.0.1",
                port(), file.toString());

        assertThat(store.exitCode()).isNotZero();
        assertThat(store.output()).contains("Association Rejected").contains("Calling AE Title Not Recognized");
        assertNothingStored();
    }

    @Test
    void aWrongCalledAeTitleIsRejected() throws Exception {
        start(config(List.of()), 64 * MIB);
        Path file = smallDx("1.2.826.0.1.3680043.10.1143.1.31");

        Dcmtk.Result store = Dcmtk.run(work, "storescu", "-v", "-R", "-aec", "PACS", "-aet", "SCANNER1", "127.0.0.1",
                port(), file.toString());

        assertThat(store.exitCode()).isNotZero();
        assertThat(store.output()).contains("Association Rejected").contains("Called AE Title Not Recognized");
        assertNothingStored();
    }

    @Test
    void anUnsupportedSopClassFindsNoPresentationContext() throws Exception {
        start(config(List.of()), 64 * MIB);
        Path dump = TestImages.dxDump(work, "1.2.840.10008.5.1.4.1.1.4", "1.2.826.0.1.3680043.10.1143.1.32", 8, 8);
        assertThat(Dcmtk.run(work, "dump2dcm", dump.toString(), "mr.dcm").exitCode()).isZero();

        Dcmtk.Result store = Dcmtk.run(work, "storescu", "-d", "-R", "-aec", "SCANGATE", "-aet", "SCANNER1",
                "127.0.0.1", port(), "mr.dcm");

        assertThat(store.exitCode()).isNotZero();
        assertThat(store.output()).contains("Context ID:        1 (Abstract Syntax Not Supported)")
                .contains("No Acceptable Presentation Contexts");
        assertNothingStored();
    }

    @Test
    void aFullBlobStoreAnswersOutOfResourcesAndStoringResumesOnceSpaceIsFreed() throws Exception {
        start(config(List.of()), MIB);
        BlobRef filler = fillBlobStore(900_000);
        Path file = smallDx("1.2.826.0.1.3680043.10.1143.1.40", 300, 400);

        Dcmtk.Result refused = storescu(file.toString());

        assertThat(refused.output()).contains("Received Store Response (Refused: OutOfResources");
        assertThat(scp.device().emitted()).isEmpty();
        assertThat(scp.temporaryBlobs()).isEmpty();
        assertThat(scp.store().delete(filler.sha256())).isTrue();

        Dcmtk.Result stored = storescu(file.toString());

        assertThat(stored.output()).contains("Received Store Response (Success)");
        assertThat(onlyScan().getImages(0).getSopInstanceUid()).isEqualTo("1.2.826.0.1.3680043.10.1143.1.40");
    }

    @Test
    void aJournalThatRefusesTheMessageAnswersOutOfResources() throws Exception {
        start(config(List.of()), 64 * MIB);
        scp.device().journalFull(true);
        Path file = smallDx("1.2.826.0.1.3680043.10.1143.1.41");

        Dcmtk.Result refused = storescu(file.toString());

        assertThat(refused.output()).contains("Received Store Response (Refused: OutOfResources");
        assertThat(scp.device().emitted()).isEmpty();
        scp.device().journalFull(false);

        assertThat(storescu(file.toString()).output()).contains("Received Store Response (Success)");
        assertThat(scp.device().emitted()).hasSize(1);
        assertThat(scp.committedBlobs()).as("the resend reuses the blob stored the first time").hasSize(1);
    }

    private Path smallDx(String instance) throws Exception {
        return smallDx(instance, 16, 16);
    }

    private Path smallDx(String instance, int rows, int columns) throws Exception {
        Path dump = TestImages.dxDump(work, DX, instance, rows, columns);
        String name = "dx-" + instance.substring(instance.lastIndexOf('.') + 1) + ".dcm";
        Dcmtk.Result made = Dcmtk.run(work, "dump2dcm", dump.toString(), name);
        assertThat(made.exitCode()).as(made.output()).isZero();
        return work.resolve(name);
    }

    private BlobRef fillBlobStore(int bytes) throws Exception {
        BlobWriter writer = scp.store().create("application/octet-stream", bytes);
        writer.write(Unpooled.wrappedBuffer(new byte[bytes]));
        return writer.commit().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private Dcmtk.Result storescu(String file) throws Exception {
        return Dcmtk.run(work, "storescu", "-v", "-R", "-aec", "SCANGATE", "-aet", "SCANNER1", "127.0.0.1", port(), file);
    }

    private XrayScan onlyScan() {
        await().atMost(Duration.ofSeconds(10)).until(() -> !scp.device().emitted().isEmpty());
        List<Envelope> emitted = scp.device().emitted();
        assertThat(emitted).hasSize(1);
        assertThat(emitted.get(0).hasXrayScan()).isTrue();
        return emitted.get(0).getXrayScan();
    }

    private void assertNothingStored() throws Exception {
        assertThat(scp.device().emitted()).isEmpty();
        assertThat(scp.committedBlobs()).isEmpty();
        assertThat(scp.temporaryBlobs()).isEmpty();
    }

    private void start(DicosConfig config, long maxBlobBytes) throws Exception {
        assertThat(config.validate()).isEmpty();
        scp = new ScpHarness(config, blobs, maxBlobBytes);
    }

    private String port() {
        return Integer.toString(scp.port());
    }

    private static DicosConfig config(List<String> callingAeTitles) {
        return new DicosConfig(null, callingAeTitles, null, null, null, null, null, null);
    }
}
