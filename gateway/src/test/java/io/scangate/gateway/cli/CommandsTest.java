package io.scangate.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandsTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Object command, String... args) {
        return new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    @Test
    void driversListsEachDriverWithItsTransportsAndParams() {
        assertThat(run(new DriversCommand())).isZero();

        assertThat(out.toString()).contains("vm250: ", "transports: serial, tcp-client", "maxLineLength (Integer)");
    }

    @Test
    void checkConfigAcceptsTheExampleAndListsEveryProblemOfABadFileWithExitCode2(@TempDir Path dir) throws Exception {
        Path example = Path.of(System.getProperty("scangate.repo.root", ".."), "config", "example.yaml");
        assertThat(run(new CheckConfigCommand(), example.toString())).isZero();
        assertThat(out.toString()).contains("OK (site rotterdam-maasvlakte, gateway gw-mv-01, 2 device(s))");

        Path bad = Files.writeString(dir.resolve("bad.yaml"), """
                site: s
                gatewayId: g
                devices:
                  - {id: a, driver: vm205, lane: l1, transport: {kind: tcp-client, host: h}}
                """);
        assertThat(run(new CheckConfigCommand(), bad.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("2 problem(s)", "devices[0].transport.port: required",
                "devices[0].driver: unknown driver 'vm205'");
    }
}
