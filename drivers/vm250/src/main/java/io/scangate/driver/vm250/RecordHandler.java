package io.scangate.driver.vm250;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.util.function.Consumer;

/** Hands every record to the driver, which outlives this connection and its pipeline. */
final class RecordHandler extends SimpleChannelInboundHandler<Vm250Record> {

    private final Consumer<Vm250Record> driver;

    RecordHandler(Consumer<Vm250Record> driver) {
        super(Vm250Record.class);
        this.driver = driver;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Vm250Record record) {
        driver.accept(record);
    }
}
