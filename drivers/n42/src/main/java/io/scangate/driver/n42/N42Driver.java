package io.scangate.driver.n42;

import io.netty.channel.ChannelPipeline;
import io.scangate.driver.DeviceContext;
import io.scangate.driver.Driver;
import io.scangate.proto.v1.DeviceSetup;
import io.scangate.proto.v1.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One N42 device on TCP. Each connection's pipeline frames documents ({@link StxEtxFramer}) and hands them
 * to {@link #document}, which maps them with {@link N42Documents} and emits the results. The DeviceSetup
 * is emitted when it differs from the last one emitted, not with every document that repeats it.
 */
public final class N42Driver implements Driver {

    public static final String FRAMER = "n42-framer";
    public static final String DOCUMENTS = "n42-documents";

    private static final Logger log = LoggerFactory.getLogger(N42Driver.class);

    private final N42Config config;
    private final DeviceContext device;
    private DeviceSetup lastSetup;

    public N42Driver(N42Config config, DeviceContext device) {
        this.config = config;
        this.device = device;
    }

    @Override
    public void initPipeline(ChannelPipeline pipeline) {
        pipeline.addLast(FRAMER, config.framing() == N42Framing.PER_CONNECTION
                ? new PerConnectionFramer(device, config.maxDocumentBytes())
                : new StxEtxFramer(device, config.maxDocumentBytes()));
        pipeline.addLast(DOCUMENTS, new DocumentHandler(this));
    }

    @Override
    public void linkDown(String reason) {
        log.debug("device={} event=link_down detail={}", device.device().getDeviceId(), reason);
    }

    void document(byte[] bytes) {
        N42Result result = N42Documents.parse(bytes, config);
        for (N42Problem problem : result.problems()) {
            device.decodeError(problem.reason(), problem.detail());
        }
        for (Envelope.Builder message : result.messages()) {
            if (message.hasDeviceSetup()) {
                DeviceSetup setup = message.getDeviceSetup();
                if (setup.equals(lastSetup)) {
                    continue;
                }
                lastSetup = setup;
            }
            device.emit(message);
        }
    }

    void truncated(StxEtxFramer.TruncatedDocument truncated) {
        device.emit(N42Mapper.raw(N42Mapper.DOCUMENT_TAG, truncated.bytes(), truncated.reason()));
    }
}
