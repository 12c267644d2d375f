package io.scangate.driver.aspect;

import io.netty.channel.ChannelPipeline;
import io.scangate.driver.DeviceContext;
import io.scangate.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Aspect-style portal polled over Modbus TCP. Each connection's pipeline frames MBAP, decodes answers,
 * encodes requests and ends in a {@link ConnectionHandler}; the {@link Poller}, the occupancy state in
 * {@link PassageTracker} and the condition state in {@link FaultWatch} live here, so they survive
 * reconnects.
 */
public final class AspectModbusDriver implements Driver {

    public static final String FRAMER = "aspect-mbap-framer";
    public static final String DECODER = "aspect-response-decoder";
    public static final String ENCODER = "aspect-request-encoder";
    public static final String POLLER = "aspect-poller";

    private static final Logger log = LoggerFactory.getLogger(AspectModbusDriver.class);

    private final AspectModbusConfig config;
    private final DeviceContext device;
    private final PassageTracker passages;
    private final Poller poller;

    public AspectModbusDriver(AspectModbusConfig config, DeviceContext device) {
        this.config = config;
        this.device = device;
        this.passages = new PassageTracker(config, device);
        FaultWatch faults = new FaultWatch(device);
        this.poller = new Poller(config, device, passages, faults::onMonitor);
    }

    @Override
    public void initPipeline(ChannelPipeline pipeline) {
        pipeline.addLast(FRAMER, new MbapFrameDecoder(device, config.maxMbapLength()));
        pipeline.addLast(DECODER, new ModbusResponseDecoder());
        pipeline.addLast(ENCODER, new ReadRequestEncoder());
        pipeline.addLast(POLLER, new ConnectionHandler(poller));
    }

    @Override
    public void linkDown(String reason) {
        if (passages.occupied()) {
            log.info("device={} reason=link_down detail={} occupancy stays open until the lane clears or {}",
                    device.device().getDeviceId(), reason, config.occupancyTimeout());
        }
    }

    @Override
    public void stop() {
        poller.stop();
        passages.stop();
    }
}
