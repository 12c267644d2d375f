package io.scangate.driver.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import io.scangate.driver.DriverFactory;
import io.scangate.driver.TransportKind;
import java.time.Duration;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class OcrConfigTest {

    @Test
    void defaultsAreValid() {
        OcrConfig config = OcrConfig.defaults();
        assertThat(config.validate()).isEmpty();
        assertThat(config.framing()).isEqualTo(OcrFraming.HTTP);
        assertThat(config.path()).isEqualTo("/ocr/reads");
        assertThat(config.maxBodyBytes()).isEqualTo(65536);
        assertThat(config.retryAfter()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void everyBadValueIsNamedWithItsFix() {
        OcrConfig config = new OcrConfig(OcrFraming.HTTP, "reads", 10, "/no/such/token", Duration.ZERO, 0, 10);
        assertThat(config.validate()).hasSize(6).allSatisfy(problem -> assertThat(problem).matches("\\w+: .*\\(.*\\)"))
                .anySatisfy(problem -> assertThat(problem).startsWith("path: "))
                .anySatisfy(problem -> assertThat(problem).startsWith("maxBodyBytes: "))
                .anySatisfy(problem -> assertThat(problem).startsWith("bearerTokenFile: cannot read /no/such/token"))
                .anySatisfy(problem -> assertThat(problem).startsWith("retryAfter: "))
                .anySatisfy(problem -> assertThat(problem).startsWith("maxPendingRequests: "))
                .anySatisfy(problem -> assertThat(problem).startsWith("maxLineBytes: "));
    }

    @Test
    void theFactoryIsFoundByServiceLoader() {
        assertThat(ServiceLoader.load(DriverFactory.class).stream().map(ServiceLoader.Provider::get))
                .filteredOn(f -> f.type().equals("ocr")).singleElement()
                .satisfies(f -> assertThat(f.transports()).contains(TransportKind.TCP_SERVER, TransportKind.TCP_CLIENT));
    }
}
