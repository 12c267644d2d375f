package io.scangate.simulator.dicos;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes data elements (PS3.5 7.1) in implicit or explicit VR little endian straight to a stream, in the
 * order called: callers write tags in ascending order, as PS3.5 7.1 requires. Sequences and items are
 * written with undefined length and delimiters (PS3.5 7.5), so nothing needs to be buffered to know a length.
 */
public final class DatasetWriter {

    private static final long UNDEFINED_LENGTH = 0xFFFFFFFFL;

    private final OutputStream out;
    private final boolean explicitVr;
    private final byte[] header = new byte[12];

    public DatasetWriter(OutputStream out, boolean explicitVr) {
        this.out = out;
        this.explicitVr = explicitVr;
    }

    /** Text VRs (AE, CS, DA, DS, DT, IS, LO, LT, PN, SH, ST, TM): padded with a space to an even length. */
    public DatasetWriter text(int tag, String vr, String value) throws IOException {
        return padded(tag, vr, value, (byte) ' ');
    }

    /** A UID, padded with NUL (PS3.5 9.1). */
    public DatasetWriter uid(int tag, String value) throws IOException {
        return padded(tag, "UI", value, (byte) 0);
    }

    public DatasetWriter unsignedShort(int tag, int value) throws IOException {
        element(tag, "US", 2);
        out.write(value & 0xFF);
        out.write(value >>> 8 & 0xFF);
        return this;
    }

    public DatasetWriter floats(int tag, float... values) throws IOException {
        element(tag, "FL", 4L * values.length);
        for (float value : values) {
            int bits = Float.floatToIntBits(value);
            littleEndianInt(header, 0, bits);
            out.write(header, 0, 4);
        }
        return this;
    }

    /** The header of a 16-bit Pixel Data element; the caller then writes exactly {@code length} bytes. */
    public DatasetWriter pixelDataHeader(long length) throws IOException {
        element(Tags.PIXEL_DATA, "OW", length);
        return this;
    }

    public DatasetWriter startSequence(int tag) throws IOException {
        element(tag, "SQ", UNDEFINED_LENGTH);
        return this;
    }

    public DatasetWriter startItem() throws IOException {
        delimiter(Tags.ITEM, UNDEFINED_LENGTH);
        return this;
    }

    public DatasetWriter endItem() throws IOException {
        delimiter(Tags.ITEM_DELIMITATION, 0);
        return this;
    }

    public DatasetWriter endSequence() throws IOException {
        delimiter(Tags.SEQUENCE_DELIMITATION, 0);
        return this;
    }

    private DatasetWriter padded(int tag, String vr, String value, byte pad) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        boolean odd = bytes.length % 2 == 1;
        element(tag, vr, bytes.length + (odd ? 1 : 0));
        out.write(bytes);
        if (odd) {
            out.write(pad);
        }
        return this;
    }

    private void element(int tag, String vr, long length) throws IOException {
        tag(tag);
        if (!explicitVr) {
            littleEndianInt(header, 4, (int) length);
            out.write(header, 0, 8);
            return;
        }
        header[4] = (byte) vr.charAt(0);
        header[5] = (byte) vr.charAt(1);
        if (hasLongLength(vr)) {
            header[6] = 0;
            header[7] = 0;
            littleEndianInt(header, 8, (int) length);
            out.write(header, 0, 12);
        } else {
            header[6] = (byte) length;
            header[7] = (byte) (length >>> 8);
            out.write(header, 0, 8);
        }
    }

    /** Item and delimitation tags have no VR in either encoding (PS3.5 7.5). */
    private void delimiter(int tag, long length) throws IOException {
        tag(tag);
        littleEndianInt(header, 4, (int) length);
        out.write(header, 0, 8);
    }

    private void tag(int tag) {
        header[0] = (byte) (tag >>> 16);
        header[1] = (byte) (tag >>> 24);
        header[2] = (byte) tag;
        header[3] = (byte) (tag >>> 8);
    }

    /** VRs with a reserved field and a 32-bit length (PS3.5 table 7.1-1). */
    static boolean hasLongLength(String vr) {
        return switch (vr) {
            case "OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV" -> true;
            default -> false;
        };
    }

    static void littleEndianInt(byte[] target, int at, int value) {
        target[at] = (byte) value;
        target[at + 1] = (byte) (value >>> 8);
        target[at + 2] = (byte) (value >>> 16);
        target[at + 3] = (byte) (value >>> 24);
    }
}
