package io.scangate.gateway.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the index from the files: verifies every record, cuts a torn or corrupt tail, leaves
 * confirmed and dead-lettered entries out, deletes fully settled segments. Runs once, before the writer
 * starts; works segment by segment so that its transient memory is one segment's ack ids.
 */
final class JournalRecovery {

    private static final Logger log = LoggerFactory.getLogger(JournalRecovery.class);

    private final Path directory;
    private final JournalState state;
    private final DeadLetterFile deadLetters;
    private final RecoveryListener listener;
    private int tornTails;
    private long droppedBytes;
    private long unconfirmed;
    private long highestId;
    /** Ids a cut tail may have held: never handed out again, although they were never acknowledged. */
    private long reservedThroughId;

    private JournalRecovery(Path directory, JournalState state, DeadLetterFile deadLetters, RecoveryListener listener) {
        this.listener = listener;
        this.directory = directory;
        this.state = state;
        this.deadLetters = deadLetters;
    }

    /** Fills {@code state}; returns the report and leaves the last (active) segment open in it. */
    static RecoveryReport recover(Path directory, JournalState state, DeadLetterFile deadLetters,
            RecoveryListener listener) throws IOException {
        return new JournalRecovery(directory, state, deadLetters, listener).run();
    }

    private RecoveryReport run() throws IOException {
        if (deadLetters.droppedBytes() > 0) {
            tornTails++;
            droppedBytes += deadLetters.droppedBytes();
        }
        TreeMap<Long, Path> files = segmentFiles();
        deleteOrphanAckFiles(files);
        int kept = 0;
        Segment last = null;
        for (var file : files.entrySet()) {
            boolean isLast = file.getKey().equals(files.lastKey());
            Segment segment = recoverSegment(file.getValue(), file.getKey(), isLast);
            if (segment == null) {
                continue;
            }
            if (!isLast && (segment.recordCount == 0 || segment.fullySettled())) {
                segment.delete();
                continue;
            }
            state.addSegment(segment);
            kept++;
            last = segment;
        }
        long nextId = Math.max(Math.max(highestId, reservedThroughId) + 1, last == null ? 1 : last.firstId);
        state.addDeadLettered(deadLetters.recoveredCount());
        return new RecoveryReport(kept, unconfirmed, deadLetters.recoveredCount(), tornTails, droppedBytes,
                nextId);
    }

