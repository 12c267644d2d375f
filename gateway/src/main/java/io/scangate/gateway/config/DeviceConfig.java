package io.scangate.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of {@code devices:}.
 *
 * @param id unique within the gateway; becomes a topic level
 * @param driver the driver type, e.g. {@code vm250}
 * @param lane the lane the device watches; becomes a topic level
 * @param params the driver's own settings, bound to its config class at start-up
 */
public record DeviceConfig(
        String id,
        String driver,
        String lane,
        String family,
        String vendor,
        String model,
        TransportConfig transport,
        JsonNode params) {
}
