package io.scangate.simulator.vm250;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The encoder must reproduce every shared golden case byte for byte. */
class Vm250EncoderGoldenTest {

    @Test
    void goldenFolderHoldsCases() {
        assertThat(GoldenVectors.caseNames())
                .as("golden cases in %s", GoldenVectors.folder())
                .isNotEmpty();
    }

    @TestFactory
    Stream<DynamicTest> encodesEveryGoldenCaseExactly() {
        return GoldenVectors.caseNames().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            List<Vm250Record> records = GoldenVectors.records(name);
            byte[] expected = GoldenVectors.lines(name);
            ByteArrayOutputStream encoded = new ByteArrayOutputStream();
            for (Vm250Record record : records) {
                encoded.write(Vm250Encoder.encode(record));
            }
            assertThat(new String(encoded.toByteArray(), StandardCharsets.US_ASCII))
                    .isEqualTo(new String(expected, StandardCharsets.US_ASCII));
            assertThat(encoded.toByteArray()).isEqualTo(expected);
        }));
    }
}
