package io.scangate.driver.dicos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The incremental reader on hand-made datasets, fed in pieces of every size. */
class DatasetScannerTest {

    private static final int UNDEFINED = 0xFFFFFFFF;

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 8, 13, 1 << 20})
    void nestedSequencesOfUndefinedLengthAreFollowedAndOnlyTopLevelValuesKept(int piece) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        text(out, 0x0008, 0x0018, "1.2.3.4");
        implicit(out, 0x0040, 0x0275, UNDEFINED, new byte[0]);
        implicit(out, 0xFFFE, 0xE000, UNDEFINED, new byte[0]);
        text(out, 0x0008, 0x0060, "XX");
        implicit(out, 0x0040, 0x0100, UNDEFINED, new byte[0]);
        implicit(out, 0xFFFE, 0xE000, 10, "0123456789".getBytes(StandardCharsets.US_ASCII));
        implicit(out, 0xFFFE, 0xE0DD, 0, new byte[0]);
        implicit(out, 0xFFFE, 0xE00D, 0, new byte[0]);
        implicit(out, 0xFFFE, 0xE0DD, 0, new byte[0]);
        text(out, 0x0008, 0x0060, "DX");
        implicit(out, 0x0028, 0x0010, 2, new byte[] {(byte) 0xAC, 0x0D});
        implicit(out, 0x7FE0, 0x0010, 4_000, new byte[4_000]);

        DatasetAttributes attributes = scan(false, out.toByteArray(), piece);

        assertThat(attributes.string(Tags.SOP_INSTANCE_UID)).isEqualTo("1.2.3.4");
        assertThat(attributes.string(Tags.MODALITY)).isEqualTo("DX");
        assertThat(attributes.unsignedShort(Tags.ROWS)).isEqualTo(3500);
        assertThat(attributes.pixelDataLength()).isEqualTo(4_000);
        assertThat(attributes.pixelDataOffset()).isEqualTo(out.size() - 4_000);
        assertThat(attributes.datasetBytes()).isEqualTo(out.size());
    }

    @Test
    void explicitVrLongAndShortHeadersAreRead() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        explicitShort(out, 0x0008, 0x0018, "UI", "1.2.3.4\0".getBytes(StandardCharsets.US_ASCII));
        explicitLong(out, 0x0008, 0x0110, "SQ", 8, new byte[] {(byte) 0xFE, (byte) 0xFF, 0, (byte) 0xE0, 0, 0, 0, 0});
        explicitShort(out, 0x0028, 0x0030, "DS", "0.25\\0.5".getBytes(StandardCharsets.US_ASCII));
        explicitLong(out, 0x7FE0, 0x0010, "OW", 6, new byte[6]);

        DatasetAttributes attributes = scan(true, out.toByteArray(), 5);

        assertThat(attributes.string(Tags.SOP_INSTANCE_UID)).isEqualTo("1.2.3.4");
        assertThat(attributes.decimals(Tags.PIXEL_SPACING)).containsExactly(0.25, 0.5);
        assertThat(attributes.pixelDataLength()).isEqualTo(6);
    }

    @Test
    void valuesOverTheCaptureLimitAreSkippedNotKept() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        implicit(out, 0x0008, 0x0070, DatasetScanner.MAX_VALUE_BYTES + 2, new byte[DatasetScanner.MAX_VALUE_BYTES + 2]);

        assertThat(scan(false, out.toByteArray(), 100).has(Tags.MANUFACTURER)).isFalse();
    }

    @Test
    void aDatasetEndingInsideAnElementIsMalformed() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        implicit(out, 0x7FE0, 0x0010, 100, new byte[60]);

        assertThatThrownBy(() -> scan(false, out.toByteArray(), 10)).isInstanceOf(MalformedDatasetException.class)
                .hasMessageContaining("ends inside an element");
    }

    @Test
    void anUndelimitedSequenceIsMalformed() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        implicit(out, 0x0040, 0x0275, UNDEFINED, new byte[0]);

        assertThatThrownBy(() -> scan(false, out.toByteArray(), 10)).isInstanceOf(MalformedDatasetException.class)
                .hasMessageContaining("undelimited");
    }

    @Test
    void anItemAtTheTopLevelIsMalformed() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        implicit(out, 0xFFFE, 0xE000, 0, new byte[0]);

        assertThatThrownBy(() -> scan(false, out.toByteArray(), 10)).isInstanceOf(MalformedDatasetException.class);
    }

    @Test
    void threatSequenceItemsBeyondTheCaptureLimitAreCountedNotKept() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        implicit(out, 0x4010, 0x1011, UNDEFINED, new byte[0]);
        int items = DatasetScanner.MAX_CAPTURED_ITEMS + 76;
        for (int i = 0; i < items; i++) {
            implicit(out, 0xFFFE, 0xE000, 10, new byte[0]);
            implicit(out, 0x4010, 0x1010, 2, new byte[] {(byte) i, (byte) (i >>> 8)});
        }
        implicit(out, 0xFFFE, 0xE0DD, 0, new byte[0]);
        text(out, 0x4010, 0x1031, "ALARM");

        DatasetAttributes attributes = scan(false, out.toByteArray(), 4096);

        assertThat(attributes.items(Tags.THREAT_SEQUENCE)).hasSize(DatasetScanner.MAX_CAPTURED_ITEMS);
        assertThat(attributes.items(Tags.THREAT_SEQUENCE).get(3).unsignedShort(Tags.POTENTIAL_THREAT_OBJECT_ID)).isEqualTo(3);
        assertThat(attributes.droppedItems()).isEqualTo(76);
        assertThat(attributes.string(Tags.ALARM_DECISION)).isEqualTo("ALARM");
    }

    @Test
    void anElementRunningPastTheEndOfItsItemIsMalformed() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        implicit(out, 0x4010, 0x1011, 18, new byte[0]);
        implicit(out, 0xFFFE, 0xE000, 10, new byte[0]);
        implicit(out, 0x4010, 0x1012, 4, "ABCD".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> scan(false, out.toByteArray(), 3)).isInstanceOf(MalformedDatasetException.class)
                .hasMessageContaining("past the end of its item");
    }

    private static DatasetAttributes scan(boolean explicitVr, byte[] bytes, int piece) throws Exception {
        DatasetScanner scanner = new DatasetScanner(explicitVr);
        for (int from = 0; from < bytes.length; from += piece) {
            scanner.feed(Unpooled.wrappedBuffer(bytes, from, Math.min(piece, bytes.length - from)));
        }
        return scanner.finish();
    }

    private static void text(ByteArrayOutputStream out, int group, int element, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        byte[] even = bytes.length % 2 == 0 ? bytes : java.util.Arrays.copyOf(bytes, bytes.length + 1);
        implicit(out, group, element, even.length, even);
    }

    private static void implicit(ByteArrayOutputStream out, int group, int element, int length, byte[] value) {
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putShort((short) group)
                .putShort((short) element).putInt(length).array());
        out.writeBytes(value);
    }

    private static void explicitShort(ByteArrayOutputStream out, int group, int element, String vr, byte[] value) {
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putShort((short) group)
                .putShort((short) element).put(vr.getBytes(StandardCharsets.US_ASCII)).putShort((short) value.length)
                .array());
        out.writeBytes(value);
    }

    private static void explicitLong(ByteArrayOutputStream out, int group, int element, String vr, int length,
            byte[] value) {
        out.writeBytes(ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putShort((short) group)
                .putShort((short) element).put(vr.getBytes(StandardCharsets.US_ASCII)).putShort((short) 0)
                .putInt(length).array());
        out.writeBytes(value);
    }
}
