package io.scangate.driver.n42;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Utf8Test {

    @Test
    void wellFormedUtf8PassesAndTheFirstBrokenSequenceIsFound() {
        assertThat(Utf8.firstInvalid("Bq/µSv ✓ 𝛾".getBytes(UTF_8))).isEqualTo(-1);
        assertThat(Utf8.firstInvalid(new byte[] {'a', (byte) 0xC0, (byte) 0x80})).isEqualTo(1);
        assertThat(Utf8.firstInvalid(new byte[] {'a', 'b', (byte) 0xED, (byte) 0xA0, (byte) 0x80})).isEqualTo(2);
        assertThat(Utf8.firstInvalid(new byte[] {(byte) 0xE2, (byte) 0x9C})).isZero();
        assertThat(Utf8.firstInvalid(new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80})).isZero();
        assertThat(Utf8.firstInvalid(new byte[] {'x', (byte) 0xE9, 'y'})).isEqualTo(1);
    }

    @Test
    void aDocumentDeclaringLatin1IsLeftToTheParserAndReadCorrectly() {
        byte[] latin1 = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"
                + "<RadInstrumentData xmlns=\"http://physics.nist.gov/N42/2011/N42\"><RadInstrumentInformation>"
                + "<RadInstrumentManufacturerName>Détection SA</RadInstrumentManufacturerName>"
                + "</RadInstrumentInformation></RadInstrumentData>").getBytes(ISO_8859_1);
        assertThat(Utf8.expected(latin1)).isFalse();
        N42Result result = N42Documents.parse(latin1);
        assertThat(result.problems()).isEmpty();
        assertThat(result.messages().get(0).getDeviceSetup().getValuesMap()).containsEntry("manufacturer", "Détection SA");
    }

    @Test
    void latin1BytesInADocumentWithoutDeclarationAreMalformedAndNamed() {
        byte[] bytes = ("<RadInstrumentData xmlns=\"http://physics.nist.gov/N42/2011/N42\">é</RadInstrumentData>")
                .getBytes(ISO_8859_1);
        assertThat(Utf8.expected(bytes)).isTrue();
        N42Result result = N42Documents.parse(bytes);
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.reason()).isEqualTo("malformed_document");
            assertThat(problem.detail()).isEqualTo("not UTF-8 at byte 64 (0xE9)");
        });
    }
}
