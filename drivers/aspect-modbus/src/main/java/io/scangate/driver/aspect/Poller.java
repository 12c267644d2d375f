package io.scangate.driver.aspect;

import io.netty.channel.Channel;
import io.netty.util.concurrent.ScheduledFuture;
import io.scangate.driver.DeviceContext;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request side: one request on the wire at a time, matched to its answer by transaction id, with a
 * timeout. On a new connection it reads the header registers to locate the monitor block (unless its
 * base is configured), then polls the block, pausing {@code pollOccupied} or {@code pollIdle} after each
 * answer. A timeout is reported and retried at once; after {@code timeoutsBeforeReconnect} in a row the
 * connection is closed, so the host reconnects. While the host has paused reading (back-pressure from a
 * full journal) an unanswered request is not timed out: its answer may be sitting unread in the socket.
 * Runs on the device's executor only.
 */
final class Poller {

    static final String TIMEOUT = "timeout";
    static final String UNEXPECTED_TRANSACTION = "unexpected_transaction";
    static final String WRONG_UNIT = "wrong_unit";
    static final String MODBUS_EXCEPTION = "modbus_exception";
    static final String WRONG_REGISTER_COUNT = "wrong_register_count";
    static final String BAD_HEADER = "bad_header";
    private static final Logger log = LoggerFactory.getLogger(Poller.class);

    private final AspectModbusConfig config;
    private final DeviceContext device;
    private final PassageTracker passages;
    private final Consumer<MonitorBlock> monitorListener;
    private Channel channel;
    private Integer monitorBase;
    private HeaderBlock lastHeader;
    private int lastTransactionId;
    private ReadHoldingRegisters inFlight;
    private boolean inFlightIsHeader;
    private ScheduledFuture<?> requestTimer;
    private ScheduledFuture<?> pollTimer;
    private int consecutiveTimeouts;

    Poller(AspectModbusConfig config, DeviceContext device, PassageTracker passages,
            Consumer<MonitorBlock> monitorListener) {
        this.config = config;
        this.device = device;
        this.passages = passages;
        this.monitorListener = monitorListener;
        this.monitorBase = config.monitorBase();
    }

    /** A connection is up: start over with it (header first when the base is not configured). */
    void attach(Channel connection) {
        if (channel == connection) {
            return;
        }
        cancelTimers();
        channel = connection;
        consecutiveTimeouts = 0;
        if (config.monitorBase() == null) {
            monitorBase = null;
        }
        sendNext();
    }

    void detach(Channel connection) {
        if (channel == connection) {
            cancelTimers();
            channel = null;
        }
    }

    void stop() {
        cancelTimers();
        channel = null;
    }

    void onResponse(ModbusResponse response) {
        if (inFlight == null || response.transactionId() != inFlight.transactionId()) {
            device.decodeError(UNEXPECTED_TRANSACTION, "answer to transaction " + response.transactionId()
                    + (inFlight == null ? " while none is waiting" : " while waiting for " + inFlight.transactionId())
                    + " (late answer after a timeout?)");
            return;
        }
        if (response.unitId() != inFlight.unitId()) {
            device.decodeError(WRONG_UNIT, "answer from unit " + response.unitId() + " to " + inFlight);
            return;
        }
        ReadHoldingRegisters request = inFlight;
        boolean header = inFlightIsHeader;
        inFlight = null;
        requestTimer.cancel(false);
        consecutiveTimeouts = 0;
        if (response instanceof ModbusResponse.Registers registers) {
            onRegisters(request, header, registers.values());
        } else if (response instanceof ModbusResponse.Exception exception) {
            device.decodeError(MODBUS_EXCEPTION, exception.describe() + " to " + request
                    + (header ? " (set monitorBase to skip the header)" : ""));
            schedulePoll(pollPause());
        } else if (response instanceof ModbusResponse.Malformed malformed) {
            device.decodeError(malformed.reason(), malformed.detail() + " answering " + request);
            schedulePoll(pollPause());
        }
    }

