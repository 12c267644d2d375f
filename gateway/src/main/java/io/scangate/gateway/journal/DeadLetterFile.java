package io.scangate.gateway.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dead-letter file: append-only, framed like a segment, authoritative for "this id is settled by
 * dead-lettering". Written by the writer thread only.
 */
public final class DeadLetterFile {

    /** The file name inside the journal directory. */
    public static final String NAME = "dead-letter.log";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterFile.class);
    private static final int MIN_BODY = RecordFormat.BODY_FIXED_BYTES + Long.BYTES + Short.BYTES;

    private final FileChannel channel;
    private final long[] recoveredIds;
    private final long droppedBytes;
    private long size;
    private boolean dirty;

    private DeadLetterFile(FileChannel channel, long size, long[] recoveredIds, long droppedBytes) {
        this.channel = channel;
        this.size = size;
        this.recoveredIds = recoveredIds;
        this.droppedBytes = droppedBytes;
    }

    /** Opens or creates the file, drops a torn tail, collects the ids already dead-lettered. */
    static DeadLetterFile open(Path directory) throws IOException {
        Path path = directory.resolve(NAME);
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        long fileSize = channel.size();
        if (fileSize < RecordFormat.MAGIC_BYTES) {
            channel.truncate(0);
            ByteBuffer magic = RecordFormat.magic(RecordFormat.DEAD_LETTER_MAGIC);
            while (magic.hasRemaining()) {
                channel.write(magic, RecordFormat.MAGIC_BYTES - magic.remaining());
            }
            channel.force(true);
            return new DeadLetterFile(channel, RecordFormat.MAGIC_BYTES, new long[0], 0);
        }
        RecordFormat.checkMagic(channel, path, RecordFormat.DEAD_LETTER_MAGIC, "dead-letter file");
        List<Long> ids = new ArrayList<>();
        long end = FramedFileScanner.scan(channel, RecordFormat.MAGIC_BYTES, MIN_BODY, (offset, body) -> {
            if (RecordFormat.lane(body.get(Long.BYTES)) == null) {
                return false;
            }
            ids.add(body.getLong(0));
            return true;
        });
        long dropped = fileSize - end;
        if (dropped > 0) {
            log.warn("journal torn tail dropped file={} offset={} bytes={}", path, end, dropped);
            channel.truncate(end);
            channel.force(true);
        }
        long[] sorted = ids.stream().mapToLong(Long::longValue).sorted().toArray();
        return new DeadLetterFile(channel, end, sorted, dropped);
    }

    /** Every dead letter in a journal directory's dead-letter file, for operators' tools. */
    public static List<DeadLetter> readAll(Path directory) throws IOException {
        Path path = directory.resolve(NAME);
        List<DeadLetter> letters = new ArrayList<>();
        if (!Files.exists(path)) {
            return letters;
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            RecordFormat.checkMagic(channel, path, RecordFormat.DEAD_LETTER_MAGIC, "dead-letter file");
            FramedFileScanner.scan(channel, RecordFormat.MAGIC_BYTES, MIN_BODY, (offset, body) -> {
                long id = body.getLong();
                Lane lane = RecordFormat.lane(body.get());
                Instant at = Instant.ofEpochMilli(body.getLong());
                byte[] reason = new byte[body.getShort() & 0xFFFF];
                if (lane == null || reason.length > body.remaining()) {
                    return false;
                }
                body.get(reason);
                byte[] payload = new byte[body.remaining()];
                body.get(payload);
                letters.add(new DeadLetter(id, lane, at, new String(reason, StandardCharsets.UTF_8), payload));
                return true;
            });
        }
        return letters;
    }


    boolean wasDeadLettered(long id) {
        return Arrays.binarySearch(recoveredIds, id) >= 0;
    }

    int recoveredCount() {
        return recoveredIds.length;
    }

    long droppedBytes() {
        return droppedBytes;
    }

    long size() {
        return size;
    }

    /** Copies an entry out of its segment; an unreadable payload is kept as empty, with the reason saying so. */
    void bury(IndexEntry entry, Segment segment, String reason) throws IOException {
        byte[] payload;
        String fullReason = reason;
        try {
            payload = segment.read(entry).payload();
        } catch (Segment.CorruptRecordException corrupt) {
            payload = new byte[0];
            fullReason = reason + " (payload unreadable: " + corrupt.getMessage() + ")";
        }
        append(entry.id(), entry.lane(), fullReason, payload);
    }

    private void append(long id, Lane lane, String reason, byte[] payload) throws IOException {
        ByteBuffer record = RecordFormat.deadLetterRecord(id, lane, System.currentTimeMillis(), reason, payload);
        while (record.hasRemaining()) {
            size += channel.write(record, size);
        }
        dirty = true;
    }

    boolean force() throws IOException {
        if (!dirty) {
            return false;
        }
        channel.force(false);
        dirty = false;
        return true;
    }

    void close() throws IOException {
        channel.close();
    }
}
