package io.scangate.gateway.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requeue file beside the dead-letter file: append-only and framed like it, one record per dead letter
 * that was appended to its lane again. The dead-letter file stays the history and is never rewritten; this
 * file is what says a dead letter must not be requeued a second time. Only {@link DeadLetterRequeuer}
 * writes it, and only while it holds the journal's lock; the gateway never reads it.
 */
public final class RequeuedFile {

    /** The file name inside the journal directory. */
    public static final String NAME = "dead-letter-requeued.log";

    private static final Logger log = LoggerFactory.getLogger(RequeuedFile.class);

    private final FileChannel channel;
    private final List<Requeue> recovered;
    private long size;

    private RequeuedFile(FileChannel channel, long size, List<Requeue> recovered) {
        this.channel = channel;
        this.size = size;
        this.recovered = List.copyOf(recovered);
    }

    /** Every requeue recorded in a journal directory, oldest first; read-only, safe while a gateway runs. */
    public static List<Requeue> readAll(Path directory) throws IOException {
        Path path = directory.resolve(NAME);
        List<Requeue> requeues = new ArrayList<>();
        if (!Files.exists(path)) {
            return requeues;
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            if (channel.size() < RecordFormat.MAGIC_BYTES) {
                return requeues;
            }
            RecordFormat.checkMagic(channel, path, RecordFormat.REQUEUED_MAGIC, "dead-letter requeue file");
            scan(channel, requeues);
        }
        return requeues;
    }

    /** Opens or creates the file for appending; a torn tail (a requeue whose record was never forced) is cut. */
    static RequeuedFile open(Path directory) throws IOException {
        Path path = directory.resolve(NAME);
        boolean created = !Files.exists(path);
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            long fileSize = channel.size();
            if (fileSize < RecordFormat.MAGIC_BYTES) {
                channel.truncate(0);
                ByteBuffer magic = RecordFormat.magic(RecordFormat.REQUEUED_MAGIC);
                while (magic.hasRemaining()) {
                    channel.write(magic, RecordFormat.MAGIC_BYTES - magic.remaining());
                }
                channel.force(true);
                if (created) {
                    Segment.fsyncDirectory(directory);
                }
                return new RequeuedFile(channel, RecordFormat.MAGIC_BYTES, List.of());
            }
            RecordFormat.checkMagic(channel, path, RecordFormat.REQUEUED_MAGIC, "dead-letter requeue file");
            List<Requeue> recovered = new ArrayList<>();
            long end = scan(channel, recovered);
            if (end < fileSize) {
                log.warn("journal torn tail dropped file={} offset={} bytes={} detail=a requeue whose record was"
                        + " not durable; its dead letter can be requeued again (same event id)", path, end, fileSize - end);
                channel.truncate(end);
                channel.force(true);
            }
            return new RequeuedFile(channel, end, recovered);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The requeues the file held when it was opened (what {@link #readAll} would read), oldest first. */
    List<Requeue> recovered() {
        return recovered;
    }

    /** Appends and forces one record: when this returns, the requeue is durable. */
    void record(Requeue requeue) throws IOException {
        ByteBuffer record = RecordFormat.requeuedRecord(requeue.deadLetterId(), requeue.newId(),
                requeue.at().toEpochMilli());
        while (record.hasRemaining()) {
            size += channel.write(record, size);
        }
        channel.force(false);
    }

    void close() throws IOException {
        channel.close();
    }

    private static long scan(FileChannel channel, List<Requeue> into) throws IOException {
        return FramedFileScanner.scan(channel, RecordFormat.MAGIC_BYTES, RecordFormat.REQUEUED_BODY_BYTES,
                (offset, body) -> {
                    if (body.remaining() != RecordFormat.REQUEUED_BODY_BYTES) {
                        return false;
                    }
                    into.add(new Requeue(body.getLong(0), body.getLong(Long.BYTES),
                            Instant.ofEpochMilli(body.getLong(2 * Long.BYTES))));
                    return true;
                });
    }

}
