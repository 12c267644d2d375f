package io.scangate.driver.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.scangate.driver.testkit.RecordingDeviceContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every golden body through the driver's real HTTP pipeline (as raw request bytes) and every golden line
 * through its line pipeline: the events must equal {@code NAME.expected.json}, and the HTTP answer must be 200
 * for a read and 400 for a refused one.
 */
class GoldenReadsTest {

    @Test
    void theGoldenSetCoversTheCasesTheIssueNames() throws IOException {
        assertThat(Golden.cases(".json").stream().map(Golden::name).filter(n -> !n.endsWith(".expected")))
                .contains("two-containers", "check-digit-invalid", "check-digit-absent", "look-alike-confusion",
                        "malformed-code", "missed-read", "missing-read-id", "not-json");
        assertThat(Golden.cases(".line")).isNotEmpty();
    }

    @TestFactory
    Stream<DynamicTest> webhookBodies() throws IOException {
        return Golden.cases(".json").stream().filter(p -> !p.toString().endsWith(".expected.json"))
                .map(body -> dynamicTest(Golden.name(body), () -> {
                    byte[] bytes = Files.readAllBytes(body);
                    EmbeddedChannel channel = new EmbeddedChannel();
                    RecordingDeviceContext device = new RecordingDeviceContext(Golden.DEVICE, channel.eventLoop());
                    new OcrDriver(OcrConfig.defaults(), device).initPipeline(channel.pipeline());
                    channel.writeInbound(Unpooled.wrappedBuffer(post(bytes)));
                    channel.runPendingTasks();
                    String status = statusLine(channel);
                    assertEvents(body, device);
                    boolean refused = device.decodeErrors().size() > 0;
                    assertThat(status).isEqualTo(refused ? "HTTP/1.1 400 Bad Request" : "HTTP/1.1 200 OK");
                    assertThat(channel.isOpen()).as("keep-alive").isTrue();
                    channel.finishAndReleaseAll();
                }));
    }

    @TestFactory
    Stream<DynamicTest> tcpLines() throws IOException {
        return Golden.cases(".line").stream().map(line -> dynamicTest(Golden.name(line), () -> {
            EmbeddedChannel channel = new EmbeddedChannel();
            RecordingDeviceContext device = new RecordingDeviceContext(Golden.DEVICE, channel.eventLoop());
            new OcrDriver(OcrConfig.tcp(), device).initPipeline(channel.pipeline());
            byte[] bytes = Files.readAllBytes(line);
            for (int i = 0; i < bytes.length; i += 16) {
                channel.writeInbound(Unpooled.wrappedBuffer(bytes, i, Math.min(16, bytes.length - i)));
            }
            assertEvents(line, device);
            assertThat(device.frames()).isEqualTo(1);
            channel.finishAndReleaseAll();
        }));
    }

    static byte[] post(byte[] body) {
        String head = "POST /ocr/reads HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\n\r\n";
        byte[] request = new byte[head.length() + body.length];
        System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, request, 0, head.length());
        System.arraycopy(body, 0, request, head.length(), body.length);
        return request;
    }

    private static String statusLine(EmbeddedChannel channel) {
        ByteBuf response = channel.readOutbound();
        assertThat(response).as("an HTTP answer").isNotNull();
        try {
            String text = response.toString(StandardCharsets.US_ASCII);
            return text.substring(0, text.indexOf("\r\n"));
        } finally {
            response.release();
        }
    }

    private static void assertEvents(Path input, RecordingDeviceContext device) throws IOException {
        List<String> actual = device.events().stream().map(Golden::event).toList();
        if (!Files.exists(Golden.expectedFile(input))) {
            fail("missing " + Golden.expectedFile(input).getFileName() + "; the driver produced:\n[" + String.join(",\n", actual) + "]");
        }
        assertThat(actual).containsExactlyElementsOf(Golden.expected(input));
    }
}
