package io.scangate.driver.aspect;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.scangate.driver.DeviceContext;
import java.util.List;

/**
 * Cuts the TCP stream into Modbus TCP frames by their MBAP header: transaction id (2 bytes), protocol id
 * (2, always 0), length (2, counting the unit id and the PDU), unit id (1), then the PDU.
 *
 * <p>A header with a protocol id other than 0 or a length outside 2..{@code maxLength} means the stream
 * is broken: the length field is the only frame boundary, so there is no resynchronising after it. The
 * decoder reports it, drops what follows and closes the connection, so that the host reconnects.
 */
final class MbapFrameDecoder extends ByteToMessageDecoder {

    static final int HEADER_BYTES = 7;
    static final String BAD_PROTOCOL_ID = "bad_protocol_id";
    static final String BAD_LENGTH = "bad_length";
    static final String TRUNCATED_FRAME = "truncated_frame";
    /** Bytes before the length field is complete: transaction id, protocol id, length. */
    private static final int LENGTH_END = 6;
    /** Unit id plus function code. */
    private static final int MIN_LENGTH = 2;

    private final DeviceContext device;
    private final int maxLength;
    private boolean broken;

    MbapFrameDecoder(DeviceContext device, int maxLength) {
        this.device = device;
        this.maxLength = maxLength;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (broken) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (in.readableBytes() < LENGTH_END) {
            return;
        }
        int start = in.readerIndex();
        int protocolId = in.getUnsignedShort(start + 2);
        int length = in.getUnsignedShort(start + 4);
        if (protocolId != 0) {
            breakStream(ctx, in, BAD_PROTOCOL_ID, "protocol id " + protocolId + ", expected 0");
            return;
        }
        if (length < MIN_LENGTH || length > maxLength) {
            breakStream(ctx, in, BAD_LENGTH, "MBAP length " + length + ", expected " + MIN_LENGTH + ".." + maxLength);
            return;
        }
        if (in.readableBytes() < LENGTH_END + length) {
            return;
        }
        int transactionId = in.readUnsignedShort();
        in.skipBytes(4);
        int unitId = in.readUnsignedByte();
        byte[] pdu = new byte[length - 1];
        in.readBytes(pdu);
        device.frameReceived();
        out.add(new MbapFrame(transactionId, unitId, pdu));
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        decode(ctx, in, out);
        if (!broken && in.isReadable()) {
            device.decodeError(TRUNCATED_FRAME, "connection ended inside a frame: "
                    + ByteBufUtil.hexDump(in, in.readerIndex(), Math.min(in.readableBytes(), HEADER_BYTES)));
            in.skipBytes(in.readableBytes());
        }
    }

    private void breakStream(ChannelHandlerContext ctx, ByteBuf in, String reason, String detail) {
        broken = true;
        String header = ByteBufUtil.hexDump(in, in.readerIndex(), Math.min(in.readableBytes(), HEADER_BYTES));
        device.decodeError(reason, detail + " in header " + header + "; closing to resynchronise");
        in.skipBytes(in.readableBytes());
        ctx.close();
    }
}
