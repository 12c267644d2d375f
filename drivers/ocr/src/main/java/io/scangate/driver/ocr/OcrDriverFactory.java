package io.scangate.driver.ocr;

import io.scangate.driver.DeviceContext;
import io.scangate.driver.Driver;
import io.scangate.driver.DriverFactory;
import io.scangate.driver.TransportKind;
import java.util.EnumSet;
import java.util.Set;

/** {@code driver: ocr}: container-code and licence-plate portals pushing reads (JSON webhook or TCP lines). */
public final class OcrDriverFactory implements DriverFactory<OcrConfig> {

    public static final String TYPE = "ocr";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "OCR / licence-plate portals: JSON reads POSTed to a webhook, or key=value lines over TCP; ISO 6346 checked";
    }

    @Override
    public String family() {
        return "OCR";
    }

    @Override
    public Class<OcrConfig> configType() {
        return OcrConfig.class;
    }

    @Override
    public Set<TransportKind> transports() {
        return EnumSet.of(TransportKind.TCP_SERVER, TransportKind.TCP_CLIENT);
    }

    @Override
    public Driver create(OcrConfig config, DeviceContext context) {
        return new OcrDriver(config, context);
    }
}
