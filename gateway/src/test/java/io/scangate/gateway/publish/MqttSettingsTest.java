package io.scangate.gateway.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scangate.gateway.testing.MemoryJournal;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MqttSettingsTest {

    @Test
    void defaultsFillWhatIsNotSet() {
        MqttSettings settings = MqttSettings.of("tcp://broker:1883", "rotterdam", "gw-1");
        assertThat(settings.validate()).isEmpty();
        assertThat(settings.clientId()).isEqualTo("scangate-gw-1");
        assertThat(settings.sessionExpiry()).isEqualTo(Duration.ofDays(7));
        assertThat(settings.maxInFlight()).isEqualTo(64);
        assertThat(settings.keepAlive()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.reconnectMin()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.reconnectMax()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.stablePeriod()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.tls()).isFalse();
    }

    @Test
    void problemsNameTheKeyTheProblemAndTheFix() {
        MqttSettings settings = new MqttSettings("http://broker", null, null, "secret", Path.of("/nonexistent/ca.pem"),
                Path.of("/nonexistent/cert.pem"), null, Duration.ZERO, 70_000, null, null, Duration.ofSeconds(10),
                Duration.ofSeconds(1), null, null, "", "gw/1");
        assertThat(settings.validate()).containsExactlyInAnyOrder(
                "mqtt.serverUri: scheme \"http\" not supported (use tcp:// or ssl://)",
                "mqtt.gatewayId: \"gw/1\" contains characters not allowed in a topic level (drop '/', '+', '#')",
                "mqtt.site: missing (set the site name, e.g. \"rotterdam-maasvlakte\")",
                "mqtt.password: set without a username (set mqtt.username too)",
                "mqtt.maxInFlight: 70000 out of range (use 1..65535)",
                "mqtt.sessionExpiry: 0 ends the session at every disconnect (use e.g. P7D)",
                "mqtt.reconnectMax: PT1S is below mqtt.reconnectMin PT10S (raise it)",
                "mqtt.serverUri: TLS files are set but the URI is not ssl:// (use ssl://host:8883)",
                "mqtt.certFile/keyFile: set both or neither (mutual TLS needs the certificate and its key)",
                "mqtt.caFile: /nonexistent/ca.pem is not a readable file (check the path and permissions)",
                "mqtt.certFile: /nonexistent/cert.pem is not a readable file (check the path and permissions)");
    }

    @Test
    void siteMustBeASingleTopicLevel() {
        assertThat(MqttSettings.of("tcp://broker:1883", "port/terminal+1", "gw-1").validate()).containsExactly(
                "mqtt.site: \"port/terminal+1\" contains characters not allowed in a topic level (drop '/', '+', '#')");
    }

    @Test
    void passwordIsNeverPrinted() {
        MqttSettings settings = MqttSettings.of("ssl://broker:8883", "s", "g").withCredentials("user", "hunter2");
        assertThat(settings.toString()).doesNotContain("hunter2").contains("password=***");
    }

    @Test
    void publisherRefusesInvalidSettings() {
        MqttSettings settings = MqttSettings.of("tcp://broker", "s", "g");
        assertThatThrownBy(() -> new MqttPublisher(settings, new MemoryJournal(), new SimpleMeterRegistry()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mqtt.serverUri: \"tcp://broker\" needs host and port");
    }
}
