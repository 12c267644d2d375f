package io.scangate.driver.ocr;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook: one JSON read per POST, answered 200 only once the read is durable in the journal. Answers
 * leave in the order the requests came, as HTTP/1.1 requires of a connection; a connection with
 * {@code maxPendingRequests} unanswered requests is read no further until one is answered.
 */
final class WebhookHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger log = LoggerFactory.getLogger(WebhookHandler.class);

    private final OcrDriver driver;
    private final ReadGate gate;
    private final OcrConfig config;
    private final byte[] bearerToken;
    private CompletableFuture<Void> lastAnswer = CompletableFuture.completedFuture(null);
    private int pending;

    WebhookHandler(OcrDriver driver, OcrConfig config, String bearerToken, ReadGate gate) {
        this.driver = driver;
        this.gate = gate;
        this.config = config;
        this.bearerToken = bearerToken == null ? null : bearerToken.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        CompletionStage<FullHttpResponse> answer = answer(request);
        pending++;
        if (pending >= config.maxPendingRequests()) {
            gate.hold();
        }
        lastAnswer = lastAnswer.thenCombine(answer, (previous, response) -> response)
                .thenAccept(response -> {
                    pending--;
                    if (!keepAlive) {
                        HttpUtil.setKeepAlive(response, false);
                    }
                    ctx.writeAndFlush(response);
                    if (pending == config.maxPendingRequests() - 1) {
                        gate.release();
                    }
                });
    }

    private CompletionStage<FullHttpResponse> answer(FullHttpRequest request) {
        if (!request.decoderResult().isSuccess()) {
            driver.device().frameReceived();
            driver.device().decodeError("bad_http", String.valueOf(request.decoderResult().cause()));
            FullHttpResponse response = error(HttpResponseStatus.BAD_REQUEST, "bad_http", "the request is not valid HTTP/1.1");
            HttpUtil.setKeepAlive(response, false);
            return done(response);
        }
        String path = new QueryStringDecoder(request.uri()).path();
        if (!path.equals(config.path())) {
            return done(refused(HttpResponseStatus.NOT_FOUND, "wrong_path",
                    request.method() + " " + path + ": reads go to " + config.path()));
        }
        if (!HttpMethod.POST.equals(request.method())) {
            FullHttpResponse response = refused(HttpResponseStatus.METHOD_NOT_ALLOWED, "wrong_method",
                    request.method() + " " + path + ": only POST");
            response.headers().set(HttpHeaderNames.ALLOW, "POST");
            return done(response);
        }
        if (!authorised(request)) {
            FullHttpResponse response = refused(HttpResponseStatus.UNAUTHORIZED, "unauthorised", "missing or wrong bearer token");
            response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
            return done(response);
        }
        driver.device().frameReceived();
        byte[] body = ByteBufUtil.getBytes(request.content());
        OcrRead read;
        try {
            read = JsonReads.parse(body);
        } catch (InvalidReadException e) {
            driver.refused(body, e);
            return done(error(HttpResponseStatus.BAD_REQUEST, e.reason(), e.getMessage()));
        }
        return driver.storeDurably(read).handle((stored, failure) -> {
            if (failure == null) {
                ObjectNode answer = JSON.createObjectNode().put("status", "stored").put("readId", read.readId());
                return response(HttpResponseStatus.OK, answer);
            }
            log.warn("device={} reason=not_stored read_id={} answer=503 detail=\"{}\"",
                    driver.device().device().getDeviceId(), read.readId(), failure);
            FullHttpResponse busy = error(HttpResponseStatus.SERVICE_UNAVAILABLE, "not_stored",
                    "the gateway cannot store the read now; send it again later");
            busy.headers().set(HttpHeaderNames.RETRY_AFTER, config.retryAfter().toSeconds());
            return busy;
        });
    }

    private boolean authorised(FullHttpRequest request) {
        if (bearerToken == null) {
            return true;
        }
        String header = request.headers().get(HttpHeaderNames.AUTHORIZATION, "");
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(bearerToken, header.substring(7).strip().getBytes(StandardCharsets.UTF_8));
    }

    private FullHttpResponse refused(HttpResponseStatus status, String reason, String detail) {
        driver.device().frameReceived();
        driver.device().decodeError(reason, detail);
        return error(status, reason, detail);
    }

    private static FullHttpResponse error(HttpResponseStatus status, String reason, String detail) {
        return response(status, JSON.createObjectNode().put("error", reason).put("detail", detail));
    }

    private static FullHttpResponse response(HttpResponseStatus status, ObjectNode body) {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(bytes));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        return response;
    }

    private static CompletionStage<FullHttpResponse> done(FullHttpResponse response) {
        return CompletableFuture.completedFuture(response);
    }
}
