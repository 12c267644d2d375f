package io.scangate.gateway.config;

import java.time.Duration;

/**
 * {@code devices[].transport:} how the host reaches a device.
 *
 * @param kind {@code tcp-client} (the device listens; the gateway connects)
 * @param idleTimeout no byte for this long marks the device DOWN and reconnects; a VM-250 sends a
 *     background line every 5 s, so 30 s means six missed lines
 * @param stablePeriod a connection must last this long before the reconnect backoff resets, so that a
 *     device that accepts and drops at once is not hammered
 */
public record TransportConfig(
        String kind,
        String host,
        Integer port,
        Duration connectTimeout,
        Duration reconnectMin,
        Duration reconnectMax,
        Duration stablePeriod,
        Duration idleTimeout) {

    public TransportConfig {
        kind = kind == null ? "tcp-client" : kind;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        reconnectMin = reconnectMin == null ? Duration.ofMillis(500) : reconnectMin;
        reconnectMax = reconnectMax == null ? Duration.ofSeconds(30) : reconnectMax;
        stablePeriod = stablePeriod == null ? Duration.ofSeconds(30) : stablePeriod;
        idleTimeout = idleTimeout == null ? Duration.ofSeconds(30) : idleTimeout;
    }
}
