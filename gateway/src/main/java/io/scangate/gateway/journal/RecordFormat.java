package io.scangate.gateway.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The on-disk framing (documented in docs/journal.md). All integers are big-endian.
 *
 * <pre>
 * segment file   : "SGJLSEG1" firstId:int64, then records
 * record         : bodyLength:int32 crc32c:int32 | id:int64 lane:int8 payload
 *                  crc32c covers bodyLength and the body, so a torn or flipped length is caught too
 * ack file       : "SGJLACK1", then (id:int64 crc32c-of-id:int32) per confirmation
 * dead-letter    : "SGJLDLQ1", then records whose body is
 *                  id:int64 lane:int8 deadLetteredAtMillis:int64 reasonLength:int16 reason(UTF-8) payload
 * requeued       : "SGJLRQD1", then records whose body is
 *                  deadLetterId:int64 newId:int64 requeuedAtMillis:int64
 * </pre>
 */
final class RecordFormat {

    static final int MAGIC_BYTES = 8;
    static final byte[] SEGMENT_MAGIC = "SGJLSEG1".getBytes(StandardCharsets.US_ASCII);
    static final byte[] ACK_MAGIC = "SGJLACK1".getBytes(StandardCharsets.US_ASCII);
    static final byte[] DEAD_LETTER_MAGIC = "SGJLDLQ1".getBytes(StandardCharsets.US_ASCII);
    static final byte[] REQUEUED_MAGIC = "SGJLRQD1".getBytes(StandardCharsets.US_ASCII);
    static final int REQUEUED_BODY_BYTES = 3 * Long.BYTES;

    static final int SEGMENT_HEADER_BYTES = MAGIC_BYTES + Long.BYTES;
    /** bodyLength + crc. */
    static final int PREFIX_BYTES = 2 * Integer.BYTES;
    /** id + lane. */
    static final int BODY_FIXED_BYTES = Long.BYTES + 1;
    static final int RECORD_OVERHEAD = PREFIX_BYTES + BODY_FIXED_BYTES;
    static final int ACK_RECORD_BYTES = Long.BYTES + Integer.BYTES;
    static final int MAX_REASON_BYTES = 1024;

    private static final Lane[] LANES = Lane.values();

    private RecordFormat() {
    }

    static long recordBytes(int payloadLength) {
        return RECORD_OVERHEAD + (long) payloadLength;
    }

    static ByteBuffer segmentHeader(long firstId) {
        return ByteBuffer.allocate(SEGMENT_HEADER_BYTES).put(SEGMENT_MAGIC).putLong(firstId).flip();
    }

    /** Throws, naming the file and what it should have been, unless {@code channel} starts with {@code magic}. */
    static void checkMagic(FileChannel channel, Path path, byte[] magic, String what) throws IOException {
        ByteBuffer found = ByteBuffer.allocate(MAGIC_BYTES);
        channel.read(found, 0);
        if (!Arrays.equals(found.array(), magic)) {
            throw new IOException(path + " is not a scangate " + what + " (bad magic); move it away");
        }
    }

    static ByteBuffer magic(byte[] magic) {
        return ByteBuffer.wrap(magic.clone());
    }

    /** Writes prefix and fixed body of a record; the payload follows separately. */
    static void putRecordHeader(ByteBuffer out, long id, Lane lane, byte[] payload) {
        int bodyLength = BODY_FIXED_BYTES + payload.length;
        CRC32C crc = new CRC32C();
        ByteBuffer fixed = ByteBuffer.allocate(Integer.BYTES + BODY_FIXED_BYTES)
                .putInt(bodyLength).putLong(id).put((byte) lane.ordinal()).flip();
        crc.update(fixed);
        crc.update(payload);
        out.putInt(bodyLength).putInt((int) crc.getValue()).putLong(id).put((byte) lane.ordinal());
    }

    /** Whether the framed record at index 0 of {@code record} (prefix and body) carries a matching CRC. */
    static boolean crcMatches(ByteBuffer record, int bodyLength) {
        CRC32C crc = new CRC32C();
        crc.update(record.slice(0, Integer.BYTES));
        crc.update(record.slice(PREFIX_BYTES, bodyLength));
        return (int) crc.getValue() == record.getInt(Integer.BYTES);
    }

    static ByteBuffer ackRecord(long id) {
        ByteBuffer idBytes = ByteBuffer.allocate(Long.BYTES).putLong(id).flip();
        CRC32C crc = new CRC32C();
        crc.update(idBytes.duplicate());
        return ByteBuffer.allocate(ACK_RECORD_BYTES).put(idBytes).putInt((int) crc.getValue()).flip();
    }

    /** The id of a 12-byte ack record at the buffer's position, or -1 when its checksum is wrong. */
    static long ackId(ByteBuffer buffer, int start) {
        CRC32C crc = new CRC32C();
        crc.update(buffer.duplicate().position(start).limit(start + Long.BYTES));
        if ((int) crc.getValue() != buffer.getInt(start + Long.BYTES)) {
            return -1;
        }
        return buffer.getLong(start);
    }

    static ByteBuffer deadLetterRecord(long id, Lane lane, long atMillis, String reason, byte[] payload) {
        byte[] reasonBytes = truncatedUtf8(reason == null ? "" : reason);
        int bodyLength = BODY_FIXED_BYTES + Long.BYTES + Short.BYTES + reasonBytes.length + payload.length;
        ByteBuffer out = ByteBuffer.allocate(PREFIX_BYTES + bodyLength);
        out.putInt(bodyLength).putInt(0).putLong(id).put((byte) lane.ordinal()).putLong(atMillis)
                .putShort((short) reasonBytes.length).put(reasonBytes).put(payload).flip();
        CRC32C crc = new CRC32C();
        crc.update(out.duplicate().limit(Integer.BYTES));
        crc.update(out.duplicate().position(PREFIX_BYTES));
        out.putInt(Integer.BYTES, (int) crc.getValue());
        return out;
    }

    static ByteBuffer requeuedRecord(long deadLetterId, long newId, long atMillis) {
        ByteBuffer out = ByteBuffer.allocate(PREFIX_BYTES + REQUEUED_BODY_BYTES);
        out.putInt(REQUEUED_BODY_BYTES).putInt(0).putLong(deadLetterId).putLong(newId).putLong(atMillis).flip();
        CRC32C crc = new CRC32C();
        crc.update(out.duplicate().limit(Integer.BYTES));
        crc.update(out.duplicate().position(PREFIX_BYTES));
        out.putInt(Integer.BYTES, (int) crc.getValue());
        return out;
    }

    static Lane lane(byte ordinal) {
        return ordinal >= 0 && ordinal < LANES.length ? LANES[ordinal] : null;
    }

    private static byte[] truncatedUtf8(String reason) {
        byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_REASON_BYTES) {
            return bytes;
        }
        String cut = new String(bytes, 0, MAX_REASON_BYTES, StandardCharsets.UTF_8);
        while (cut.getBytes(StandardCharsets.UTF_8).length > MAX_REASON_BYTES) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut.getBytes(StandardCharsets.UTF_8);
    }
}
