package io.scangate.driver.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadGateTest {

    private final AtomicInteger socketReads = new AtomicInteger();
    private final ReadGate gate = new ReadGate();
    private final EmbeddedChannel channel = new EmbeddedChannel(gate);

    ReadGateTest() {
        // Reads travel from the tail to the head: what passes the gate reaches this counter at the head.
        channel.pipeline().addFirst(new ChannelOutboundHandlerAdapter() {
            @Override
            public void read(ChannelHandlerContext ctx) {
                socketReads.incrementAndGet();
                ctx.read();
            }
        });
    }

    @Test
    void aHeldReadGoesOutWhenReleased() {
        gate.hold();
        channel.read();
        assertThat(socketReads).hasValue(0);

        gate.release();
        assertThat(socketReads).hasValue(1);
        channel.read();
        assertThat(socketReads).hasValue(2);
    }

    @Test
    void releasingNeverResumesAConnectionTheHostPaused() {
        gate.hold();
        channel.read();
        channel.config().setAutoRead(false);

        gate.release();
        assertThat(socketReads).as("the host's pause stands").hasValue(0);
        assertThat(channel.config().isAutoRead()).isFalse();

        channel.config().setAutoRead(true);
        assertThat(socketReads).as("the host's resume reads again").hasValue(1);
    }
}
