package io.scangate.simulator.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import io.scangate.simulator.scenario.Draws;
import org.junit.jupiter.api.Test;

class ContainerNumbersTest {

    @Test
    void theSpecVectors() {
        assertThat(ContainerNumbers.checkDigit("CSQU305438")).isEqualTo(3);
        assertThat(ContainerNumbers.checkDigit("ABCU123456")).isEqualTo(0);
        assertThat(ContainerNumbers.valid("CSQU3054383")).isTrue();
        assertThat(ContainerNumbers.valid("CSQU3054384")).isFalse();
    }

    @Test
    void letterValuesSkipElevenAndItsMultiples() {
        assertThat(ContainerNumbers.letterValue('A')).isEqualTo(10);
        assertThat(ContainerNumbers.letterValue('B')).isEqualTo(12);
        assertThat(ContainerNumbers.letterValue('K')).isEqualTo(21);
        assertThat(ContainerNumbers.letterValue('L')).isEqualTo(23);
        assertThat(ContainerNumbers.letterValue('U')).isEqualTo(32);
        assertThat(ContainerNumbers.letterValue('V')).isEqualTo(34);
        assertThat(ContainerNumbers.letterValue('Z')).isEqualTo(38);
    }

    @Test
    void randomNumbersAreValidFreightContainers() {
        Draws draws = new Draws(3);
        for (int i = 0; i < 1000; i++) {
            String code = ContainerNumbers.random(draws);
            assertThat(code).matches("[A-Z]{3}U[0-9]{7}");
            assertThat(ContainerNumbers.valid(code)).as(code).isTrue();
        }
    }
}
