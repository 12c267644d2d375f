package io.scangate.driver.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.scangate.driver.testkit.RecordingDeviceContext;
import io.scangate.proto.v1.Envelope;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineFramingTest {

    private static final String LINE = "readId=r-1;lane=lane-3;time=2026-11-26T08:00:00Z;container=CSQU3054383,FRONT,0.9\n";

    @Test
    void aLineOverTheLimitIsSkippedAndCountedAndTheNextLineDecodes() {
        EmbeddedChannel channel = new EmbeddedChannel();
        RecordingDeviceContext device = new RecordingDeviceContext(Golden.DEVICE, channel.eventLoop());
        new OcrDriver(new OcrConfig(OcrFraming.TCP, null, null, null, null, null, 256), device).initPipeline(channel.pipeline());
        channel.writeInbound(Unpooled.copiedBuffer("x".repeat(1000) + "\n" + LINE + "\n\r\n", StandardCharsets.UTF_8));
        assertThat(device.decodeErrors()).extracting(RecordingDeviceContext.DecodeError::reason).containsExactly("line_too_long");
        assertThat(device.emitted()).singleElement().satisfies(m -> assertThat(m.getConveyanceId().getReadId()).isEqualTo("r-1"));
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void garbageBytesAreARefusedReadKeptRawNotACrash() {
        EmbeddedChannel channel = new EmbeddedChannel();
        RecordingDeviceContext device = new RecordingDeviceContext(Golden.DEVICE, channel.eventLoop());
        new OcrDriver(OcrConfig.tcp(), device).initPipeline(channel.pipeline());
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {(byte) 0xff, 0x00, 0x41, '\n'}));
        channel.writeInbound(Unpooled.copiedBuffer(LINE, StandardCharsets.UTF_8));
        assertThat(device.decodeErrors()).extracting(RecordingDeviceContext.DecodeError::reason).containsExactly("invalid_read");
        assertThat(device.emitted()).extracting(Envelope::getBodyCase)
                .containsExactly(Envelope.BodyCase.RAW_RECORD, Envelope.BodyCase.CONVEYANCE_ID);
    }
}
