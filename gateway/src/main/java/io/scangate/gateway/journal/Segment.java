package io.scangate.gateway.journal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One segment file and its ack file. Only the writer thread writes, forces and deletes; readers use a
 * separate {@link RandomAccessFile} because an interrupted publisher thread would otherwise close a shared
 * (interruptible) FileChannel under everybody's feet. Counts are guarded by the journal's state lock.
 */
final class Segment {

    private static final String PREFIX = "segment-";

    final long firstId;
    final Path logPath;
    final Path ackPath;
    private final FileChannel log;
    private FileChannel acks;
    private RandomAccessFile reader;
    private long size;
    private long ackSize;
    private boolean logDirty;
    private boolean acksDirty;
    private boolean deleted;

    /** Records in the file (guarded by the state lock). */
    long recordCount;
    /** Records confirmed or dead-lettered (guarded by the state lock). */
    long settledCount;

    private Segment(long firstId, Path logPath, FileChannel log, long size) {
        this.firstId = firstId;
        this.logPath = logPath;
        this.ackPath = ackPathOf(logPath);
        this.log = log;
        this.size = size;
    }

    static String logName(long firstId) {
        return String.format("%s%020d.log", PREFIX, firstId);
    }

    /** The first id named by a segment file name, or -1 when the name is not a segment's. */
    static long firstIdOf(Path file) {
        String name = file.getFileName().toString();
        if (!name.startsWith(PREFIX) || !name.endsWith(".log")) {
            return -1;
        }
        try {
            return Long.parseLong(name.substring(PREFIX.length(), name.length() - 4));
        } catch (NumberFormatException notOurs) {
            return -1;
        }
    }

    static Path ackPathOf(Path logPath) {
        String name = logPath.getFileName().toString();
        return logPath.resolveSibling(name.substring(0, name.length() - 4) + ".ack");
    }

    /** Makes file creations and deletions in the directory durable (Linux needs the directory fsynced). */
    static void fsyncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    static Segment create(Path directory, long firstId) throws IOException {
        Path path = directory.resolve(logName(firstId));
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        Segment segment = new Segment(firstId, path, channel, 0);
        segment.append(RecordFormat.segmentHeader(firstId));
        return segment;
    }

    /** Opens an existing, already verified segment whose intact bytes end at {@code size}. */
    static Segment open(Path path, long firstId, long size, long ackSize) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        Segment segment = new Segment(firstId, path, channel, size);
        segment.ackSize = ackSize;
        return segment;
    }

    long size() {
        return size;
    }

    long bytesOnDisk() {
        return size + ackSize;
    }

    /** Whether the writer deleted it (writer thread only). */
    boolean deleted() {
        return deleted;
    }

    boolean fullySettled() {
        return recordCount > 0 && settledCount == recordCount;
    }

    /** Writes at the end of the file; returns the offset the bytes start at. */
    long append(ByteBuffer bytes) throws IOException {
        long start = size;
        long at = start;
        while (bytes.hasRemaining()) {
            at += log.write(bytes, at);
        }
        size = at;
        logDirty = true;
        return start;
    }

    void appendAck(long id) throws IOException {
        if (acks == null) {
            acks = FileChannel.open(ackPath, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            if (acks.size() == 0) {
                writeAck(RecordFormat.magic(RecordFormat.ACK_MAGIC));
            }
            ackSize = acks.size();
        }
        writeAck(RecordFormat.ackRecord(id));
    }

    private void writeAck(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            ackSize += acks.write(bytes, ackSize);
        }
        acksDirty = true;
    }

    /** fdatasync of the records written since the last call (a no-op when there are none). */
    void forceLog() throws IOException {
        if (logDirty && !deleted) {
            log.force(false);
            logDirty = false;
        }
    }

    /** fdatasync of the confirmations written since the last call. */
    void forceAcks() throws IOException {
        if (acksDirty && !deleted) {
            acks.force(false);
            acksDirty = false;
        }
    }

    /** Reads and verifies one record. */
    JournalEntry read(IndexEntry entry) throws IOException {
        int length = entry.recordBytes();
        byte[] bytes = new byte[length];
        synchronized (this) {
            if (reader == null) {
                reader = new RandomAccessFile(logPath.toFile(), "r");
            }
            reader.seek(entry.offset());
            reader.readFully(bytes);
        }
        ByteBuffer record = ByteBuffer.wrap(bytes);
        int bodyLength = record.getInt(0);
        if (bodyLength != length - RecordFormat.PREFIX_BYTES || !RecordFormat.crcMatches(record, bodyLength)
                || record.getLong(RecordFormat.PREFIX_BYTES) != entry.id()) {
            throw new CorruptRecordException("record id=" + entry.id() + " in " + logPath.getFileName()
                    + " at offset " + entry.offset() + " fails its checksum");
        }
        byte[] payload = new byte[entry.payloadLength()];
        record.get(RecordFormat.RECORD_OVERHEAD, payload);
        return new JournalEntry(entry.id(), entry.lane(), payload);
    }

    void close() throws IOException {
        log.close();
        if (acks != null) {
            acks.close();
        }
        synchronized (this) {
            if (reader != null) {
                reader.close();
            }
        }
    }

    void delete() throws IOException {
        deleted = true;
        close();
        Files.deleteIfExists(ackPath);
        Files.deleteIfExists(logPath);
    }

    /** A stored record no longer matches its checksum (media corruption after recovery). */
    static final class CorruptRecordException extends IOException {
        private static final long serialVersionUID = 1L;

        CorruptRecordException(String message) {
            super(message);
        }
    }
}
