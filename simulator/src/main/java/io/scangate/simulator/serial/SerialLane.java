package io.scangate.simulator.serial;

import io.scangate.simulator.GroundTruthLog;
import io.scangate.simulator.lane.OccupancyTracker;
import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import io.scangate.simulator.Fault;
import io.scangate.simulator.OccupancyTruth;
import io.scangate.simulator.lane.Emission;
import io.scangate.simulator.lane.OccupancyPlan;
import io.scangate.simulator.scenario.Vm250Scenario;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One simulated VM-250 on a serial line: the scenario engine's lines written to a serial port at the pace the line
 * carries (baud rate / 10 bytes per second), on a thread of its own because serial writes block. Like a TCP lane,
 * the simulated clock runs only while the port is open and the line keeps up, so the ground truth lists what was
 * really written. When the port vanishes (a write fails: cable pulled, the socat pair killed) the occupancy in
 * progress is recorded as interrupted and the lane reopens the port every {@code reopenDelay} until it is back.
 *
 * <pre>{@code
 * try (SerialLane lane = SerialLane.start(SerialLaneOptions.of(Path.of("/tmp/pty/device-end")).withBaudRate(115200))) {
 *     lane.awaitCompleted(Duration.ofMinutes(1));
 *     List<OccupancyTruth> truth = lane.groundTruth();
 * }
 * }</pre>
 */
