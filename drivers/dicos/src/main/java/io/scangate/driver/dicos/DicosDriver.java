package io.scangate.driver.dicos;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.timeout.IdleStateHandler;
import io.scangate.driver.DeviceContext;
import io.scangate.driver.Driver;
import java.util.concurrent.TimeUnit;

/**
 * One DICOS/DICOM storage SCP. The host listens and gives every accepted connection (one association) a
 * pipeline from {@link #initPipeline}: reader-idle detection, PDU framing, the upper-layer state machine
 * and the DIMSE layer. No state outlives a connection: an association ends with its connection.
 */
public final class DicosDriver implements Driver {

    public static final String IDLE = "dicos-idle";
    public static final String FRAMER = "dicos-pdu-framer";
    public static final String ASSOCIATION = "dicos-association";
    public static final String DIMSE = "dicos-dimse";

    private final DicosConfig config;
    private final DeviceContext device;
    private final EnergyMatcher energy;

    public DicosDriver(DicosConfig config, DeviceContext device) {
        this.config = config;
        this.device = device;
        this.energy = new EnergyMatcher(config.energy());
    }

    @Override
    public void initPipeline(ChannelPipeline pipeline) {
        Association association = new Association();
        pipeline.addLast(IDLE, new IdleStateHandler(config.idleTimeout().toNanos(), 0, 0, TimeUnit.NANOSECONDS));
        pipeline.addLast(FRAMER, new PduFramer(device, config.maxPduBytes()));
        pipeline.addLast(ASSOCIATION, new AssociationHandler(config, device, association));
        pipeline.addLast(DIMSE, new DimseHandler(config, energy, device, association));
    }
}