    private void onRegisters(ReadHoldingRegisters request, boolean header, int[] values) {
        if (values.length != request.quantity()) {
            device.decodeError(WRONG_REGISTER_COUNT, values.length + " registers answering " + request);
            schedulePoll(pollPause());
        } else if (header) {
            schedulePoll(onHeader(values) ? Duration.ZERO : config.pollIdle());
        } else {
            MonitorBlock block = MonitorBlock.decode(values, config.wordOrder());
            monitorListener.accept(block);
            passages.onMonitor(block);
            schedulePoll(pollPause());
        }
    }

    /** @return whether the header located the monitor block */
    private boolean onHeader(int[] values) {
        HeaderBlock header = HeaderBlock.decode(values);
        String problem = header.problem();
        if (problem != null) {
            device.decodeError(BAD_HEADER, problem + " in header registers " + Arrays.toString(values)
                    + " (set monitorBase to skip the header)");
            return false;
        }
        monitorBase = header.monitorBase();
        if (!header.equals(lastHeader)) {
            lastHeader = header;
            device.emit(AspectMessages.header(header, values));
            log.info("device={} monitor_block={} base={} registers={} signature=0x{}", device.device().getDeviceId(),
                    header.monitorBlockId(), header.monitorBase(), header.monitorRegisters(),
                    Integer.toHexString(header.signature()));
        }
        return true;
    }

    /** The pause the lane state asks for: short while occupied, long while empty or not located. */
    private Duration pollPause() {
        return monitorBase != null && passages.occupied() ? config.pollOccupied() : config.pollIdle();
    }

    private void schedulePoll(Duration pause) {
        if (channel == null) {
            return;
        }
        if (pause.isZero()) {
            sendNext();
            return;
        }
        pollTimer = device.executor().schedule(this::sendNext, pause.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void sendNext() {
        pollTimer = null;
        if (channel == null || !channel.isActive()) {
            return;
        }
        lastTransactionId = (lastTransactionId + 1) & 0xFFFF;
        int unit = config.unitId();
        ReadHoldingRegisters request = monitorBase == null
                ? new ReadHoldingRegisters(lastTransactionId, unit, HeaderBlock.ADDRESS, HeaderBlock.REGISTERS)
                : new ReadHoldingRegisters(lastTransactionId, unit, monitorBase, MonitorBlock.REGISTERS);
        inFlightIsHeader = monitorBase == null;
        inFlight = request;
        requestTimer = device.executor().schedule(() -> onTimeout(request), config.requestTimeout().toNanos(),
                TimeUnit.NANOSECONDS);
        channel.writeAndFlush(request);
    }

    private void onTimeout(ReadHoldingRegisters request) {
        if (inFlight != request) {
            return;
        }
        if (!channel.config().isAutoRead()) {
            // The host paused reading (journal full): the answer may be waiting in the socket, unread.
            requestTimer = device.executor().schedule(() -> onTimeout(request), config.requestTimeout().toNanos(),
                    TimeUnit.NANOSECONDS);
            return;
        }
        inFlight = null;
        consecutiveTimeouts++;
        device.decodeError(TIMEOUT, "no answer within " + config.requestTimeout() + " to " + request
                + " (" + consecutiveTimeouts + " in a row)");
        if (consecutiveTimeouts >= config.timeoutsBeforeReconnect()) {
            log.warn("device={} reason=timeouts count={} action=reconnect", device.device().getDeviceId(),
                    consecutiveTimeouts);
            Channel closing = channel;
            detach(closing);
            closing.close();
            return;
        }
        sendNext();
    }

    private void cancelTimers() {
        if (requestTimer != null) {
            requestTimer.cancel(false);
            requestTimer = null;
        }
        if (pollTimer != null) {
            pollTimer.cancel(false);
            pollTimer = null;
        }
        inFlight = null;
    }
}
