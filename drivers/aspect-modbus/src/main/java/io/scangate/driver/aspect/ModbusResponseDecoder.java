package io.scangate.driver.aspect;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;

/**
 * Reads the PDU of a frame as the answer to a Read Holding Registers request. A PDU that is not such an
 * answer becomes {@link ModbusResponse.Malformed}, so the poller can fail its transaction at once instead
 * of waiting for the timeout; the frame boundary is intact, so the connection stays.
 */
final class ModbusResponseDecoder extends MessageToMessageDecoder<MbapFrame> {

    static final String UNEXPECTED_FUNCTION = "unexpected_function";
    static final String BAD_BYTE_COUNT = "bad_byte_count";
    private static final int EXCEPTION_BIT = 0x80;
    private static final int DETAIL_BYTES = 16;

    @Override
    protected void decode(ChannelHandlerContext ctx, MbapFrame frame, List<Object> out) {
        out.add(decode(frame));
    }

    static ModbusResponse decode(MbapFrame frame) {
        byte[] pdu = frame.pdu();
        int function = pdu[0] & 0xFF;
        int tx = frame.transactionId();
        int unit = frame.unitId();
        if (function == ReadHoldingRegisters.FUNCTION) {
            int byteCount = pdu.length > 1 ? pdu[1] & 0xFF : -1;
            if (byteCount < 2 || byteCount % 2 != 0 || pdu.length != 2 + byteCount) {
                return new ModbusResponse.Malformed(tx, unit, BAD_BYTE_COUNT,
                        "byte count " + byteCount + " in a PDU of " + pdu.length + " bytes: " + hex(pdu));
            }
            int[] values = new int[byteCount / 2];
            for (int i = 0; i < values.length; i++) {
                values[i] = ((pdu[2 + 2 * i] & 0xFF) << 8) | (pdu[3 + 2 * i] & 0xFF);
            }
            return new ModbusResponse.Registers(tx, unit, values);
        }
        if ((function & EXCEPTION_BIT) != 0 && pdu.length == 2) {
            return new ModbusResponse.Exception(tx, unit, function & ~EXCEPTION_BIT, pdu[1] & 0xFF);
        }
        return new ModbusResponse.Malformed(tx, unit, UNEXPECTED_FUNCTION,
                String.format("function 0x%02X in a PDU of %d bytes: %s", function, pdu.length, hex(pdu)));
    }

    private static String hex(byte[] pdu) {
        String shown = ByteBufUtil.hexDump(pdu, 0, Math.min(pdu.length, DETAIL_BYTES));
        return pdu.length > DETAIL_BYTES ? shown + "..." : shown;
    }
}
