package io.scangate.driver.n42;

import static org.assertj.core.api.Assertions.assertThat;

import io.scangate.driver.DriverFactory;
import io.scangate.driver.TransportKind;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class N42ConfigTest {

    @Test
    void everyKeyHasADefaultAndTheDefaultsAreValid() {
        N42Config config = N42Config.defaults();
        assertThat(config.maxDocumentBytes()).isEqualTo(8 * 1024 * 1024);
        assertThat(config.framing()).isEqualTo(N42Framing.STX_ETX);
        assertThat(config.maxChannelsPerSpectrum()).isEqualTo(65_536);
        assertThat(config.maxUnmappedItems()).isEqualTo(500);
        assertThat(config.maxElementDepth()).isEqualTo(64);
        assertThat(config.validate()).isEmpty();
    }

    @Test
    void eachProblemNamesItsKeyAndTheFix() {
        assertThat(new N42Config(10, null, 1, -1, 2).validate()).containsExactly(
                "maxDocumentBytes: must be between 1024 and 268435456, got 10 (a 1,024-channel document is about"
                        + " 10 KB; the default is 8388608, 8 MiB)",
                "maxChannelsPerSpectrum: must be between 16 and 1048576, got 1 (portals use 512 to 16384 channels;"
                        + " the default is 65536)",
                "maxUnmappedItems: must be between 0 and 100000, got -1 (the default is 500)",
                "maxElementDepth: must be between 8 and 1000, got 2 (N42 documents nest about 6 deep; the default"
                        + " is 64)");
    }

    @Test
    void theFactoryIsFoundByServiceLoader() {
        List<DriverFactory<?>> factories = new ArrayList<>();
        for (DriverFactory<?> factory : ServiceLoader.load(DriverFactory.class)) {
            if (factory.type().equals("n42")) {
                factories.add(factory);
            }
        }
        assertThat(factories).singleElement().satisfies(factory -> {
            assertThat(factory.configType()).isEqualTo(N42Config.class);
            assertThat(factory.transports()).containsExactlyInAnyOrder(TransportKind.TCP_CLIENT, TransportKind.DIRECTORY);
        });
    }
}
