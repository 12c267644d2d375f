package io.scangate.driver.vm250;

import io.netty.channel.ChannelPipeline;
import io.scangate.driver.DeviceCondition;
import io.scangate.driver.DeviceContext;
import io.scangate.driver.Driver;
import io.scangate.driver.vm250.CountsTag.Radiation;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One VM-250 portal. The pipeline of each connection frames lines, decodes records and hands them to
 * {@link #accept}; the lane state and the open occupancy live here, so they survive reconnects.
 */
public final class Vm250Driver implements Driver, Consumer<Vm250Record> {

    public static final String FRAMER = "vm250-framer";
    public static final String DECODER = "vm250-decoder";
    public static final String RECORDS = "vm250-records";

    private static final Logger log = LoggerFactory.getLogger(Vm250Driver.class);
    private static final int DETAIL_BYTES = 80;

    private final Vm250Config config;
    private final DeviceContext device;
    private final LaneState lane;
    private final OccupancyTracker occupancy;
    private String gammaFault;
    private String neutronFault;

    public Vm250Driver(Vm250Config config, DeviceContext device) {
        this.config = config;
        this.device = device;
        this.lane = new LaneState(config.nSigma());
        this.occupancy = new OccupancyTracker(config, device, lane);
    }

    @Override
    public void initPipeline(ChannelPipeline pipeline) {
        pipeline.addLast(FRAMER, new LineFramer(device, config.maxLineLength()));
        pipeline.addLast(DECODER, new Vm250LineDecoder());
        pipeline.addLast(RECORDS, new RecordHandler(this));
    }

    @Override
    public void linkDown(String reason) {
        if (occupancy.isOpen()) {
            log.info("device={} reason=link_down detail={} occupancy stays open until GX or timeout",
                    device.device().getDeviceId(), reason);
        }
    }

    @Override
    public void stop() {
        occupancy.stop();
    }

    @Override
    public void accept(Vm250Record record) {
        if (record instanceof Vm250Record.Counts counts) {
            onCounts(counts);
        } else if (record instanceof Vm250Record.Speed speed) {
            occupancy.onSpeed(speed);
        } else if (record instanceof Vm250Record.OccupancyEnd end) {
            if (!occupancy.onEnd(end)) {
                device.emit(Vm250Messages.raw("GX", end.line(), "end of occupancy without an open occupancy"));
            }
        } else if (record instanceof Vm250Record.Tamper tamper) {
            device.condition(DeviceCondition.TAMPER, tamper.tripped(),
                    tamper.tripped() ? "TT: tamper tripped" : "TC: tamper cleared");
        } else if (record instanceof Vm250Record.Setup setup) {
            onSetup(setup);
        } else if (record instanceof Vm250Record.Unknown unknown) {
            device.emit(Vm250Messages.raw(unknown.tag(), unknown.line(), Vm250Messages.UNKNOWN_TAG));
            occupancy.onUnmapped(unknown.text());
        } else if (record instanceof Vm250Record.Invalid invalid) {
            onInvalid(invalid);
        }
    }

    private void onCounts(Vm250Record.Counts record) {
        CountsTag tag = record.tag();
        if (tag.occupied()) {
            occupancy.onInterval(tag, record.counts());
            return;
        }
        occupancy.onLaneEmpty(tag.name());
        device.emit(Vm250Messages.measurement(record));
        boolean gamma = tag.radiation() == Radiation.GAMMA;
        if (tag.role() == CountsTag.Role.FAULT) {
            setFault(gamma, faultReason(tag));
            return;
        }
        if (gamma) {
            lane.gammaBackground(record.counts());
        } else {
            lane.neutronBackground(record.counts());
        }
        clearFault(gamma, tag);
    }

    private static String faultReason(CountsTag tag) {
        return switch (tag) {
            case GH -> "GH: gamma background high fault";
            case GL -> "GL: gamma background low fault";
            case NH -> "NH: neutron background high fault";
            default -> tag + ": fault";
        };
    }

    private void setFault(boolean gamma, String reason) {
        if (gamma) {
            gammaFault = reason;
        } else {
            neutronFault = reason;
        }
        device.condition(DeviceCondition.FAULT, true, reason);
    }

    private void clearFault(boolean gamma, CountsTag tag) {
        boolean wasActive = gamma ? gammaFault != null : neutronFault != null;
        if (!wasActive) {
            return;
        }
        if (gamma) {
            gammaFault = null;
        } else {
            neutronFault = null;
        }
        String remaining = gammaFault != null ? gammaFault : neutronFault;
        if (remaining != null) {
            device.condition(DeviceCondition.FAULT, true, remaining);
        } else {
            device.condition(DeviceCondition.FAULT, false, tag + ": background back in range");
        }
    }

    private void onSetup(Vm250Record.Setup setup) {
        device.emit(Vm250Messages.setup(setup));
        if (!"SG1".equals(setup.tag()) || setup.fields().size() <= SetupNames.SG1_NSIGMA) {
            return;
        }
        String nSigma = setup.fields().get(SetupNames.SG1_NSIGMA);
        try {
            lane.deviceNSigma(Double.parseDouble(nSigma));
        } catch (NumberFormatException e) {
            device.decodeError("bad_fields", "SG1 NSigma is not a number: '" + nSigma + "'");
        }
    }

    private void onInvalid(Vm250Record.Invalid invalid) {
        String excerpt = LineText.excerpt(invalid.line(), DETAIL_BYTES);
        device.decodeError(invalid.problem().reason(), invalid.detail() + ": '" + excerpt + "'");
        device.emit(Vm250Messages.raw(invalid.tag(), invalid.line(),
                invalid.problem().reason().replace('_', ' ') + ": " + invalid.detail()));
        occupancy.onUnreadable(invalid.tag(), invalid.text());
    }
}
