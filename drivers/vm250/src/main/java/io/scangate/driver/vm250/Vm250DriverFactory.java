package io.scangate.driver.vm250;

import io.scangate.driver.DeviceContext;
import io.scangate.driver.Driver;
import io.scangate.driver.DriverFactory;
import io.scangate.driver.TransportKind;
import java.util.EnumSet;
import java.util.Set;

/** {@code driver: vm250}: Rapiscan / TSA VM-250-style radiation portal monitors (ASCII lines). */
public final class Vm250DriverFactory implements DriverFactory<Vm250Config> {

    public static final String TYPE = "vm250";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "VM-250-style radiation portal monitor, ASCII line protocol over TCP (port 1600) or RS-232";
    }

    @Override
    public String family() {
        return "RADIATION_PORTAL";
    }

    @Override
    public Class<Vm250Config> configType() {
        return Vm250Config.class;
    }

    @Override
    public Set<TransportKind> transports() {
        return EnumSet.of(TransportKind.TCP_CLIENT, TransportKind.SERIAL);
    }

    @Override
    public Driver create(Vm250Config config, DeviceContext context) {
        return new Vm250Driver(config, context);
    }
}
