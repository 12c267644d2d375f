package io.scangate.driver.ocr;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.scangate.driver.DeviceContext;
import io.scangate.driver.Driver;
import io.scangate.proto.v1.Envelope;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;

/**
 * One OCR portal. Over HTTP each request is answered only once its read is durable (or refused); over TCP
 * lines are one-way, so a read is handed to the host, which retries a refused append and stops reading
 * while the journal is full. A read that breaks the rules is counted, logged and kept as a raw record.
 */
public final class OcrDriver implements Driver {

    static final int MAX_INITIAL_LINE = 4096;
    static final int MAX_HEADER_BYTES = 8192;

    private final OcrConfig config;
    private final DeviceContext device;
    private final String bearerToken;

    public OcrDriver(OcrConfig config, DeviceContext device) {
        this.config = config;
        this.device = device;
        this.bearerToken = config.bearerToken();
    }

    @Override
    public void initPipeline(ChannelPipeline pipeline) {
        if (config.framing() == OcrFraming.HTTP) {
            ReadGate gate = new ReadGate();
            pipeline.addLast("ocr-read-gate", gate);
            pipeline.addLast("http-codec", new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADER_BYTES, 8192));
            pipeline.addLast("http-keep-alive", new HttpServerKeepAliveHandler());
            pipeline.addLast("http-body", new BodyLimit(config.maxBodyBytes(), device));
            pipeline.addLast("ocr-webhook", new WebhookHandler(this, config, bearerToken, gate));
        } else {
            pipeline.addLast("ocr-lines", new LineBasedFrameDecoder(config.maxLineBytes(), true, true));
            pipeline.addLast("ocr-reads", new LineHandler(this));
        }
    }

    DeviceContext device() {
        return device;
    }

    /** Parses one line; emits the read, or counts and keeps the line as raw. */
    void line(byte[] bytes) {
        device.frameReceived();
        String line = new String(bytes, StandardCharsets.UTF_8);
        if (line.isBlank()) {
            return;
        }
        try {
            device.emit(message(LineReads.parse(line)));
        } catch (InvalidReadException e) {
            refused(bytes, e);
        }
    }

    CompletionStage<Void> storeDurably(OcrRead read) {
        return device.emitDurably(message(read));
    }

    void refused(byte[] payload, InvalidReadException e) {
        device.decodeError(e.reason(), e.getMessage());
        device.emit(ConveyanceMapper.raw(payload, e.reason() + ": " + e.getMessage()));
    }

    private Envelope.Builder message(OcrRead read) {
        return ConveyanceMapper.message(read, device.device().getDeviceId());
    }
}
