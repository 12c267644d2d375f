package io.scangate.gateway.publish;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How the gateway reaches the MQTT 5 broker. Null or zero values take the documented defaults, so that a
 * configuration file only names what it changes.
 *
 * @param serverUri {@code tcp://host:1883} or {@code ssl://host:8883}
 * @param clientId MQTT client id; default {@code scangate-<gatewayId>}. Must stay the same across restarts:
 *     it names the persistent session on the broker
 * @param username optional
 * @param password optional, never logged
 * @param caFile PEM file of the CA certificates to trust (TLS); optional, the JDK trust store otherwise
 * @param certFile PEM client certificate chain for mutual TLS; optional, needs {@code keyFile}
 * @param keyFile PEM unencrypted PKCS#8 private key ({@code BEGIN PRIVATE KEY}) for {@code certFile}
 * @param sessionExpiry how long the broker keeps the session after a disconnect; default 7 days
 * @param maxInFlight upper bound of unacknowledged publishes; default 64. The effective window is the
 *     smaller of this and the broker's Receive Maximum
 * @param keepAlive MQTT keep-alive; default 30 s
 * @param connectTimeout how long one connection attempt may take; default 10 s
 * @param reconnectMin first reconnect delay ceiling (full jitter below it); default 1 s
 * @param reconnectMax largest reconnect delay ceiling; default 60 s
 * @param stablePeriod a connection must stay up this long before the backoff starts again at
 *     {@code reconnectMin}; default 30 s
 * @param closeTimeout how long {@code close()} waits for acknowledgements in flight; default 5 s
 * @param site site name used in topics when a device names none, e.g. {@code rotterdam-maasvlakte}
 * @param gatewayId this gateway's id, used in its status topic
 */
public record MqttSettings(
        String serverUri,
        String clientId,
        String username,
        String password,
        Path caFile,
        Path certFile,
        Path keyFile,
        Duration sessionExpiry,
        int maxInFlight,
        Duration keepAlive,
        Duration connectTimeout,
        Duration reconnectMin,
        Duration reconnectMax,
        Duration stablePeriod,
        Duration closeTimeout,
        String site,
        String gatewayId) {

    public static final Duration DEFAULT_SESSION_EXPIRY = Duration.ofDays(7);
    public static final int DEFAULT_MAX_IN_FLIGHT = 64;
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(30);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RECONNECT_MIN = Duration.ofSeconds(1);
    public static final Duration DEFAULT_RECONNECT_MAX = Duration.ofSeconds(60);
    public static final Duration DEFAULT_STABLE_PERIOD = Duration.ofSeconds(30);
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(5);
    /** MQTT 5 Receive Maximum and packet identifiers stop at 65535. */
    public static final int MQTT_MAX_IN_FLIGHT = 65_535;
    /** Session Expiry Interval is a four-byte number of seconds. */
    private static final long MQTT_MAX_SESSION_EXPIRY_SECONDS = 0xFFFF_FFFFL;

    public MqttSettings {
        if ((clientId == null || clientId.isBlank()) && gatewayId != null && !gatewayId.isBlank()) {
            clientId = "scangate-" + gatewayId;
        }
        sessionExpiry = orDefault(sessionExpiry, DEFAULT_SESSION_EXPIRY);
        maxInFlight = maxInFlight == 0 ? DEFAULT_MAX_IN_FLIGHT : maxInFlight;
        keepAlive = orDefault(keepAlive, DEFAULT_KEEP_ALIVE);
        connectTimeout = orDefault(connectTimeout, DEFAULT_CONNECT_TIMEOUT);
        reconnectMin = orDefault(reconnectMin, DEFAULT_RECONNECT_MIN);
        reconnectMax = orDefault(reconnectMax, DEFAULT_RECONNECT_MAX);
        stablePeriod = orDefault(stablePeriod, DEFAULT_STABLE_PERIOD);
        closeTimeout = orDefault(closeTimeout, DEFAULT_CLOSE_TIMEOUT);
    }

    /** Settings with every default, for the given broker, site and gateway. */
    public static MqttSettings of(String serverUri, String site, String gatewayId) {
        return new MqttSettings(serverUri, null, null, null, null, null, null, null, 0, null, null, null, null,
                null, null, site, gatewayId);
    }

    public MqttSettings withClientId(String newClientId) {
        return new MqttSettings(serverUri, newClientId, username, password, caFile, certFile, keyFile,
                sessionExpiry, maxInFlight, keepAlive, connectTimeout, reconnectMin, reconnectMax, stablePeriod,
                closeTimeout, site, gatewayId);
    }

    public MqttSettings withCredentials(String newUsername, String newPassword) {
        return new MqttSettings(serverUri, clientId, newUsername, newPassword, caFile, certFile, keyFile,
                sessionExpiry, maxInFlight, keepAlive, connectTimeout, reconnectMin, reconnectMax, stablePeriod,
                closeTimeout, site, gatewayId);
    }

    public MqttSettings withTls(Path newCaFile, Path newCertFile, Path newKeyFile) {
        return new MqttSettings(serverUri, clientId, username, password, newCaFile, newCertFile, newKeyFile,
                sessionExpiry, maxInFlight, keepAlive, connectTimeout, reconnectMin, reconnectMax, stablePeriod,
                closeTimeout, site, gatewayId);
    }

    public MqttSettings withMaxInFlight(int newMaxInFlight) {
        return new MqttSettings(serverUri, clientId, username, password, caFile, certFile, keyFile,
                sessionExpiry, newMaxInFlight, keepAlive, connectTimeout, reconnectMin, reconnectMax, stablePeriod,
                closeTimeout, site, gatewayId);
    }

    public MqttSettings withReconnect(Duration min, Duration max, Duration stable) {
        return new MqttSettings(serverUri, clientId, username, password, caFile, certFile, keyFile,
                sessionExpiry, maxInFlight, keepAlive, connectTimeout, min, max, stable, closeTimeout, site,
                gatewayId);
    }

    public MqttSettings withSessionExpiry(Duration newSessionExpiry) {
        return new MqttSettings(serverUri, clientId, username, password, caFile, certFile, keyFile,
                newSessionExpiry, maxInFlight, keepAlive, connectTimeout, reconnectMin, reconnectMax,
                stablePeriod, closeTimeout, site, gatewayId);
    }

    /** Whether the connection uses TLS. */
    public boolean tls() {
        return serverUri != null && serverUri.startsWith("ssl://");
    }

    /** Every problem as {@code "key: problem (fix)"}; empty when the settings are usable. */
    public List<String> validate() {
        List<String> problems = new ArrayList<>();
        validateUri(problems);
        if (gatewayId == null || gatewayId.isBlank()) {
            problems.add("mqtt.gatewayId: missing (set the gateway id, e.g. \"gw-maasvlakte-1\")");
        } else if (!TopicScheme.sanitise(gatewayId).equals(gatewayId)) {
            problems.add("mqtt.gatewayId: \"" + gatewayId
                    + "\" contains characters not allowed in a topic level (drop '/', '+', '#')");
        }
        if (site == null || site.isBlank()) {
            problems.add("mqtt.site: missing (set the site name, e.g. \"rotterdam-maasvlakte\")");
        } else if (!TopicScheme.sanitise(site).equals(site)) {
            problems.add("mqtt.site: \"" + site
                    + "\" contains characters not allowed in a topic level (drop '/', '+', '#')");
        }
        if (clientId == null || clientId.isBlank()) {
            problems.add("mqtt.clientId: missing (set it, or set mqtt.gatewayId to derive it)");
        }
        if (password != null && username == null) {
            problems.add("mqtt.password: set without a username (set mqtt.username too)");
        }
        if (maxInFlight < 1 || maxInFlight > MQTT_MAX_IN_FLIGHT) {
            problems.add("mqtt.maxInFlight: " + maxInFlight + " out of range (use 1.." + MQTT_MAX_IN_FLIGHT + ")");
        }
        if (sessionExpiry.isNegative() || sessionExpiry.toSeconds() > MQTT_MAX_SESSION_EXPIRY_SECONDS) {
            problems.add("mqtt.sessionExpiry: " + sessionExpiry + " out of range (use 0 s .. 136 years; 7 days is usual)");
        } else if (sessionExpiry.isZero()) {
            problems.add("mqtt.sessionExpiry: 0 ends the session at every disconnect (use e.g. P7D)");
        }
        requirePositive(problems, "mqtt.keepAlive", keepAlive);
        requirePositive(problems, "mqtt.connectTimeout", connectTimeout);
        requirePositive(problems, "mqtt.reconnectMin", reconnectMin);
        requirePositive(problems, "mqtt.closeTimeout", closeTimeout);
        requirePositive(problems, "mqtt.stablePeriod", stablePeriod);
        if (reconnectMax.compareTo(reconnectMin) < 0) {
            problems.add("mqtt.reconnectMax: " + reconnectMax + " is below mqtt.reconnectMin " + reconnectMin
                    + " (raise it)");
        }
        validateTlsFiles(problems);
        return List.copyOf(problems);
    }

    private void validateUri(List<String> problems) {
        if (serverUri == null || serverUri.isBlank()) {
            problems.add("mqtt.serverUri: missing (e.g. tcp://broker:1883 or ssl://broker:8883)");
            return;
        }
        try {
            URI uri = new URI(serverUri);
            if (!"tcp".equals(uri.getScheme()) && !"ssl".equals(uri.getScheme())) {
                problems.add("mqtt.serverUri: scheme \"" + uri.getScheme() + "\" not supported (use tcp:// or ssl://)");
            } else if (uri.getHost() == null || uri.getPort() < 0) {
                problems.add("mqtt.serverUri: \"" + serverUri + "\" needs host and port (e.g. tcp://broker:1883)");
            }
        } catch (java.net.URISyntaxException e) {
            problems.add("mqtt.serverUri: \"" + serverUri + "\" is not a URI (e.g. tcp://broker:1883)");
        }
    }

    private void validateTlsFiles(List<String> problems) {
        boolean anyTlsFile = caFile != null || certFile != null || keyFile != null;
        if (anyTlsFile && !tls()) {
            problems.add("mqtt.serverUri: TLS files are set but the URI is not ssl:// (use ssl://host:8883)");
        }
        if ((certFile == null) != (keyFile == null)) {
            problems.add("mqtt.certFile/keyFile: set both or neither (mutual TLS needs the certificate and its key)");
        }
        requireReadable(problems, "mqtt.caFile", caFile);
        requireReadable(problems, "mqtt.certFile", certFile);
        requireReadable(problems, "mqtt.keyFile", keyFile);
    }

    private static void requireReadable(List<String> problems, String key, Path file) {
        if (file != null && !Files.isReadable(file)) {
            problems.add(key + ": " + file + " is not a readable file (check the path and permissions)");
        }
    }

    private static void requirePositive(List<String> problems, String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            problems.add(key + ": " + value + " must be positive (e.g. PT1S)");
        }
    }

    private static Duration orDefault(Duration value, Duration fallback) {
        return value == null ? fallback : value;
    }

    @Override
    public String toString() {
        return "MqttSettings[serverUri=" + serverUri + ", clientId=" + clientId + ", username=" + username
                + ", password=" + (password == null ? "none" : "***") + ", tls=" + tls() + ", sessionExpiry="
                + sessionExpiry + ", maxInFlight=" + maxInFlight + ", site=" + site + ", gatewayId=" + gatewayId + "]";
    }
}
