package io.scangate.driver.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class JsonReadsTest {

    private static final String HEAD = "\"readId\": \"r\", \"lane\": \"l\", \"time\": \"2026-11-26T08:00:00+01:00\"";

    @Test
    void aMinimalReadNeedsOnlyIdLaneAndTimeWithAnOffset() throws InvalidReadException {
        OcrRead read = JsonReads.parse(bytes("{" + HEAD + "}"));
        assertThat(read.time()).isEqualTo(Instant.parse("2026-11-26T07:00:00Z"));
        assertThat(read.containers()).isEmpty();
        assertThat(read.plate()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "[]                                                  | invalid_json | the body must be one JSON object",
        "{\"readId\": 7, \"lane\": \"l\"}                    | invalid_read | readId: must be a string",
        "{\"readId\": \" \", \"lane\": \"l\"}                | invalid_read | readId: required",
        "{HEAD_, \"containers\": {}}                         | invalid_read | containers: must be an array",
        "{HEAD_, \"containers\": [\"CSQU3054383\"]}          | invalid_read | containers[0]: must be an object",
        "{HEAD_, \"containers\": [{\"code\": \"C\"}]}        | invalid_read | containers[0].confidence: required",
        "{HEAD_, \"containers\": [{\"code\": 5, \"confidence\": 1}]} | invalid_read | containers[0].code: must be a string",
        "{HEAD_, \"plate\": {\"confidence\": 0.5}}           | invalid_read | plate.text: required",
        "{HEAD_, \"images\": [{\"kind\": \"plate\"}]}        | invalid_read | images[0].url: required",
        "{\"readId\": \"r\", \"lane\": \"l\", \"time\": \"2026-11-26T08:00:00\"} | invalid_read | time: an RFC 3339 date-time with offset",
        "{HEAD_, \"lane\": \"l\\u0007\"}                     | invalid_read | lane: control character",
    })
    void everyBrokenRuleNamesTheFieldAndTheRule(String body, String reason, String message) {
        assertThatThrownBy(() -> JsonReads.parse(bytes(body.replace("HEAD_", HEAD))))
                .isInstanceOfSatisfying(InvalidReadException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).startsWith(message);
                });
    }

    @Test
    void tooManyItemsAndDeepNestingAreRefused() {
        String nine = "{\"code\": \"C\", \"confidence\": 1},".repeat(9);
        assertThatThrownBy(() -> JsonReads.parse(bytes("{" + HEAD + ", \"containers\": [" + nine.substring(0, nine.length() - 1) + "]}")))
                .hasMessage("containers: at most 8 items, got 9");
        assertThatThrownBy(() -> JsonReads.parse(bytes("{" + HEAD + ", \"x\": " + "[".repeat(100) + "]".repeat(100) + "}")))
                .isInstanceOfSatisfying(InvalidReadException.class, e -> assertThat(e.reason()).isEqualTo("invalid_json"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
