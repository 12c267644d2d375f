package io.scangate.simulator.modbus;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection to the slave: reads Modbus TCP requests by their MBAP header and answers each
 * from the addressed monitor at the current simulated time. Errors a real device answers with an
 * exception response (unknown function, bad address or quantity, unknown unit as a gateway would); a
 * header it cannot frame closes the connection. Injected {@link SlaveFault}s apply to the next request.
 */
final class SlaveSession extends ByteToMessageDecoder {

    static final int READ_HOLDING_REGISTERS = 0x03;
    static final int ILLEGAL_FUNCTION = 0x01;
    static final int ILLEGAL_DATA_ADDRESS = 0x02;
    static final int ILLEGAL_DATA_VALUE = 0x03;
    static final int GATEWAY_TARGET_FAILED = 0x0B;
    private static final Logger log = LoggerFactory.getLogger(SlaveSession.class);
    private static final int MAX_QUANTITY = 125;

    static final int SERVER_DEVICE_BUSY = 0x06;
    private static final int BAD_PROTOCOL_ID = 0x1234;

    private final Map<Integer, AspectScenario> units;
    private final LongSupplier clock;
    private final int maxLength;
    private final Queue<SlaveFault> faults;

    SlaveSession(Map<Integer, AspectScenario> units, LongSupplier clock, int maxLength, Queue<SlaveFault> faults) {
        this.units = units;
        this.clock = clock;
        this.maxLength = maxLength;
        this.faults = faults;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.readableBytes() >= 6) {
            int start = in.readerIndex();
            int protocolId = in.getUnsignedShort(start + 2);
            int length = in.getUnsignedShort(start + 4);
            if (protocolId != 0 || length < 2 || length > maxLength) {
                log.warn("reason=bad-request-header remote={} header={}", ctx.channel().remoteAddress(),
                        ByteBufUtil.hexDump(in, start, Math.min(7, in.readableBytes())));
                in.skipBytes(in.readableBytes());
                ctx.close();
                return;
            }
            if (in.readableBytes() < 6 + length) {
                return;
            }
            int transactionId = in.readUnsignedShort();
            in.skipBytes(4);
            int unitId = in.readUnsignedByte();
            byte[] pdu = new byte[length - 1];
            in.readBytes(pdu);
            SlaveFault fault = faults.poll();
            if (fault != null && misbehave(ctx, in, fault, transactionId, unitId, pdu)) {
                return;
            }
            if (fault == null) {
                ctx.write(ctx.alloc().buffer().writeBytes(frame(transactionId, unitId, answer(unitId, pdu))));
            }
        }
        ctx.flush();
    }

    /** @return true when the connection is done for */
    private boolean misbehave(ChannelHandlerContext ctx, ByteBuf in, SlaveFault fault, int transactionId, int unitId,
            byte[] pdu) {
        log.info("event=fault fault={} remote={} unit={}", fault, ctx.channel().remoteAddress(), unitId);
        switch (fault) {
            case DROP_MID_FRAME -> {
                byte[] answer = frame(transactionId, unitId, answer(unitId, pdu));
                in.skipBytes(in.readableBytes());
                ctx.writeAndFlush(ctx.alloc().buffer().writeBytes(answer, 0, answer.length / 2))
                        .addListener(ChannelFutureListener.CLOSE);
                return true;
            }
            case BAD_HEADER -> {
                byte[] answer = frame(transactionId, unitId, answer(unitId, pdu));
                answer[2] = (byte) (BAD_PROTOCOL_ID >>> 8);
                answer[3] = (byte) BAD_PROTOCOL_ID;
                ctx.write(ctx.alloc().buffer().writeBytes(answer));
                return false;
            }
            case BUSY -> {
                ctx.write(ctx.alloc().buffer().writeBytes(
                        frame(transactionId, unitId, exception(pdu[0] & 0xFF, SERVER_DEVICE_BUSY))));
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    private byte[] answer(int unitId, byte[] pdu) {
        int function = pdu[0] & 0xFF;
        AspectScenario unit = units.get(unitId);
        if (unit == null) {
            return exception(function, GATEWAY_TARGET_FAILED);
        }
        if (function != READ_HOLDING_REGISTERS) {
            return exception(function, ILLEGAL_FUNCTION);
        }
        if (pdu.length != 5) {
            return exception(function, ILLEGAL_DATA_VALUE);
        }
        int address = ((pdu[1] & 0xFF) << 8) | (pdu[2] & 0xFF);
        int quantity = ((pdu[3] & 0xFF) << 8) | (pdu[4] & 0xFF);
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            return exception(function, ILLEGAL_DATA_VALUE);
        }
        if (address + quantity > AspectRegisterMap.SIZE) {
            return exception(function, ILLEGAL_DATA_ADDRESS);
        }
        int[] all = AspectRegisterMap.all(unit.at(clock.getAsLong()));
        int[] values = new int[quantity];
        System.arraycopy(all, address, values, 0, quantity);
        return AspectRegisterMap.readResponsePdu(values);
    }

    private static byte[] exception(int function, int code) {
        return new byte[] {(byte) (function | 0x80), (byte) code};
    }

    private static byte[] frame(int transactionId, int unitId, byte[] pdu) {
        byte[] frame = new byte[7 + pdu.length];
        frame[0] = (byte) (transactionId >>> 8);
        frame[1] = (byte) transactionId;
        frame[4] = (byte) ((pdu.length + 1) >>> 8);
        frame[5] = (byte) (pdu.length + 1);
        frame[6] = (byte) unitId;
        System.arraycopy(pdu, 0, frame, 7, pdu.length);
        return frame;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.warn("reason=connection-error remote={} detail={}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
