package io.scangate.launcher.delivery;

import com.google.protobuf.InvalidProtocolBufferException;
import io.scangate.proto.v1.Envelope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * Reads journal segment files from the format documented in docs/journal.md, independently of the
 * journal's own code, so that a test can say what was on disk at a given moment without trusting the
 * implementation it checks. Stops at the first record that is incomplete or fails its CRC32C.
 */
final class JournalFiles {

    private static final byte[] SEGMENT_MAGIC = "SGJLSEG1".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_BYTES = SEGMENT_MAGIC.length + Long.BYTES;
    private static final int PREFIX_BYTES = 2 * Integer.BYTES;
    private static final int BODY_FIXED_BYTES = Long.BYTES + 1;

    /** One intact record: where it starts in its file, how long it is framed, and what it holds. */
    record StoredRecord(Path segment, long offset, int framedBytes, long id, int lane, byte[] payload) {

        Envelope envelope() {
            try {
                return Envelope.parseFrom(payload);
            } catch (InvalidProtocolBufferException e) {
                throw new AssertionError("journal record " + id + " in " + segment + " is no Envelope", e);
            }
        }
    }

    private JournalFiles() {
    }

    /** Every intact record of every segment in {@code directory}, in id order. */
    static List<StoredRecord> read(Path directory) {
        List<StoredRecord> records = new ArrayList<>();
        for (Path segment : segments(directory)) {
            records.addAll(readSegment(segment));
        }
        return records;
    }

    static List<Path> segments(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().matches("segment-\\d{20}\\.log")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<StoredRecord> readSegment(Path segment) {
        ByteBuffer file;
        try {
            file = ByteBuffer.wrap(Files.readAllBytes(segment));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (file.remaining() < HEADER_BYTES
                || !Arrays.equals(Arrays.copyOf(file.array(), SEGMENT_MAGIC.length), SEGMENT_MAGIC)) {
            throw new AssertionError(segment + " does not start with a segment header");
        }
        file.position(HEADER_BYTES);
        List<StoredRecord> records = new ArrayList<>();
        while (file.remaining() >= PREFIX_BYTES) {
            int start = file.position();
            int bodyLength = file.getInt(start);
            if (bodyLength < BODY_FIXED_BYTES || bodyLength > file.remaining() - PREFIX_BYTES) {
                break;
            }
            CRC32C crc = new CRC32C();
            crc.update(file.array(), start, Integer.BYTES);
            crc.update(file.array(), start + PREFIX_BYTES, bodyLength);
            if ((int) crc.getValue() != file.getInt(start + Integer.BYTES)) {
                break;
            }
            long id = file.getLong(start + PREFIX_BYTES);
            int lane = file.get(start + PREFIX_BYTES + Long.BYTES);
            byte[] payload = Arrays.copyOfRange(file.array(), start + PREFIX_BYTES + BODY_FIXED_BYTES,
                    start + PREFIX_BYTES + bodyLength);
            records.add(new StoredRecord(segment, start, PREFIX_BYTES + bodyLength, id, lane, payload));
            file.position(start + PREFIX_BYTES + bodyLength);
        }
        return records;
    }
}
