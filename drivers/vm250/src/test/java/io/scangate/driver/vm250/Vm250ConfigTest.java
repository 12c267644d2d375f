package io.scangate.driver.vm250;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.scangate.driver.DriverFactory;
import io.scangate.driver.TransportKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class Vm250ConfigTest {

    @Test
    void everyKeyHasADefault() {
        Vm250Config config = Vm250Config.defaults();

        assertThat(config.maxLineLength()).isEqualTo(256);
        assertThat(config.occupancyTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.gammaInterval()).isEqualTo(Duration.ofMillis(200));
        assertThat(config.neutronInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.preTriggerIntervals()).isEqualTo(5);
        assertThat(config.nSigma()).isNull();
        assertThat(config.maxIntervalsPerOccupancy()).isEqualTo(2000);
        assertThat(config.validate()).isEmpty();
    }

    @Test
    void jacksonBindsAPartialParamsBlockAndFillsInTheRest() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

        Vm250Config config = json.readValue("{\"maxLineLength\":512,\"occupancyTimeout\":\"PT15S\",\"nSigma\":4.5}",
                Vm250Config.class);

        assertThat(config.maxLineLength()).isEqualTo(512);
        assertThat(config.occupancyTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.nSigma()).isEqualTo(4.5);
        assertThat(config.gammaInterval()).isEqualTo(Duration.ofMillis(200));
        assertThat(config.maxIntervalsPerOccupancy()).isEqualTo(2000);
    }

    @Test
    void validateNamesEveryBadKeyAndTheFix() {
        Vm250Config config = new Vm250Config(10, Duration.ZERO, Duration.ofMillis(-1), Duration.ZERO, -1, 0.0, 5);

        assertThat(config.validate()).hasSize(7).anySatisfy(problem ->
                assertThat(problem).startsWith("maxLineLength: must be between 32 and 65536 bytes, got 10"))
                .allSatisfy(problem -> assertThat(problem).matches("\\w+: .+ \\(.+\\)"));
    }

    @Test
    void theFactoryIsFoundByServiceLoader() {
        List<DriverFactory<?>> factories = new ArrayList<>();
        ServiceLoader.load(DriverFactory.class).forEach(factories::add);

        assertThat(factories)
                .filteredOn(factory -> factory.type().equals("vm250"))
                .singleElement()
                .satisfies(factory -> {
                    assertThat(factory.configType()).isEqualTo(Vm250Config.class);
                    assertThat(factory.transports()).containsExactlyInAnyOrder(TransportKind.TCP_CLIENT,
                            TransportKind.SERIAL);
                    assertThat(factory.description()).isNotBlank();
                });
    }
}
