package io.scangate.simulator.dicos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The shared DICOS golden vectors (drivers/dicos/src/test/resources/golden, README there), read by path:
 * the simulator's encoders must still write exactly these bytes, which the driver's golden test decodes.
 */
class DicosGoldenVectorTest {

    @Test
    void theAssociateRequestIsWrittenByteForByte() throws IOException {
        byte[] pdu = UpperLayer.associateRequest(GoldenScan.CALLING_AE, GoldenScan.CALLED_AE, GoldenScan.contexts(),
                GoldenScan.MAX_PDU);

        assertThat(hex(pdu)).isEqualTo(hex(golden("associate-rq.bin")));
    }

    @Test
    void commandSetsAreWrittenByteForByte() throws IOException {
        assertThat(hex(CommandSets.storeRequest(7, DicomUids.DICOS_DX_FOR_PRESENTATION, GoldenScan.IMAGE)))
                .isEqualTo(hex(golden("c-store-rq.bin")));
        assertThat(hex(CommandSets.echoRequest(1))).isEqualTo(hex(golden("c-echo-rq.bin")));
    }

    @Test
    void datasetsAreWrittenByteForByte() throws IOException {
        assertThat(hex(dataset(GoldenScan.image(), true))).isEqualTo(hex(golden("dx-small.explicit.bin")));
        assertThat(hex(dataset(GoldenScan.alarm(), true))).isEqualTo(hex(golden("tdr-alarm.explicit.bin")));
        assertThat(hex(dataset(GoldenScan.alarm(), false))).isEqualTo(hex(golden("tdr-alarm.implicit.bin")));
        assertThat(hex(dataset(GoldenScan.clearByOperator(), false)))
                .isEqualTo(hex(golden("tdr-clear-operator.implicit.bin")));
    }

    private static byte[] dataset(DatasetSource source, boolean explicitVr) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        source.writeTo(out, explicitVr);
        return out.toByteArray();
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static byte[] golden(String name) throws IOException {
        return Files.readAllBytes(folder().resolve(name));
    }

    static Path folder() {
        String root = System.getProperty("scangate.repo.root");
        Path repo = root == null || root.isBlank() ? Path.of("..") : Path.of(root);
        Path folder = repo.resolve("drivers/dicos/src/test/resources/golden");
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("golden vectors not found at " + folder.toAbsolutePath()
                    + ": run from the simulator module or set -Dscangate.repo.root");
        }
        return folder;
    }
}
