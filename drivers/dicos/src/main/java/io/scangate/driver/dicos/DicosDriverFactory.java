package io.scangate.driver.dicos;

import io.scangate.driver.DeviceContext;
import io.scangate.driver.Driver;
import io.scangate.driver.DriverFactory;
import io.scangate.driver.TransportKind;
import java.util.EnumSet;
import java.util.Set;

/** {@code driver: dicos}: X-ray scanners that send DICOS / DICOM images by C-STORE (a storage SCP). */
public final class DicosDriverFactory implements DriverFactory<DicosConfig> {

    public static final String TYPE = "dicos";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "DICOS/DICOM storage SCP for X-ray scanners: C-STORE and C-ECHO over the DICOM upper layer"
                + " (gateway listens, port 104 or 11112 by convention)";
    }

    @Override
    public String family() {
        return "XRAY";
    }

    @Override
    public Class<DicosConfig> configType() {
        return DicosConfig.class;
    }

    @Override
    public Set<TransportKind> transports() {
        return EnumSet.of(TransportKind.TCP_SERVER);
    }

    @Override
    public Driver create(DicosConfig config, DeviceContext context) {
        return new DicosDriver(config, context);
    }
}
