package io.scangate.gateway.config;

import io.scangate.driver.DriverConfig;
import io.scangate.driver.DriverFactory;

/** A device entry whose driver was found and whose {@code params:} bound and validated. */
public record BoundDevice(DeviceConfig config, DriverFactory<?> factory, DriverConfig params) {
}