    private TreeMap<Long, Path> segmentFiles() throws IOException {
        TreeMap<Long, Path> files = new TreeMap<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "segment-*.log")) {
            for (Path path : stream) {
                long firstId = Segment.firstIdOf(path);
                if (firstId > 0) {
                    files.put(firstId, path);
                }
            }
        }
        return files;
    }

    private void deleteOrphanAckFiles(TreeMap<Long, Path> files) throws IOException {
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "segment-*.ack")) {
            for (Path ack : stream) {
                String name = ack.getFileName().toString();
                Path logPath = ack.resolveSibling(name.substring(0, name.length() - 4) + ".log");
                if (!files.containsValue(logPath)) {
                    Files.delete(ack);
                }
            }
        }
    }

    private Segment recoverSegment(Path path, long firstId, boolean isLast) throws IOException {
        long end;
        long[] recordCounts = new long[2];
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long fileSize = channel.size();
            if (fileSize < RecordFormat.SEGMENT_HEADER_BYTES) {
                return torn(path, channel, firstId, isLast, fileSize);
            }
            checkHeader(channel, path, firstId);
            long[] acked = readAcks(Segment.ackPathOf(path));
            end = FramedFileScanner.scan(channel, RecordFormat.SEGMENT_HEADER_BYTES, RecordFormat.BODY_FIXED_BYTES,
                    (offset, body) -> {
                        long id = body.getLong(0);
                        Lane lane = RecordFormat.lane(body.get(Long.BYTES));
                        if (lane == null || id < firstId || id <= highestId) {
                            return false;
                        }
                        highestId = id;
                        recordCounts[0]++;
                        if (Arrays.binarySearch(acked, id) >= 0 || deadLetters.wasDeadLettered(id)) {
                            recordCounts[1]++;
                        } else {
                            state.addStored(new IndexEntry(id, lane, (int) offset,
                                    body.remaining() - RecordFormat.BODY_FIXED_BYTES));
                            unconfirmed++;
                            listener.unconfirmed(id, lane, body.duplicate().position(RecordFormat.BODY_FIXED_BYTES).slice());
                        }
                        return true;
                    });
            if (end < fileSize) {
                cut(path, channel, firstId, end, fileSize - end, isLast);
            }
        }
        long ackSize = Files.exists(Segment.ackPathOf(path)) ? Files.size(Segment.ackPathOf(path)) : 0;
        Segment segment = Segment.open(path, firstId, end, ackSize);
        segment.recordCount = recordCounts[0];
        segment.settledCount = recordCounts[1];
        return segment;
    }

    private Segment torn(Path path, FileChannel channel, long firstId, boolean isLast, long fileSize)
            throws IOException {
        if (!isLast) {
            cut(path, channel, firstId, 0, fileSize, false);
            channel.close();
            Files.delete(path);
            Files.deleteIfExists(Segment.ackPathOf(path));
            return null;
        }
        if (fileSize > 0) {
            cut(path, channel, firstId, 0, fileSize, true);
        }
        ByteBuffer header = RecordFormat.segmentHeader(firstId);
        while (header.hasRemaining()) {
            channel.write(header, RecordFormat.SEGMENT_HEADER_BYTES - header.remaining());
        }
        channel.force(true);
        return Segment.open(path, firstId, RecordFormat.SEGMENT_HEADER_BYTES, 0);
    }

    private void cut(Path path, FileChannel channel, long firstId, long offset, long bytes, boolean isLast)
            throws IOException {
        if (isLast) {
            log.warn("journal torn tail dropped file={} offset={} bytes={}", path, offset, bytes);
        } else {
            log.error("journal torn tail dropped file={} offset={} bytes={} detail=corruption inside an older"
                    + " segment, not a torn write; check the disk", path, offset, bytes);
        }
        channel.truncate(offset);
        channel.force(true);
        tornTails++;
        droppedBytes += bytes;
        long mostRecordsCut = (bytes + RecordFormat.RECORD_OVERHEAD - 1) / RecordFormat.RECORD_OVERHEAD;
        reservedThroughId = Math.max(reservedThroughId, Math.max(highestId, firstId - 1) + mostRecordsCut);
    }

    private static void checkHeader(FileChannel channel, Path path, long firstId) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(RecordFormat.SEGMENT_HEADER_BYTES);
        while (header.hasRemaining() && channel.read(header, header.position()) >= 0) {
            continue;
        }
        header.flip();
        byte[] magic = new byte[RecordFormat.MAGIC_BYTES];
        header.get(magic);
        if (!Arrays.equals(magic, RecordFormat.SEGMENT_MAGIC) || header.getLong() != firstId) {
            throw new IOException(path + " is not a scangate journal segment for id " + firstId
                    + " (bad header); move it out of the journal directory");
        }
    }

    /** Sorted ids confirmed in an ack file; a torn ack tail is cut (it only costs a re-publish). */
    private static long[] readAcks(Path ackPath) throws IOException {
        if (!Files.exists(ackPath)) {
            return new long[0];
        }
        try (FileChannel channel = FileChannel.open(ackPath, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            if (size < RecordFormat.MAGIC_BYTES) {
                channel.truncate(0);
                return new long[0];
            }
            ByteBuffer all = ByteBuffer.allocate((int) Math.min(size, Integer.MAX_VALUE - 8));
            while (all.hasRemaining() && channel.read(all, all.position()) >= 0) {
                continue;
            }
            long[] ids = new long[(all.capacity() - RecordFormat.MAGIC_BYTES) / RecordFormat.ACK_RECORD_BYTES];
            int count = 0;
            for (int at = RecordFormat.MAGIC_BYTES; count < ids.length; at += RecordFormat.ACK_RECORD_BYTES) {
                long id = RecordFormat.ackId(all, at);
                if (id < 0) {
                    break;
                }
                ids[count++] = id;
            }
            long validEnd = RecordFormat.MAGIC_BYTES + (long) count * RecordFormat.ACK_RECORD_BYTES;
            if (validEnd < size) {
                log.info("journal ack tail dropped file={} offset={} bytes={} detail=at most a re-publish",
                        ackPath, validEnd, size - validEnd);
                channel.truncate(validEnd);
                channel.force(true);
            }
            long[] sorted = Arrays.copyOf(ids, count);
            Arrays.sort(sorted);
            return sorted;
        }
    }
}
