package io.scangate.gateway.host;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One use of a serial port, from open to release, on a thread of its own: jSerialComm's reads block and Netty
 * has no serial transport. The thread opens the port (never on the event loop: opening can take tens of ms),
 * hands a {@link SerialChannel} to the event loop, then reads only while Netty asks for data and the previous
 * batch has been delivered. So back-pressure leaves bytes in the OS and UART buffers, and at most one batch is
 * queued on the event loop. Closing the port (from the event loop) ends a blocking read at once.
 */
final class PortSession implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(PortSession.class);
    private static final int READ_BUFFER_BYTES = 4096;
    /** While reads are paused, how often the thread checks that the port still exists. */
    private static final long PAUSED_CHECK_MILLIS = 1000;
    /** How long a reader that lost its port waits for the event loop to close the channel before it closes the port itself. */
    private static final long CLOSE_WAIT_MILLIS = 10_000;

    /** What the session reports, always on the event loop. */
    interface Listener {
        void opened(SerialChannel channel);

        void openFailed(PortSession session, String reason);
    }

    private enum Turn { READ, WAIT, CLOSED }

    private final String deviceId;
    private final SerialPortSettings settings;
    private final EventLoop eventLoop;
    private final Listener listener;
    private final Promise<Void> released;
    private SerialPort port;
    private boolean closed;
    private boolean readRequested;
    private boolean batchInFlight;

    PortSession(String deviceId, SerialPortSettings settings, EventLoop eventLoop, Listener listener) {
        this.deviceId = deviceId;
        this.settings = settings;
        this.eventLoop = eventLoop;
        this.listener = listener;
        this.released = eventLoop.newPromise();
    }

    void start() {
        Thread reader = new Thread(this, "serial-" + deviceId);
        reader.setDaemon(true);
        reader.start();
    }

    /** Completes when the port is closed and the thread has ended. */
    Future<Void> released() {
        return released;
    }

    String path() {
        return settings.path();
    }

    @Override
    public void run() {
        SerialChannel channel = null;
        try {
            channel = open();
            if (channel != null) {
                readUntilClosed(channel);
            }
        } catch (RuntimeException | Error e) {
            log.warn("device={} reason=serial_reader_failed port={}", deviceId, settings.path(), e);
            if (channel != null) {
                SerialChannel failed = channel;
                onEventLoop(() -> failed.lost("serial reader failed: " + e));
            }
            close();
        } finally {
            released.trySuccess(null);
        }
    }

    /** Closes the port; a blocking read returns at once. Idempotent, from any thread. */
    synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (port != null) {
            port.closePort();
        }
        notifyAll();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Netty wants data (auto-read, or a handler called read()). */
    synchronized void requestRead() {
        readRequested = true;
        notifyAll();
    }

    /** Auto-read was turned off: finish the batch at hand, then leave the bytes in the OS buffer. */
    synchronized void cancelRead() {
        readRequested = false;
    }

    /** The event loop has passed the last batch down the pipeline. */
    synchronized void delivered() {
        batchInFlight = false;
        notifyAll();
    }

    /** Writes from the event loop; the port is opened by then and closed only after the channel. */
    SerialPort port() {
        return port;
    }

    private SerialChannel open() {
        SerialPort candidate;
        try {
            candidate = SerialPort.getCommPort(settings.path());
        } catch (SerialPortInvalidPortException e) {
            // jSerialComm cannot resolve a path that does not exist (yet): the same case as ENOENT at open.
            fail("cannot open " + settings.path() + ": " + OpenErrors.explain(OpenErrors.NO_SUCH_DEVICE));
            return null;
        }
        if (!candidate.openPort(0)) {
            fail("cannot open " + settings.path() + ": " + OpenErrors.explain(candidate.getLastErrorCode()));
            return null;
        }
        synchronized (this) {
            if (closed) {
                candidate.closePort();
                return null;
            }
            port = candidate;
        }
        if (!settings.applyTo(candidate)) {
            close();
            fail("port " + settings.path() + " refused the line settings " + settings.describe()
                    + " (error " + candidate.getLastErrorCode() + ")");
            return null;
        }
        SerialChannel channel = new SerialChannel(this);
        if (!onEventLoop(() -> listener.opened(channel))) {
            close();
            return null;
        }
        return channel;
    }

    private void readUntilClosed(SerialChannel channel) {
        byte[] buffer = new byte[READ_BUFFER_BYTES];
        while (true) {
            Turn turn = awaitTurn();
            if (turn == Turn.CLOSED) {
                return;
            }
            if (turn == Turn.WAIT) {
                if (port.bytesAvailable() < 0 && !isClosed()) {
                    lost(channel, "serial port " + settings.path() + " vanished while reading was paused");
                    return;
                }
                continue;
            }
            int read = port.readBytes(buffer, buffer.length);
            if (isClosed()) {
                return;
            }
            // A hung-up tty (USB adapter unplugged) may read as end-of-file rather than as an error.
            if (read < 0 || (read == 0 && port.bytesAvailable() < 0)) {
                lost(channel, "serial port " + settings.path() + " vanished (read failed, error "
                        + port.getLastErrorCode() + "): unplugged, re-enumerated or closed by its owner");
                return;
            }
            if (read > 0) {
                if (!holdUntilWanted()) {
                    return;
                }
                if (!channel.deliver(buffer, read)) {
                    close();
                    return;
                }
            }
        }
    }

    private synchronized Turn awaitTurn() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PAUSED_CHECK_MILLIS);
        while (!closed && (!readRequested || batchInFlight)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Turn.WAIT;
            }
            waitNanos(left);
        }
        return closed ? Turn.CLOSED : Turn.READ;
    }

    /**
     * A read may have been under way when reading was paused: keep its bytes here until Netty asks again, so
     * that nothing reaches the pipeline while paused.
     *
     * @return false when the port was closed meanwhile
     */
    private synchronized boolean holdUntilWanted() {
        while (!closed && !readRequested) {
            waitNanos(TimeUnit.MILLISECONDS.toNanos(PAUSED_CHECK_MILLIS));
        }
        batchInFlight = !closed;
        return !closed;
    }

    /** The port is gone: the event loop closes the channel with the reason; the port is closed with it. */
    private void lost(SerialChannel channel, String reason) {
        if (!onEventLoop(() -> channel.lost(reason))) {
            close();
            return;
        }
        synchronized (this) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_WAIT_MILLIS);
            while (!closed && deadline - System.nanoTime() > 0) {
                waitNanos(deadline - System.nanoTime());
            }
        }
        close();
    }

    private void fail(String reason) {
        onEventLoop(() -> listener.openFailed(this, reason));
    }

    private boolean onEventLoop(Runnable task) {
        try {
            eventLoop.execute(task);
            return true;
        } catch (RejectedExecutionException shuttingDown) {
            return false;
        }
    }

    private void waitNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.timedWait(this, nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
        }
    }

    /** Operator-facing words for the errno values jSerialComm reports when opening fails. */
    private static final class OpenErrors {
        private OpenErrors() {
        }

        static final int NO_SUCH_DEVICE = 2;

        static String explain(int errno) {
            return switch (errno) {
                case NO_SUCH_DEVICE -> "no such device (unplugged, or the path is wrong; prefer /dev/serial/by-id/...)";
                case 13 -> "permission denied (add the gateway's user to the group owning the port, often dialout)";
                case 16 -> "port busy (another program has it open)";
                default -> "error " + errno;
            };
        }
    }
}
