package io.scangate.gateway.config;

import io.scangate.gateway.publish.MqttSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code mqtt:} the broker the back-ends subscribe to. Keys are those of {@link MqttSettings}, whose
 * defaults apply to what is left out, plus {@code passwordFile}.
 *
 * @param passwordFile read at start-up, so that the secret stays out of the config file
 */
public record MqttConfig(
        String serverUri,
        String clientId,
        String username,
        String password,
        String passwordFile,
        String caFile,
        String certFile,
        String keyFile,
        Duration sessionExpiry,
        Integer maxInFlight,
        Duration keepAlive,
        Duration connectTimeout,
        Duration reconnectMin,
        Duration reconnectMax,
        Duration stablePeriod,
        Duration closeTimeout) {

    public MqttConfig {
        serverUri = serverUri == null ? "tcp://127.0.0.1:1883" : serverUri;
    }

    static MqttConfig defaults() {
        return new MqttConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    /** @throws IOException when {@code passwordFile} cannot be read */
    public MqttSettings toSettings(String site, String gatewayId) throws IOException {
        String secret = passwordFile == null ? password : Files.readString(Path.of(passwordFile)).strip();
        return new MqttSettings(serverUri, clientId, username, secret, path(caFile), path(certFile), path(keyFile),
                sessionExpiry, maxInFlight == null ? 0 : maxInFlight, keepAlive, connectTimeout, reconnectMin,
                reconnectMax, stablePeriod, closeTimeout, site, gatewayId);
    }

    private static Path path(String file) {
        return file == null ? null : Path.of(file);
    }
}
