package io.scangate.gateway.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads the length-and-CRC framed records of a segment or dead-letter file sequentially through a
 * reusable window, and stops at the first record that is incomplete, fails its checksum or is refused
 * by the visitor: everything before that offset is intact, everything from it on is a torn or corrupt
 * tail.
 */
final class FramedFileScanner {

    /** Receives each intact record; returns false when the body makes no sense (the scan stops there). */
    interface Visitor {
        boolean accept(long offset, ByteBuffer body);
    }

    private static final int WINDOW_BYTES = 1 << 20;

    private final FileChannel channel;
    private final long fileSize;
    private ByteBuffer window = ByteBuffer.allocate(WINDOW_BYTES);
    private long windowStart;
    private int windowLength;

    private FramedFileScanner(FileChannel channel) throws IOException {
        this.channel = channel;
        this.fileSize = channel.size();
    }

    /** Scans from {@code start}; returns the offset just past the last intact record. */
    static long scan(FileChannel channel, long start, int minBodyBytes, Visitor visitor) throws IOException {
        return new FramedFileScanner(channel).scanFrom(start, minBodyBytes, visitor);
    }

    private long scanFrom(long start, int minBodyBytes, Visitor visitor) throws IOException {
        long position = start;
        while (fileSize - position >= RecordFormat.PREFIX_BYTES) {
            ByteBuffer prefix = slice(position, RecordFormat.PREFIX_BYTES);
            int bodyLength = prefix.getInt(0);
            long available = fileSize - position - RecordFormat.PREFIX_BYTES;
            if (bodyLength < minBodyBytes || bodyLength > available) {
                return position;
            }
            ByteBuffer record = slice(position, RecordFormat.PREFIX_BYTES + bodyLength);
            if (!RecordFormat.crcMatches(record, bodyLength)
                    || !visitor.accept(position, record.slice(RecordFormat.PREFIX_BYTES, bodyLength))) {
                return position;
            }
            position += RecordFormat.PREFIX_BYTES + bodyLength;
        }
        return position;
    }

    private ByteBuffer slice(long position, int length) throws IOException {
        boolean inside = position >= windowStart && position + length <= windowStart + windowLength;
        if (!inside) {
            fill(position, length);
        }
        return window.slice((int) (position - windowStart), length);
    }

    private void fill(long position, int length) throws IOException {
        if (length > window.capacity()) {
            window = ByteBuffer.allocate(length);
        }
        window.clear();
        int wanted = (int) Math.min(window.capacity(), fileSize - position);
        window.limit(wanted);
        long at = position;
        while (window.hasRemaining()) {
            int read = channel.read(window, at);
            if (read < 0) {
                throw new IOException("file shrank while scanning at offset " + at);
            }
            at += read;
        }
        windowStart = position;
        windowLength = wanted;
    }
}
