package io.scangate.driver.dicos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scangate.proto.v1.ImageRef;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What dcmtk will not do on purpose: torn transfers, garbage, silence, oversized PDUs. */
class RawAssociationTest {

    private static final String DX = "1.2.840.10008.5.1.4.1.1.1.1";
    private static final String INSTANCE = "1.2.826.0.1.3680043.10.1143.9.1";
    private static final int MAX_PDU = 64 << 10;

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
    void aConnectionLostMidDatasetLeavesNoBlobAndNoMessage() throws Exception {
        start(DicosConfig.defaults());
        byte[] dataset = dataset(true, 200_000);
        try (RawScu scu = associated(RawScu.EXPLICIT_LE)) {
            scu.storeCommand(DX, INSTANCE);
            scu.datasetFragment(Arrays.copyOf(dataset, dataset.length / 2), false);
            await().atMost(Duration.ofSeconds(10)).until(() -> scp.store().usedBytes() > dataset.length / 2);
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> scp.temporaryBlobs().isEmpty());
        assertThat(scp.store().usedBytes()).isZero();
        assertThat(scp.committedBlobs()).isEmpty();
        assertThat(scp.device().emitted()).isEmpty();
    }

    @Test
    void anAbortMidDatasetLeavesNoBlobAndNoMessage() throws Exception {
        start(DicosConfig.defaults());
        byte[] dataset = dataset(true, 200_000);
        try (RawScu scu = associated(RawScu.EXPLICIT_LE)) {
            scu.storeCommand(DX, INSTANCE);
            scu.datasetFragment(Arrays.copyOf(dataset, dataset.length / 2), false);
            await().atMost(Duration.ofSeconds(10)).until(() -> scp.store().usedBytes() > dataset.length / 2);
            scu.abortRequest();

            assertThat(scu.closedByPeer()).isTrue();
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> scp.temporaryBlobs().isEmpty());
        assertThat(scp.committedBlobs()).isEmpty();
        assertThat(scp.device().emitted()).isEmpty();
    }

    @Test
    void anImplicitVrDatasetInSeveralFragmentsIsStoredAndAReleaseRequestedEarlyWaitsForTheResponse()
            throws Exception {
        start(DicosConfig.defaults());
        byte[] dataset = dataset(false, 50_000);
        try (RawScu scu = associated(RawScu.IMPLICIT_LE)) {
            scu.storeCommand(DX, INSTANCE);
            for (int from = 0; from < dataset.length; from += 7_001) {
                int to = Math.min(dataset.length, from + 7_001);
                scu.datasetFragment(Arrays.copyOfRange(dataset, from, to), to == dataset.length);
            }
            scu.releaseRequest();

            RawScu.Received response = scu.receive();
            assertThat(response.type()).isEqualTo(0x04);
            assertThat(RawScu.status(response)).isEqualTo(0x0000);
            assertThat(scu.receive().type()).isEqualTo(0x06);
        }

        ImageRef image = scp.device().emitted().get(0).getXrayScan().getImages(0);
        assertThat(image.getEncoding()).isEqualTo(RawScu.IMPLICIT_LE);
        assertThat(image.getHeight()).isEqualTo(100);
        assertThat(image.getWidth()).isEqualTo(250);
        assertThat(image.getSopInstanceUid()).isEqualTo(INSTANCE);
    }

    @Test
    void anUnreadableDatasetIsAnsweredCannotUnderstandAndNotKept() throws Exception {
        start(DicosConfig.defaults());
        byte[] garbage = new byte[4_000];
        Arrays.fill(garbage, (byte) 0x11);
        try (RawScu scu = associated(RawScu.EXPLICIT_LE)) {
            scu.storeCommand(DX, INSTANCE);
            scu.datasetFragment(garbage, true);

            assertThat(RawScu.status(scu.receive())).isEqualTo(0xC000);
            scu.releaseRequest();
            assertThat(scu.receive().type()).isEqualTo(0x06);
        }

        assertThat(scp.device().emitted()).isEmpty();
        assertThat(scp.committedBlobs()).isEmpty();
        assertThat(scp.temporaryBlobs()).isEmpty();
        assertThat(scp.device().decodeErrors()).extracting(RecordingDeviceContext.DecodeError::reason)
                .containsExactly(StoreOperation.DATASET_UNREADABLE);
    }

    @Test
    void aTruncatedDatasetIsAnsweredCannotUnderstand() throws Exception {
        start(DicosConfig.defaults());
        byte[] dataset = dataset(true, 10_000);
        try (RawScu scu = associated(RawScu.EXPLICIT_LE)) {
            scu.storeCommand(DX, INSTANCE);
            scu.datasetFragment(Arrays.copyOf(dataset, dataset.length - 100), true);

            assertThat(RawScu.status(scu.receive())).isEqualTo(0xC000);
        }
        assertThat(scp.device().emitted()).isEmpty();
    }

