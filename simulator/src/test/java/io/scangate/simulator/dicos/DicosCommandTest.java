package io.scangate.simulator.dicos;

import static org.assertj.core.api.Assertions.assertThat;

import io.scangate.simulator.cli.SimCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sim dicos} from the command line, against dcmtk's storescp. */
class DicosCommandTest {

    @Test
    void echoPrintsTheStatus(@TempDir Path dir) throws Exception {
        Path stored = Files.createDirectories(dir.resolve("stored"));
        try (DcmtkPeer storescp = DcmtkPeer.storescp(stored, "GATE")) {
            StringWriter out = new StringWriter();

            int exit = new CommandLine(new SimCommand()).setOut(new PrintWriter(out, true)).execute("dicos", "--echo",
                    "--port", Integer.toString(storescp.port()), "--called-ae", "GATE");

            assertThat(exit).as(out.toString()).isZero();
            assertThat(out.toString()).contains("echo status=0x0000");
        }
    }

    @Test
    void scansAreSentAtAnAcceleratedRateAndCounted(@TempDir Path dir) throws Exception {
        Path stored = Files.createDirectories(dir.resolve("stored"));
        try (DcmtkPeer storescp = DcmtkPeer.storescp(stored, "SCANGATE")) {
            StringWriter out = new StringWriter();

            int exit = new CommandLine(new SimCommand()).setOut(new PrintWriter(out, true)).execute("dicos",
                    "--port", Integer.toString(storescp.port()), "--scans", "3", "--rate", "120", "--acceleration",
                    "10000", "--rows", "32", "--columns", "48", "--tdr-share", "1", "--alarm-share", "1",
                    "--sop-class", "dx", "--transfer-syntax", "implicit", "--seed", "9");

            assertThat(exit).as(out.toString()).isZero();
            assertThat(out.toString()).contains("scans_stored=3");
            try (Stream<Path> files = Files.list(stored)) {
                assertThat(files.map(file -> file.getFileName().toString()))
                        .hasSize(3 * 5).filteredOn(name -> name.startsWith("TDR.")).hasSize(3);
            }
        }
    }

    @Test
    void anUnknownSopClassIsAUsageError() {
        StringWriter err = new StringWriter();

        int exit = new CommandLine(new SimCommand()).setErr(new PrintWriter(err, true))
                .execute("dicos", "--sop-class", "mr");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--sop-class: dicos-dx, dx or ct, not mr");
    }

    @Test
    void impossibleImagesAndSharesAreUsageErrors() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new SimCommand()).setErr(new PrintWriter(err, true));

        assertThat(cli.execute("dicos", "--rows", "70000")).isEqualTo(2);
        assertThat(cli.execute("dicos", "--tdr-share", "1.5")).isEqualTo(2);
        assertThat(err.toString()).contains("rows and columns: 1-65535 (US), got 70000 x 3072")
                .contains("tdr-share and alarm-share: 0..1");
    }
}
