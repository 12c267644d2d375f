package io.scangate.driver.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import io.scangate.proto.v1.CheckDigitResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Iso6346Test {

    @Test
    void theSpecVectorsHaveTheirCheckDigits() {
        assertThat(Iso6346.checkDigit("CSQU305438")).isEqualTo(3);
        assertThat(Iso6346.checkDigit("ABCU123456")).isEqualTo(0);
    }

    @Test
    void theLetterValuesSkipMultiplesOfEleven() {
        // A=10 B=12 ... K=21 L=23 ... U=32 V=34 ... Z=38: one letter at position 0 weighs 1
        assertThat(Iso6346.checkDigit("A000000000")).isEqualTo(10 % 11 % 10);
        assertThat(Iso6346.checkDigit("B000000000")).isEqualTo(12 % 11 % 10);
        assertThat(Iso6346.checkDigit("K000000000")).isEqualTo(21 % 11 % 10);
        assertThat(Iso6346.checkDigit("L000000000")).isEqualTo(23 % 11 % 10);
        assertThat(Iso6346.checkDigit("V000000000")).isEqualTo(34 % 11 % 10);
        assertThat(Iso6346.checkDigit("Z000000000")).isEqualTo(38 % 11 % 10);
        // position i weighs 2^i: a 1 in the last serial place counts 512
        assertThat(Iso6346.checkDigit("000000000" + "1")).isEqualTo(512 % 11 % 10);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "CSQU3054383     | CHECK_DIGIT_VALID     | CSQU3054383 | ''",
        "csqu 305438 3   | CHECK_DIGIT_VALID     | CSQU3054383 | ''",
        "ABCU-123456-0   | CHECK_DIGIT_VALID     | ABCU1234560 | ''",
        "CSQU3054384     | CHECK_DIGIT_INVALID   | CSQU3054384 | check digit 4 read, 3 computed",
        "CSQU 305438     | CHECK_DIGIT_ABSENT    | CSQU305438  | no check digit (owner, category and serial only)",
        "CSQU30543       | CHECK_DIGIT_MALFORMED | CSQU30543   | length 9, expected 11 (or 10 without check digit)",
        "CSQX3054383     | CHECK_DIGIT_MALFORMED | CSQX3054383 | category 'X' is not U, J or Z",
        "''              | CHECK_DIGIT_MALFORMED | ''          | length 0, expected 11 (or 10 without check digit)",
    })
    void codesAreFlaggedWithTheReasonNeverRejected(String code, CheckDigitResult result, String normalised, String detail) {
        Iso6346.Verdict verdict = Iso6346.check(code);
        assertThat(verdict.result()).isEqualTo(result);
        assertThat(verdict.normalised()).isEqualTo(normalised);
        assertThat(verdict.detail()).isEqualTo(detail);
        assertThat(verdict.suggestion()).isEmpty();
    }

    @ParameterizedTest(name = "{0} suggests {1}")
    @CsvSource({
        "CSQU3O54383, CSQU3054383",
        "CSQU30S4383, CSQU3054383",
        "C5QU3054383, CSQU3054383",
        "ABC21234564, ABCZ1234564",
        "00LU1234567, OOLU1234567",
        "CSQU3O5438S, ''",
    })
    void lookAlikeCharactersInTheWrongPlaceGiveASuggestionOnlyWhenItValidates(String read, String suggestion) {
        Iso6346.Verdict verdict = Iso6346.check(read);
        assertThat(verdict.result()).isEqualTo(CheckDigitResult.CHECK_DIGIT_MALFORMED);
        assertThat(verdict.suggestion()).isEqualTo(suggestion);
    }

    @Test
    void aCorrectionThatDoesNotValidateIsNoSuggestion() {
        assertThat(Iso6346.check("CSQU3O54384").suggestion()).isEmpty();
        assertThat(Iso6346.check("CSQU3O5438").suggestion()).as("no check digit to validate against").isEmpty();
        assertThat(Iso6346.check("CSQU3054384").suggestion()).as("a well-shaped invalid code is never guessed at").isEmpty();
    }

    @Test
    void everySuggestionIsItselfAValidCode() {
        String[] reads = {"CSQU3O54383", "00LU1234567", "ABCUl23456O", "BO5U88O1557", "ABC21234564"};
        for (String read : reads) {
            String suggestion = Iso6346.check(read).suggestion();
            if (!suggestion.isEmpty()) {
                assertThat(Iso6346.check(suggestion).result()).as(read).isEqualTo(CheckDigitResult.CHECK_DIGIT_VALID);
            }
        }
        assertThat(Iso6346.check("BO5U88O1557").suggestion()).isEqualTo("BOSU8801557");
    }
}
