package io.scangate.driver.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.EventExecutor;
import io.scangate.driver.BlobStore;
import io.scangate.driver.DeviceCondition;
import io.scangate.driver.DeviceContext;
import io.scangate.driver.testkit.RecordingDeviceContext;
import io.scangate.proto.v1.DeviceRef;
import io.scangate.proto.v1.Envelope;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The webhook on a real Netty server on 127.0.0.1, spoken to by the JDK's HTTP client and by raw sockets. */
class WebhookOverTcpTest {

    private static final String READ = """
            {"readId": "r-1", "lane": "lane-3", "time": "2026-11-26T08:00:00Z",
             "containers": [{"code": "CSQU3054383", "position": "FRONT", "confidence": 0.9}]}""";

    private final EventLoopGroup group = new NioEventLoopGroup(1);
    private final RecordingDeviceContext recorded = new RecordingDeviceContext(Golden.DEVICE, group.next());
    private final AtomicBoolean journalFull = new AtomicBoolean();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Channel server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close().syncUninterruptibly();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void aReadIsAnsweredOnlyOnceDurableAndManyReadsShareOneConnection() throws Exception {
        URI webhook = start(OcrConfig.defaults());
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> response = post(webhook, READ.replace("r-1", "r-" + i), null);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"status\":\"stored\"", "\"readId\":\"r-" + i + "\"");
        }
        assertThat(recorded.emitted()).hasSize(20).allMatch(Envelope::hasConveyanceId);
        assertThat(recorded.frames()).isEqualTo(20);
    }

    @Test
    void aFullJournalGives503WithRetryAfterAndTheReadIsNotClaimed() throws Exception {
        URI webhook = start(OcrConfig.defaults());
        journalFull.set(true);
        HttpResponse<String> refused = post(webhook, READ, null);
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
        journalFull.set(false);
        assertThat(post(webhook, READ, null).statusCode()).isEqualTo(200);
        assertThat(recorded.emitted()).hasSize(1);
    }

    @Test
    void wrongPathMethodAndBadBodiesAreAnsweredAndCountedAndTheServerKeepsServing() throws Exception {
        URI webhook = start(OcrConfig.defaults());
        assertThat(post(webhook.resolve("/elsewhere"), READ, null).statusCode()).isEqualTo(404);
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(webhook).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        HttpResponse<String> invalid = post(webhook, "{\"lane\": \"x\"}", null);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("\"error\":\"invalid_read\"", "readId: required");
        assertThat(post(webhook, "not json", null).statusCode()).isEqualTo(400);
        assertThat(post(webhook, READ, null).statusCode()).isEqualTo(200);
        assertThat(recorded.decodeErrors()).extracting(RecordingDeviceContext.DecodeError::reason)
                .containsExactly("wrong_path", "wrong_method", "invalid_read", "invalid_json");
        assertThat(recorded.emitted()).filteredOn(Envelope::hasConveyanceId).hasSize(1);
        assertThat(recorded.emitted()).filteredOn(Envelope::hasRawRecord).hasSize(2);
    }

    @Test
    void aBodyOverTheLimitGets413AndIsCounted() throws Exception {
        URI webhook = start(new OcrConfig(null, null, 1024, null, null, null, null));
        String big = READ.replace("\"lane-3\"", "\"lane-3\", \"padding\": \"" + "x".repeat(2000) + "\"");
        assertThat(post(webhook, big, null).statusCode()).isEqualTo(413);
        assertThat(recorded.decodeErrors()).extracting(RecordingDeviceContext.DecodeError::reason).containsExactly("body_too_large");
        assertThat(post(webhook, READ, null).statusCode()).isEqualTo(200);
    }

    @Test
    void theBearerTokenIsRequiredWhenConfigured(@TempDir Path dir) throws Exception {
        Path token = Files.writeString(dir.resolve("token"), "s3cret-token\n");
        URI webhook = start(new OcrConfig(null, null, null, token.toString(), null, null, null));
        assertThat(post(webhook, READ, null).statusCode()).isEqualTo(401);
        assertThat(post(webhook, READ, "wrong").statusCode()).isEqualTo(401);
        assertThat(post(webhook, READ, "s3cret-token").statusCode()).isEqualTo(200);
        assertThat(recorded.decodeErrors()).extracting(RecordingDeviceContext.DecodeError::reason)
                .containsExactly("unauthorised", "unauthorised");
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderOnOneSocket() throws Exception {
        URI webhook = start(OcrConfig.defaults());
        StringBuilder requests = new StringBuilder();
        String[] bodies = {READ, "{}", READ.replace("r-1", "r-2")};
        for (String body : bodies) {
            requests.append("POST /ocr/reads HTTP/1.1\r\nHost: x\r\nContent-Length: ")
                    .append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n\r\n").append(body);
        }
        requests.append("GET /ocr/reads HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        try (Socket socket = new Socket(webhook.getHost(), webhook.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(requests.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String answers = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // bodies carry no line end, so a status line follows the previous body on the same line
            assertThat(Pattern.compile("HTTP/1\\.1 [^\r]*").matcher(answers).results().map(MatchResult::group))
                    .containsExactly("HTTP/1.1 200 OK", "HTTP/1.1 400 Bad Request", "HTTP/1.1 200 OK",
                            "HTTP/1.1 405 Method Not Allowed");
        }
    }

    private HttpResponse<String> post(URI uri, String body, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI start(OcrConfig config) throws InterruptedException {
        assertThat(config.validate()).isEmpty();
        OcrDriver driver = new OcrDriver(config, new JournalThatCanBeFull());
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel connection) {
                        driver.initPipeline(connection.pipeline());
                    }
                }).bind("127.0.0.1", 0).sync().channel();
        int port = ((InetSocketAddress) server.localAddress()).getPort();
        return URI.create("http://127.0.0.1:" + port + OcrConfig.DEFAULT_PATH);
    }

    /** The recording context, except that a full journal refuses {@code emitDurably} as the host's does. */
    private final class JournalThatCanBeFull implements DeviceContext {
        @Override
        public DeviceRef device() {
            return recorded.device();
        }

        @Override
        public EventExecutor executor() {
            return recorded.executor();
        }

        @Override
        public Instant now() {
            return recorded.now();
        }

        @Override
        public void emit(Envelope.Builder message) {
            recorded.emit(message);
        }

        @Override
        public CompletionStage<Void> emitDurably(Envelope.Builder message) {
            if (journalFull.get()) {
                return CompletableFuture.failedFuture(new IOException("journal full"));
            }
            return recorded.emitDurably(message);
        }

        @Override
        public BlobStore blobs() {
            return recorded.blobs();
        }

        @Override
        public void frameReceived() {
            recorded.frameReceived();
        }

        @Override
        public void decodeError(String reason, String detail) {
            recorded.decodeError(reason, detail);
        }

        @Override
        public void condition(DeviceCondition condition, boolean active, String reason) {
            recorded.condition(condition, active, reason);
        }
    }
}
