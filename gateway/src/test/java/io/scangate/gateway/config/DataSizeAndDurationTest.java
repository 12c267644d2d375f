package io.scangate.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DataSizeAndDurationTest {

    @Test
    void sizesAcceptBinaryAndDecimalUnits() {
        assertThat(DataSize.parse("1048576").bytes()).isEqualTo(1_048_576);
        assertThat(DataSize.parse("512KiB").bytes()).isEqualTo(524_288);
        assertThat(DataSize.parse("64 MiB").bytes()).isEqualTo(67_108_864);
        assertThat(DataSize.parse("1GiB").bytes()).isEqualTo(1_073_741_824);
        assertThat(DataSize.parse("10MB").bytes()).isEqualTo(10_000_000);
        assertThatThrownBy(() -> DataSize.parse("lots")).hasMessageContaining("64MiB");
        assertThatThrownBy(() -> DataSize.parse("99999999999TiB")).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void durationsAcceptShortFormsAndIso() {
        assertThat(Durations.parse("200ms")).isEqualTo(Duration.ofMillis(200));
        assertThat(Durations.parse("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(Durations.parse("PT1.5S")).isEqualTo(Duration.ofMillis(1500));
        assertThatThrownBy(() -> Durations.parse("10 parsecs")).hasMessageContaining("200ms");
    }
}
