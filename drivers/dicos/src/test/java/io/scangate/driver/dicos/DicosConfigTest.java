package io.scangate.driver.dicos;

import static org.assertj.core.api.Assertions.assertThat;

import io.scangate.driver.DriverFactory;
import io.scangate.driver.TransportKind;
import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class DicosConfigTest {

    @Test
    void defaultsAreValidAndDocumented() {
        DicosConfig defaults = DicosConfig.defaults();

        assertThat(defaults.validate()).isEmpty();
        assertThat(defaults.calledAeTitle()).isEqualTo("SCANGATE");
        assertThat(defaults.acceptedCallingAeTitles()).isEmpty();
        assertThat(defaults.maxPduBytes()).isEqualTo(1 << 20);
        assertThat(defaults.maxCommandBytes()).isEqualTo(64 << 10);
        assertThat(defaults.artimTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.idleTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(defaults.timeZone()).isEqualTo("UTC");
    }

    @Test
    void problemsNameTheKeyAndTheFix() {
        DicosConfig bad = new DicosConfig("A-TITLE-FAR-TOO-LONG", List.of("OK", "BAD\\AE"), 100, 10,
                Duration.ZERO, Duration.ofSeconds(-1), "Mars/Olympus");

        List<String> problems = bad.validate();

        assertThat(problems).extracting(p -> p.substring(0, p.indexOf(':'))).containsExactly("calledAeTitle",
                "acceptedCallingAeTitles[1]", "maxPduBytes", "maxCommandBytes", "artimTimeout", "idleTimeout",
                "timeZone");
        assertThat(problems).allSatisfy(p -> assertThat(p).matches("[\\w\\[\\]]+: .+ \\(.+\\)"));
    }

    @Test
    void aeTitlesAreComparedWithoutTheirPadding() {
        DicosConfig config = new DicosConfig(" SCANGATE ", List.of("SCANNER1  "), null, null, null, null, null);

        assertThat(config.calledAeTitle()).isEqualTo("SCANGATE");
        assertThat(config.acceptedCallingAeTitles()).containsExactly("SCANNER1");
    }

    @Test
    void theFactoryIsFoundByServiceLoaderAndListensForScanners() {
        DriverFactory<?> factory = ServiceLoader.load(DriverFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.type().equals("dicos")).findFirst().orElseThrow();

        assertThat(factory.configType()).isEqualTo(DicosConfig.class);
        assertThat(factory.transports()).containsExactly(TransportKind.TCP_SERVER);
    }
}
