package io.scangate.simulator.vehicle;

import static org.assertj.core.api.Assertions.assertThat;

import io.scangate.simulator.scenario.Draws;
import org.junit.jupiter.api.Test;

class Iso6346Test {

    @Test
    void theSpecVectors() {
        assertThat(Iso6346.checkDigit("CSQU305438")).isEqualTo(3);
        assertThat(Iso6346.checkDigit("ABCU123456")).isEqualTo(0);
        assertThat(Iso6346.valid("CSQU3054383")).isTrue();
        assertThat(Iso6346.valid("CSQU3054384")).isFalse();
    }

    @Test
    void letterValuesSkipElevenAndItsMultiples() {
        assertThat(Iso6346.letterValue('A')).isEqualTo(10);
        assertThat(Iso6346.letterValue('B')).isEqualTo(12);
        assertThat(Iso6346.letterValue('K')).isEqualTo(21);
        assertThat(Iso6346.letterValue('L')).isEqualTo(23);
        assertThat(Iso6346.letterValue('U')).isEqualTo(32);
        assertThat(Iso6346.letterValue('V')).isEqualTo(34);
        assertThat(Iso6346.letterValue('Z')).isEqualTo(38);
    }

    @Test
    void randomCodesAreValid() {
        Draws draws = new Draws(3);
        for (int i = 0; i < 1000; i++) {
            String code = Iso6346.random(draws);
            assertThat(code).matches("[A-Z]{3}[UJZ][0-9]{7}");
            assertThat(Iso6346.valid(code)).as(code).isTrue();
        }
    }

    @Test
    void wrongCheckDigitDiffersOnlyInTheLastCharacter() {
        Draws draws = new Draws(3);
        for (int i = 0; i < 100; i++) {
            String code = Iso6346.random(draws);
            assertThat(code).matches("[A-Z]{3}[UJZ][0-9]{7}");
            assertThat(code.charAt(10) - '0').isEqualTo(Iso6346.checkDigit(code));
            String wrong = Iso6346.withWrongCheckDigit(code, draws);
            assertThat(wrong.substring(0, 10)).isEqualTo(code.substring(0, 10));
            assertThat(wrong.charAt(10) - '0').isNotEqualTo(Iso6346.checkDigit(code));
        }
    }
}
