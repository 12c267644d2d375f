package io.scangate.driver.n42;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.scangate.driver.testkit.RecordingDeviceContext;
import io.scangate.driver.testkit.RecordingDeviceContext.DecodeError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** One document per connection, as a drop directory delivers files: whole on close, never in part. */
class PerConnectionFramingTest {

    private static final Path ALARM = Path.of("src/test/resources/golden/simulator-alarm.n42");

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final RecordingDeviceContext device = new RecordingDeviceContext(DriverHarness.DEVICE, channel.eventLoop());

    private void connect(int maxDocumentBytes) {
        new N42Driver(new N42Config(maxDocumentBytes, N42Framing.PER_CONNECTION, null, null, null), device)
                .initPipeline(channel.pipeline());
    }

    @Test
    void aDocumentArrivingInPiecesIsParsedWholeWhenTheConnectionCloses() throws Exception {
        connect(N42Config.DEFAULT_MAX_DOCUMENT_BYTES);
        byte[] document = Files.readAllBytes(ALARM);
        int half = document.length / 2;

        channel.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOfRange(document, 0, half)));
        assertThat(device.emitted()).as("nothing before the end of the connection").isEmpty();
        channel.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOfRange(document, half, document.length)));
        channel.close();

        assertThat(device.scans()).singleElement().satisfies(scan -> assertThat(scan.getGammaAlarm()).isTrue());
        assertThat(device.decodeErrors()).isEmpty();
        assertThat(device.frames()).isEqualTo(1);
    }

    @Test
    void aDocumentOverTheLimitIsReportedAndNotParsedInPart() throws Exception {
        byte[] document = Files.readAllBytes(ALARM);
        connect(document.length - 1);

        channel.writeInbound(Unpooled.wrappedBuffer(document));
        channel.close();

        assertThat(device.emitted()).isEmpty();
        assertThat(device.decodeErrors()).extracting(DecodeError::reason).containsExactly("document_too_large");
    }

    @Test
    void aConnectionThatCarriedNothingIsNoDocument() {
        connect(N42Config.DEFAULT_MAX_DOCUMENT_BYTES);

        channel.close();

        assertThat(device.events()).isEmpty();
    }
}
