package io.scangate.driver.n42;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NumberListTest {

    @Test
    void plainListsKeepEveryValueAndRoundFractionalCounts() throws Exception {
        assertThat(NumberList.channels("  1 2\n\t3 0 0 4294967295 ", null, 100))
                .containsExactly(1, 2, 3, 0, 0, (int) 4294967295L);
        assertThat(NumberList.channels("1.0 2.6 3E2", "None", 100)).containsExactly(1, 3, 300);
        assertThat(NumberList.channels("", null, 100)).isEmpty();
    }

    @Test
    void countedZeroesExpandsEachZeroByTheCountAfterIt() throws Exception {
        assertThat(NumberList.channels("0 3 5 0 1 7 0 2", "CountedZeroes", 100))
                .containsExactly(0, 0, 0, 5, 0, 7, 0, 0);
        assertThat(NumberList.channels("0 3.0", "CountedZeroes", 100)).containsExactly(0, 0, 0);
    }

    @Test
    void badListsNameTheirProblem() {
        assertThatThrownBy(() -> NumberList.channels("5 0", "CountedZeroes", 100))
                .hasMessageContaining("ends with a 0");
        assertThatThrownBy(() -> NumberList.channels("5 -1", null, 100)).hasMessageContaining("negative");
        assertThatThrownBy(() -> NumberList.channels("5 x", null, 100)).hasMessageContaining("'x' is not a count");
        assertThatThrownBy(() -> NumberList.channels("5", "Zip", 100)).hasMessageContaining("unknown compressionCode");
        assertThatThrownBy(() -> NumberList.channels("1 2 3", null, 2))
                .isInstanceOfSatisfying(NumberList.BadNumbers.class,
                        e -> assertThat(e.reason()).isEqualTo("spectrum_too_large"));
        assertThatThrownBy(() -> NumberList.channels("1 0 2", "CountedZeroes", 2))
                .hasMessageContaining("over maxChannelsPerSpectrum 2");
        assertThatThrownBy(() -> NumberList.doubles("1 NaN")).hasMessageContaining("not a finite number");
    }

    @Test
    void exactlyTheLimitIsAccepted() throws Exception {
        assertThat(NumberList.channels("1 0 2", "CountedZeroes", 3)).containsExactly(1, 0, 0);
        assertThat(NumberList.doubles(" -3.2 2.95  1.2e-4 ")).containsExactly(-3.2, 2.95, 1.2e-4);
    }
}