public final class SerialLane implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SerialLane.class);
    /**
     * How far the writer may run ahead of the line: the bytes an OS transmit buffer holds while the UART drains it
     * at the baud rate. A writer thread kept off the CPU for a moment catches up, as a real one would, instead of
     * leaving the line idle.
     */
    private static final int TRANSMIT_BUFFER_BYTES = 4096;
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

    private final SerialLaneOptions options;
    private final Vm250Scenario source;
    private final OccupancyTracker tracker = new OccupancyTracker();
    private final GroundTruthLog truth;
    private final Thread writer;
    private final AtomicLong linesWritten = new AtomicLong();
    private final AtomicLong bytesWritten = new AtomicLong();
    private volatile boolean closed;
    private volatile SerialPort port;
    private double simMillis;
    private double budgetBytes;
    private Emission backlog;

    private SerialLane(SerialLaneOptions options) {
        this.options = options;
        this.source = new Vm250Scenario(options.scenario(), options.faults(), options.seed(), options.maxOccupancies());
        this.truth = new GroundTruthLog(options.groundTruthFile());
        this.writer = new Thread(this::run, "sim-serial-" + options.laneId());
        this.writer.setDaemon(true);
    }

    /** Starts writing as soon as the port can be opened; keeps trying until then. */
    public static SerialLane start(SerialLaneOptions options) {
        SerialLane lane = new SerialLane(options);
        lane.writer.start();
        return lane;
    }

    public SerialLaneOptions options() {
        return options;
    }

    /** Whether the port is open now (the lane's clock runs only then). */
    public boolean isPortOpen() {
        return port != null;
    }

    /** Complete lines written to the port so far. */
    public long linesWritten() {
        return linesWritten.get();
    }

    public long bytesWritten() {
        return bytesWritten.get();
    }

    /** Every occupancy written so far, in the order they ended (interrupted ones included). */
    public List<OccupancyTruth> groundTruth() {
        return truth.snapshot();
    }

    /**
     * Waits until {@code maxOccupancies} occupancies were written (interrupted ones count).
     *
     * @return false when the timeout passed first
     */
    public boolean awaitCompleted(Duration timeout) throws InterruptedException {
        if (options.maxOccupancies() == 0) {
            throw new IllegalStateException("this lane never completes: set maxOccupancies");
        }
        return truth.awaitCount(options.maxOccupancies(), timeout);
    }

    /** Puts {@code fault} into the next occupancy that starts. */
    public void inject(Fault fault) {
        source.inject(fault);
    }

    /**
     * Stops writing after the line at hand and closes the port and the ground-truth file. A write blocked for
     * longer than {@link #CLOSE_GRACE} (nobody reads the other end) is cut by closing the port under it.
     */
    @Override
    public void close() {
        closed = true;
        try {
            writer.join(CLOSE_GRACE.toMillis());
            SerialPort open = port;
            if (writer.isAlive() && open != null) {
                open.closePort();
            }
            writer.join(CLOSE_GRACE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        truth.close();
    }

    private void run() {
        long last = System.nanoTime();
        while (!closed) {
            if (port == null) {
                if (!open()) {
                    LockSupport.parkNanos(options.reopenDelay().toNanos());
                    continue;
                }
                last = System.nanoTime();
                budgetBytes = 0;
            }
            long now = System.nanoTime();
            double elapsedSeconds = (now - last) / 1e9;
            last = now;
            budgetBytes = Math.min(budgetBytes + elapsedSeconds * options.bytesPerSecond(), TRANSMIT_BUFFER_BYTES);
            if (backlog == null) {
                simMillis += elapsedSeconds * 1000 * options.acceleration();
            }
            if (!writeDue()) {
                portLost();
                continue;
            }
            LockSupport.parkNanos(options.tick().toNanos());
        }
        SerialPort open = port;
        if (open != null) {
            open.closePort();
        }
    }

    private boolean open() {
        SerialPort candidate;
        try {
            candidate = SerialPort.getCommPort(options.port().toString());
        } catch (SerialPortInvalidPortException missing) {
            return false;
        }
        if (!candidate.openPort(0)) {
            return false;
        }
        candidate.setComPortParameters(options.baudRate(), 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        candidate.setComPortTimeouts(SerialPort.TIMEOUT_WRITE_BLOCKING, 0, 0);
        port = candidate;
        if (closed) {
            candidate.closePort();
            return false;
        }
        source.clientConnected((long) simMillis);
        log.info("lane={} event=port-open port={} baud={} simMillis={}", options.laneId(), options.port(),
                options.baudRate(), (long) simMillis);
        return true;
    }

    /** Writes what is due while the line has capacity. @return false when the port failed */
    private boolean writeDue() {
        while (budgetBytes > 0 && !closed) {
            Emission emission = backlog != null ? backlog : source.next((long) simMillis);
            backlog = null;
            if (emission == null) {
                return true;
            }
            switch (emission.kind()) {
                case OCCUPANCY_START -> tracker.open(emission.occupancy());
                case OCCUPANCY_END -> {
                    if (tracker.isOpen()) {
                        truth.add(tracker.close(options.laneId(), false));
                    }
                }
                case LINE, SLOW_LINE -> {
                    if (!write(emission.bytes())) {
                        return false;
                    }
                    tracker.written(emission.tag());
                    linesWritten.incrementAndGet();
                }
                case DROP -> {
                    log.info("lane={} event=fault-drop-mid-line bytes={}", options.laneId(), emission.bytes().length);
                    write(emission.bytes());
                    return false;
                }
            }
        }
        if (!closed && backlog == null) {
            backlog = source.next((long) simMillis);
        }
        return true;
    }

    private boolean write(byte[] bytes) {
        int written = port.writeBytes(bytes, bytes.length);
        if (written > 0) {
            bytesWritten.addAndGet(written);
        }
        budgetBytes -= bytes.length;
        return written == bytes.length;
    }

    /** The port failed or a drop fault closed it: the occupancy in progress is interrupted, the clock stops. */
    private void portLost() {
        SerialPort lost = port;
        port = null;
        if (lost != null) {
            lost.closePort();
        }
        if (closed) {
            return;
        }
        if (tracker.isOpen()) {
            OccupancyPlan plan = tracker.plan();
            truth.add(tracker.close(options.laneId(), true));
            source.abandon(plan);
            if (backlog != null && backlog.occupancy() == plan) {
                backlog = null;
            }
            log.info("lane={} event=occupancy-interrupted index={}", options.laneId(), plan.index());
        }
        log.info("lane={} event=port-lost port={} simMillis={}", options.laneId(), options.port(), (long) simMillis);
    }
}
