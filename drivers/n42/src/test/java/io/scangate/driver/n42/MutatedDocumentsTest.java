package io.scangate.driver.n42;

import static org.assertj.core.api.Assertions.assertThat;

import io.scangate.proto.v1.Envelope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random damage to every golden document (flipped, dropped, duplicated and cut bytes): the parser
 * never throws, and every document yields something the host can see, a message or a problem.
 */
class MutatedDocumentsTest {

    private static final int MUTATIONS_PER_DOCUMENT = 300;

    @Test
    void damagedDocumentsNeverThrowAndNeverVanish() throws Exception {
        Random random = new Random(20261126);
        int refused = 0;
        for (Path golden : GoldenDocumentTest.cases()) {
            byte[] original = Files.readAllBytes(golden);
            for (int i = 0; i < MUTATIONS_PER_DOCUMENT; i++) {
                byte[] damaged = mutate(original, random);
                N42Result result = N42Documents.parse(damaged);
                assertThat(result.messages()).as("%s mutation %d", golden.getFileName(), i).isNotEmpty();
                result.messages().forEach(Envelope.Builder::build);
                if (result.messages().get(0).hasRawRecord()
                        && result.messages().get(0).getRawRecord().getPayload().size() == damaged.length) {
                    refused++;
                }
            }
        }
        assertThat(refused).as("documents refused whole, kept as raw bytes").isPositive();
    }

    private static byte[] mutate(byte[] original, Random random) {
        byte[] bytes = original.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && bytes.length > 2; e++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(4)) {
                case 0 -> bytes[at] = (byte) random.nextInt(256);
                case 1 -> {
                    byte[] shorter = new byte[bytes.length - 1];
                    System.arraycopy(bytes, 0, shorter, 0, at);
                    System.arraycopy(bytes, at + 1, shorter, at, bytes.length - at - 1);
                    bytes = shorter;
                }
                case 2 -> {
                    int length = Math.min(40, bytes.length - at);
                    byte[] longer = Arrays.copyOf(bytes, bytes.length + length);
                    System.arraycopy(bytes, at, longer, at + length, bytes.length - at);
                    bytes = longer;
                }
                default -> bytes = Arrays.copyOf(bytes, at + 1);
            }
        }
        return bytes;
    }
}
