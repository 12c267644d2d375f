package io.scangate.driver.dicos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.scangate.driver.DriverFactory;
import io.scangate.driver.TransportKind;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        assertThat(defaults.energy().attributes()).containsExactly("ImageType");
        assertThat(defaults.energy().tokens()).containsExactly(
                entry("HIGH", List.of("HIGH", "HIGH_ENERGY", "HE")),
                entry("LOW", List.of("LOW", "LOW_ENERGY", "LE")),
                entry("ZEFF", List.of("ZEFF", "Z_EFF")),
                entry("MATERIAL", List.of("MATERIAL", "MAT")));
    }

    @Test
    void aSiteRuleWithSeriesDescriptionAndItsOwnWordsIsValid() {
        EnergyConfig energy = new EnergyConfig(List.of("SeriesDescription", "ImageType"),
                Map.of("HIGH", List.of("HI"), "LOW", List.of("lo"), "MATERIAL", List.of()));

        assertThat(config(energy).validate()).isEmpty();
        assertThat(energy.tokens()).containsEntry("HIGH", List.of("HI")).containsEntry("ZEFF", List.of("ZEFF", "Z_EFF"))
                .containsEntry("MATERIAL", List.of());
    }

    @Test
    void energyProblemsNameTheKeyTheAllowedValuesAndTheFix() {
        Map<String, List<String>> tokens = new LinkedHashMap<>();
        tokens.put("HIGH", Arrays.asList("HI", "", null, "HIGH ENERGY", "A\\B"));
        tokens.put("LOW", List.of("hi"));
        tokens.put("ZEFF", null);
        tokens.put("DUAL", List.of("DE"));
        EnergyConfig energy = new EnergyConfig(Arrays.asList("ImageType", "SeriesDescrption", null, "ImageType"),
                tokens);

        List<String> problems = config(energy).validate();

        assertThat(problems).containsExactly(
                "energy.attributes[1]: 'SeriesDescrption' is not an attribute the driver can search"
                        + " (use one of ImageType, SeriesDescription)",
                "energy.attributes[2]: 'null' is not an attribute the driver can search"
                        + " (use one of ImageType, SeriesDescription)",
                "energy.attributes[3]: 'ImageType' is listed twice (name each attribute once)",
                "energy.tokens.HIGH[1]: a token may not be empty (e.g. HIGH)",
                "energy.tokens.HIGH[2]: a token may not be empty (e.g. HIGH)",
                "energy.tokens.HIGH[3]: 'HIGH ENERGY' holds a space or backslash, which separate tokens"
                        + " (use a single word, e.g. HIGH_ENERGY)",
                "energy.tokens.HIGH[4]: 'A\\B' holds a space or backslash, which separate tokens"
                        + " (use a single word, e.g. HIGH_ENERGY)",
                "energy.tokens.LOW[0]: 'hi' already names HIGH (a token may name one channel only)",
                "energy.tokens.ZEFF: must be a list of tokens (e.g. [ZEFF, Z_EFF]; [] turns the channel off)",
                "energy.tokens: unknown channel 'DUAL' (use HIGH, LOW, ZEFF, MATERIAL)");
        assertThat(problems).allSatisfy(p -> assertThat(p).matches("[\\w.\\[\\]]+: .+ \\(.+\\)"));
    }

    @Test
    void problemsNameTheKeyAndTheFix() {
        DicosConfig bad = new DicosConfig("A-TITLE-FAR-TOO-LONG", List.of("OK", "BAD\\AE"), 100, 10,
                Duration.ZERO, Duration.ofSeconds(-1), "Mars/Olympus", null);

        List<String> problems = bad.validate();

        assertThat(problems).extracting(p -> p.substring(0, p.indexOf(':'))).containsExactly("calledAeTitle",
                "acceptedCallingAeTitles[1]", "maxPduBytes", "maxCommandBytes", "artimTimeout", "idleTimeout",
                "timeZone");
        assertThat(problems).allSatisfy(p -> assertThat(p).matches("[\\w\\[\\]]+: .+ \\(.+\\)"));
    }

    private static DicosConfig config(EnergyConfig energy) {
        return new DicosConfig(null, null, null, null, null, null, null, energy);
    }

    @Test
    void aeTitlesAreComparedWithoutTheirPadding() {
        DicosConfig config = new DicosConfig(" SCANGATE ", List.of("SCANNER1  "), null, null, null, null, null, null);

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
