package io.scangate.driver.dicos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scangate.gateway.config.ConfigException;
import io.scangate.gateway.config.ConfigLoader;
import io.scangate.gateway.host.DriverRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code params.energy} of a dicos device as the gateway reads it at start-up: bound from YAML, then checked. */
class EnergyParamsTest {

    private final ConfigLoader loader = new ConfigLoader(DriverRegistry.fromClassPath());

    private static String gateway(String energy) {
        return """
                site: s
                gatewayId: g
                devices:
                  - id: gate2-xray
                    driver: dicos
                    lane: l1
                    transport: {kind: tcp-server, port: 11112}
                    params:
                      energy:
                """ + energy.indent(8);
    }

    @Test
    void aSiteRuleIsBoundWithTheChannelsItLeavesOutAtTheirDefaults() throws Exception {
        DicosConfig params = (DicosConfig) loader.parse(gateway("""
                attributes: [SeriesDescription, ImageType]
                tokens:
                  HIGH: [HI, 6MV]
                  MATERIAL: []
                """)).devices().get(0).params();

        assertThat(params.energy().attributes()).containsExactly("SeriesDescription", "ImageType");
        assertThat(params.energy().tokens()).containsEntry("HIGH", List.of("HI", "6MV"))
                .containsEntry("LOW", List.of("LOW", "LOW_ENERGY", "LE")).containsEntry("MATERIAL", List.of());
    }

    @Test
    void anUnknownKeywordOrChannelStopsTheStartAndNamesTheAllowedOnes() {
        List<String> problems = problems(gateway("""
                attributes: [ImageType, SeriesDesc]
                tokens: {DUAL: [DE]}
                """));

        assertThat(problems).containsExactly(
                "devices[0].params.energy.attributes[1]: 'SeriesDesc' is not an attribute the driver can search"
                        + " (use one of ImageType, SeriesDescription)",
                "devices[0].params.energy.tokens: unknown channel 'DUAL' (use HIGH, LOW, ZEFF, MATERIAL)");
    }

    @Test
    void aMisspeltKeyOfTheSectionIsNamedWithTheKnownKeys() {
        assertThat(problems(gateway("atributes: [ImageType]"))).singleElement().asString()
                .isEqualTo("devices[0].params.energy: unknown key 'atributes' (known keys: attributes, tokens)");
    }

    private List<String> problems(String yaml) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.parse(yaml));
        assertThat(e).as("expected the config to be refused").isNotNull();
        return e.problems();
    }
}