    @Test
    void aDatasetFragmentWithoutACommandAbortsTheAssociationOnce() throws Exception {
        start(DicosConfig.defaults());
        try (RawScu scu = associated(RawScu.EXPLICIT_LE)) {
            scu.datasetFragment(new byte[16], false);
            scu.datasetFragment(new byte[16], true);

            RawScu.Received abort = scu.receive();
            assertThat(abort.type()).isEqualTo(0x07);
            assertThat(scu.closedByPeer()).isTrue();
        }
        assertThat(scp.device().decodeErrors()).extracting(RecordingDeviceContext.DecodeError::reason)
                .containsExactly(DimseHandler.UNEXPECTED_PDV);
    }

    @Test
    void anUnsupportedTransferSyntaxIsRefusedPerContextAndTheAssociationStillAccepted() throws Exception {
        start(DicosConfig.defaults());
        try (RawScu scu = new RawScu(scp.port())) {
            scu.associate("SCANGATE", "SCANNER1", DX, List.of("1.2.840.10008.1.2.2"));

            RawScu.Received accept = scu.receive();
            assertThat(accept.type()).isEqualTo(0x02);
            assertThat(RawScu.contextResult(accept)).isEqualTo(4);
        }
    }

    @Test
    void aConnectionThatNeverAssociatesIsClosedWhenArtimExpires() throws Exception {
        start(new DicosConfig(null, null, null, null, Duration.ofMillis(300), null, null, null));
        try (RawScu scu = new RawScu(scp.port())) {
            assertThat(scu.closedByPeer()).isTrue();
        }
    }

    @Test
    void aPduOverTheAnnouncedLimitAbortsTheAssociation() throws Exception {
        start(new DicosConfig(null, null, MAX_PDU, null, null, null, null, null));
        try (RawScu scu = associated(RawScu.EXPLICIT_LE)) {
            scu.sendHeaderOnly(0x04, MAX_PDU + 1L);

            RawScu.Received abort = scu.receive();
            assertThat(abort.type()).isEqualTo(0x07);
            assertThat(abort.body()[2]).isEqualTo((byte) 2);
            assertThat(scu.closedByPeer()).isTrue();
        }
        assertThat(scp.device().decodeErrors()).extracting(RecordingDeviceContext.DecodeError::reason)
                .containsExactly(PduFramer.PDU_TOO_LONG);
    }

    @Test
    void anIdleAssociationIsAborted() throws Exception {
        start(new DicosConfig(null, null, null, null, null, Duration.ofMillis(300), null, null));
        try (RawScu scu = associated(RawScu.EXPLICIT_LE)) {
            assertThat(scu.receive().type()).isEqualTo(0x07);
            assertThat(scu.closedByPeer()).isTrue();
        }
    }

    private RawScu associated(String transferSyntax) throws Exception {
        RawScu scu = new RawScu(scp.port());
        scu.associate("SCANGATE", "SCANNER1", DX, List.of(transferSyntax));
        RawScu.Received accept = scu.receive();
        assertThat(accept.type()).isEqualTo(0x02);
        assertThat(RawScu.contextResult(accept)).isZero();
        return scu;
    }

    private void start(DicosConfig config) throws Exception {
        assertThat(config.validate()).isEmpty();
        scp = new ScpHarness(config, blobs, 64L << 20);
    }

    /** A DX dataset of 100 rows with {@code pixelBytes} of pixel data (columns = pixelBytes / 200). */
    private static byte[] dataset(boolean explicitVr, int pixelBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        element(out, explicitVr, 0x0008, 0x0016, "UI", RawScu.uid(DX));
        element(out, explicitVr, 0x0008, 0x0018, "UI", RawScu.uid(INSTANCE));
        element(out, explicitVr, 0x0008, 0x0060, "CS", "DX".getBytes(StandardCharsets.US_ASCII));
        element(out, explicitVr, 0x0028, 0x0010, "US", le16(100));
        element(out, explicitVr, 0x0028, 0x0011, "US", le16(pixelBytes / 200));
        element(out, explicitVr, 0x0028, 0x0100, "US", le16(16));
        element(out, explicitVr, 0x7FE0, 0x0010, "OW", new byte[pixelBytes]);
        return out.toByteArray();
    }

    private static void element(ByteArrayOutputStream out, boolean explicitVr, int group, int element, String vr,
            byte[] value) {
        ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        header.putShort((short) group).putShort((short) element);
        if (!explicitVr) {
            header.putInt(value.length);
        } else if (vr.equals("OW")) {
            header.put(vr.getBytes(StandardCharsets.US_ASCII)).putShort((short) 0).putInt(value.length);
        } else {
            header.put(vr.getBytes(StandardCharsets.US_ASCII)).putShort((short) value.length);
        }
        out.write(header.array(), 0, header.position());
        out.writeBytes(value);
    }

    private static byte[] le16(int value) {
        return ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) value).array();
    }
}
