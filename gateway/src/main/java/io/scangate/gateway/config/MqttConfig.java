package io.scangate.gateway.config;

import java.time.Duration;

/**
 * {@code mqtt:} the broker the back-ends subscribe to.
 *
 * @param serverUri {@code tcp://host:1883} or {@code ssl://host:8883}
 * @param clientId stable per gateway: the persistent session is keyed on it
 * @param passwordFile read at start-up, so the secret stays out of the config file
 * @param sessionExpiry how long the broker keeps the session while the gateway is away
 * @param maxInFlight upper bound of unacknowledged publishes; the broker's Receive Maximum lowers it
 */
public record MqttConfig(
        String serverUri,
        String clientId,
        String username,
        String password,
        String passwordFile,
        TlsConfig tls,
        Duration sessionExpiry,
        Integer maxInFlight,
        Duration keepAlive,
        Duration reconnectMin,
        Duration reconnectMax,
        Duration stablePeriod) {

    public MqttConfig {
        serverUri = serverUri == null ? "tcp://127.0.0.1:1883" : serverUri;
        sessionExpiry = sessionExpiry == null ? Duration.ofDays(7) : sessionExpiry;
        maxInFlight = maxInFlight == null ? 64 : maxInFlight;
        keepAlive = keepAlive == null ? Duration.ofSeconds(30) : keepAlive;
        reconnectMin = reconnectMin == null ? Duration.ofSeconds(1) : reconnectMin;
        reconnectMax = reconnectMax == null ? Duration.ofSeconds(60) : reconnectMax;
        stablePeriod = stablePeriod == null ? Duration.ofSeconds(30) : stablePeriod;
    }

    static MqttConfig defaults() {
        return new MqttConfig(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** {@code mqtt.tls:} PEM files; all optional, a CA alone gives server authentication. */
    public record TlsConfig(String caFile, String certFile, String keyFile) {
    }
}
