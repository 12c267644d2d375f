package io.scangate.driver.aspect;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/** Writes a {@link ReadHoldingRegisters} request as one Modbus TCP frame: MBAP header and 5-byte PDU. */
final class ReadRequestEncoder extends MessageToByteEncoder<ReadHoldingRegisters> {

    /** Unit id, function code, address, quantity. */
    private static final int MBAP_LENGTH = 6;

    @Override
    protected void encode(ChannelHandlerContext ctx, ReadHoldingRegisters request, ByteBuf out) {
        out.writeShort(request.transactionId())
                .writeShort(0)
                .writeShort(MBAP_LENGTH)
                .writeByte(request.unitId())
                .writeByte(ReadHoldingRegisters.FUNCTION)
                .writeShort(request.address())
                .writeShort(request.quantity());
    }
}
