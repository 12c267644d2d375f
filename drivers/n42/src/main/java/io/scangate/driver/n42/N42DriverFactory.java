package io.scangate.driver.n42;

import io.scangate.driver.DeviceContext;
import io.scangate.driver.Driver;
import io.scangate.driver.DriverFactory;
import io.scangate.driver.TransportKind;
import java.util.EnumSet;
import java.util.Set;

/** {@code driver: n42}: spectroscopic portals and handhelds sending ANSI N42.42-2011 documents over TCP. */
public final class N42DriverFactory implements DriverFactory<N42Config> {

    public static final String TYPE = "n42";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "ANSI N42.42-2011 (IEC 62755) XML documents framed STX ... ETX over TCP (spectra, alarms, nuclides)";
    }

    @Override
    public String family() {
        return "RADIATION_PORTAL";
    }

    @Override
    public Class<N42Config> configType() {
        return N42Config.class;
    }

    @Override
    public Set<TransportKind> transports() {
        return EnumSet.of(TransportKind.TCP_CLIENT, TransportKind.DIRECTORY);
    }

    @Override
    public Driver create(N42Config config, DeviceContext context) {
        return new N42Driver(config, context);
    }
}
