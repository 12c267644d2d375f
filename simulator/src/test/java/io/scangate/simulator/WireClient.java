package io.scangate.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A plain blocking TCP client, as a gateway would be: reads the bytes of a lane and splits them at CR LF. */
public final class WireClient implements AutoCloseable {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final Socket socket;
    private final InputStream in;
    private final List<byte[]> lines = new ArrayList<>();
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final List<Integer> readSizes = new ArrayList<>();
    private boolean endOfStream;

    public WireClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(50);
        in = socket.getInputStream();
    }

    /** Reads until {@code done} holds over the lines read so far, the stream ends, or the timeout passes. */
    public List<byte[]> readUntil(Predicate<List<byte[]>> done) throws IOException {
        return readUntil(done, DEFAULT_TIMEOUT);
    }

    public List<byte[]> readUntil(Predicate<List<byte[]>> done, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buffer = new byte[64 * 1024];
        while (!done.test(lines) && !endOfStream) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout + " after " + lines.size() + " lines");
            }
            try {
                int n = in.read(buffer);
                if (n < 0) {
                    endOfStream = true;
                } else {
                    readSizes.add(n);
                    accept(buffer, n);
                }
            } catch (SocketTimeoutException e) {
                // nothing due yet: loop and check the deadline
            }
        }
        return lines;
    }

    /** Lines read so far as text (ISO-8859-1, so that garbage bytes survive). */
    public List<String> text() {
        return lines.stream().map(WireClient::text).toList();
    }

    public static String text(byte[] line) {
        return new String(line, StandardCharsets.ISO_8859_1);
    }

    public static long count(List<byte[]> lines, String tag) {
        return lines.stream().filter(l -> text(l).equals(tag) || text(l).startsWith(tag + ",")).count();
    }

    public boolean endOfStream() {
        return endOfStream;
    }

    /** Bytes after the last CR LF. */
    public byte[] trailing() {
        return partial.toByteArray();
    }

    public List<Integer> readSizes() {
        return readSizes;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void accept(byte[] buffer, int n) {
        for (int i = 0; i < n; i++) {
            byte b = buffer[i];
            partial.write(b);
            if (b == '\n') {
                byte[] bytes = partial.toByteArray();
                if (bytes.length >= 2 && bytes[bytes.length - 2] == '\r') {
                    byte[] line = new byte[bytes.length - 2];
                    System.arraycopy(bytes, 0, line, 0, line.length);
                    lines.add(line);
                    partial.reset();
                }
            }
        }
    }
}
