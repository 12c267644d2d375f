package io.scangate.driver.dicos;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.scangate.driver.DeviceContext;
import java.util.List;

/**
 * Cuts the byte stream into {@link Pdu}s. Bounded: a PDU whose variable field is longer than
 * {@code maxPduBytes} is never buffered; the association is aborted (source service-provider, reason
 * "invalid PDU parameter value") and reported as {@code pdu_too_long}. The scanner was told the limit in
 * A-ASSOCIATE-AC, so only a broken or hostile peer reaches it.
 */
final class PduFramer extends ByteToMessageDecoder {

    static final String PDU_TOO_LONG = "pdu_too_long";

    private final DeviceContext device;
    private final int maxPduBytes;
    private boolean failed;

    PduFramer(DeviceContext device, int maxPduBytes) {
        this.device = device;
        this.maxPduBytes = maxPduBytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        while (in.readableBytes() >= Pdu.HEADER_BYTES) {
            int start = in.readerIndex();
            int type = in.getUnsignedByte(start);
            long length = in.getUnsignedInt(start + 2);
            if (length > maxPduBytes) {
                failed = true;
                device.decodeError(PDU_TOO_LONG, Pdu.name(type) + " of " + length + " bytes exceeds maxPduBytes "
                        + maxPduBytes + "; association aborted");
                in.skipBytes(in.readableBytes());
                ctx.writeAndFlush(Pdus.abort(ctx.alloc(), Pdus.ABORT_SOURCE_PROVIDER,
                        Pdus.ABORT_REASON_INVALID_PARAMETER_VALUE)).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            if (in.readableBytes() < Pdu.HEADER_BYTES + length) {
                return;
            }
            in.skipBytes(Pdu.HEADER_BYTES);
            device.frameReceived();
            out.add(new Pdu(type, in.readRetainedSlice((int) length)));
        }
    }
}
