package io.scangate.driver.vm250;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;

/** Lines (from {@link LineFramer}) to {@link Vm250Record}s. */
final class Vm250LineDecoder extends MessageToMessageDecoder<byte[]> {

    Vm250LineDecoder() {
        super(byte[].class);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, byte[] line, List<Object> out) {
        out.add(Vm250LineParser.parse(line));
    }
}
