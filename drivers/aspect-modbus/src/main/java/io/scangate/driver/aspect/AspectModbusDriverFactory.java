package io.scangate.driver.aspect;

import io.scangate.driver.DeviceContext;
import io.scangate.driver.Driver;
import io.scangate.driver.DriverFactory;
import io.scangate.driver.TransportKind;
import java.util.EnumSet;
import java.util.Set;

/** {@code driver: aspect-modbus}: Aspect-style radiation portal monitors polled over Modbus TCP. */
public final class AspectModbusDriverFactory implements DriverFactory<AspectModbusConfig> {

    public static final String TYPE = "aspect-modbus";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "Aspect-style radiation portal monitor, holding registers polled over Modbus TCP (port 502)";
    }

    @Override
    public String family() {
        return "RADIATION_PORTAL";
    }

    @Override
    public Class<AspectModbusConfig> configType() {
        return AspectModbusConfig.class;
    }

    @Override
    public Set<TransportKind> transports() {
        return EnumSet.of(TransportKind.TCP_CLIENT);
    }

    @Override
    public Driver create(AspectModbusConfig config, DeviceContext context) {
        return new AspectModbusDriver(config, context);
    }
}
