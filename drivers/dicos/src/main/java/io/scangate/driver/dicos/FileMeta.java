package io.scangate.driver.dicos;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;

/**
 * The DICOM Part-10 file header (PS3.10 7.1) written before each received dataset, so that every stored
 * blob is a file any DICOM tool opens. It depends only on the SOP class, the SOP instance and the transfer
 * syntax, never on time or sender, so the same image stored twice has the same content address.
 */
final class FileMeta {

    static final int PREAMBLE_BYTES = 128;
    private static final byte[] MAGIC = "DICM".getBytes(StandardCharsets.US_ASCII);

    private FileMeta() {
    }

    static ByteBuf encode(ByteBufAllocator alloc, String sopClassUid, String sopInstanceUid, String transferSyntaxUid) {
        ByteBuf elements = alloc.heapBuffer(256);
        try {
            elements.writeShortLE(0x0002).writeShortLE(0x0001);
            elements.writeByte('O').writeByte('B').writeShort(0).writeIntLE(2);
            elements.writeByte(0).writeByte(1);
            uid(elements, 0x0002, sopClassUid);
            uid(elements, 0x0003, sopInstanceUid);
            uid(elements, 0x0010, transferSyntaxUid);
            uid(elements, 0x0012, Uids.IMPLEMENTATION_CLASS_UID);
            shortString(elements, 0x0013, Uids.IMPLEMENTATION_VERSION_NAME);

            ByteBuf out = alloc.buffer(PREAMBLE_BYTES + MAGIC.length + 12 + elements.readableBytes());
            out.writeZero(PREAMBLE_BYTES);
            out.writeBytes(MAGIC);
            out.writeShortLE(0x0002).writeShortLE(0x0000);
            out.writeByte('U').writeByte('L').writeShortLE(4);
            out.writeIntLE(elements.readableBytes());
            out.writeBytes(elements);
            return out;
        } finally {
            elements.release();
        }
    }

    private static void uid(ByteBuf out, int element, String uid) {
        text(out, element, 'U', 'I', uid, (byte) 0);
    }

    private static void shortString(ByteBuf out, int element, String value) {
        text(out, element, 'S', 'H', value, (byte) ' ');
    }

    private static void text(ByteBuf out, int element, char vr0, char vr1, String value, byte padding) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        int padded = bytes.length + (bytes.length & 1);
        out.writeShortLE(0x0002).writeShortLE(element);
        out.writeByte(vr0).writeByte(vr1).writeShortLE(padded);
        out.writeBytes(bytes);
        if (padded > bytes.length) {
            out.writeByte(padding);
        }
    }
}
