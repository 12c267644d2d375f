package io.scangate.driver.aspect;

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

class AspectModbusConfigTest {

    @Test
    void everyKeyHasADefault() {
        AspectModbusConfig config = AspectModbusConfig.defaults();

        assertThat(config.unitId()).isEqualTo(1);
        assertThat(config.pollOccupied()).isEqualTo(Duration.ofMillis(200));
        assertThat(config.pollIdle()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.timeoutsBeforeReconnect()).isEqualTo(3);
        assertThat(config.monitorBase()).isNull();
        assertThat(config.maxMbapLength()).isEqualTo(260);
        assertThat(config.wordOrder()).isEqualTo(WordOrder.LOW_WORD_FIRST);
        assertThat(config.speedKmhPerUnit()).isEqualTo(0.1);
        assertThat(config.occupancyTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.maxIntervalsPerOccupancy()).isEqualTo(3000);
        assertThat(config.maxCounterJump()).isEqualTo(50);
        assertThat(config.validate()).isEmpty();
    }

    @Test
    void jacksonBindsAPartialParamsBlockAndFillsInTheRest() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

        AspectModbusConfig config = json.readValue(
                "{\"unitId\":12,\"pollIdle\":\"PT2S\",\"monitorBase\":100,\"wordOrder\":\"HIGH_WORD_FIRST\"}",
                AspectModbusConfig.class);

        assertThat(config.unitId()).isEqualTo(12);
        assertThat(config.pollIdle()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.monitorBase()).isEqualTo(100);
        assertThat(config.wordOrder()).isEqualTo(WordOrder.HIGH_WORD_FIRST);
        assertThat(config.pollOccupied()).isEqualTo(Duration.ofMillis(200));
        assertThat(config.validate()).isEmpty();
    }

    @Test
    void validateNamesEveryBadKeyAndTheFix() {
        AspectModbusConfig config = new AspectModbusConfig(33, Duration.ZERO, Duration.ofMillis(-1),
                Duration.ofSeconds(20), 0, 70_000, 300, null, 0.0, Duration.ofSeconds(10), 5, 0);

        List<String> problems = config.validate();

        assertThat(problems).hasSize(10)
                .anySatisfy(p -> assertThat(p).startsWith("unitId: must be between 1 and 32, got 33"))
                .anySatisfy(p -> assertThat(p).startsWith("requestTimeout: must be shorter than occupancyTimeout"))
                .anySatisfy(p -> assertThat(p).startsWith("maxMbapLength: must be between 45 and 260, got 300"))
                .allSatisfy(p -> assertThat(p).matches("\\w+: .+ \\(.+\\)"));
    }

    @Test
    void theFactoryIsFoundByServiceLoader() {
        List<DriverFactory<?>> factories = new ArrayList<>();
        ServiceLoader.load(DriverFactory.class).forEach(factories::add);

        assertThat(factories).filteredOn(factory -> factory.type().equals("aspect-modbus")).singleElement()
                .satisfies(factory -> {
                    assertThat(factory.configType()).isEqualTo(AspectModbusConfig.class);
                    assertThat(factory.transports()).containsExactly(TransportKind.TCP_CLIENT);
                    assertThat(factory.description()).isNotBlank();
                });
    }
}
