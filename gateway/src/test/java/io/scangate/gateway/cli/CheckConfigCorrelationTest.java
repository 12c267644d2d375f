package io.scangate.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CheckConfigCorrelationTest {

    @Test
    void checkConfigShowsEachCorrelatedLanesExpectation(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("gw.yaml"), """
                site: s
                gatewayId: g
                devices:
                  - {id: lane1-rpm, driver: vm250, lane: lane1, transport: {kind: tcp-client, host: 127.0.0.1, port: 1601}}
                correlation:
                  lanes:
                    - lane: lane1
                      parts: [{kind: conveyance}, {kind: radiation, after: 7500ms, tolerance: 5s}, {kind: xray, after: 40s}]
                """);
        StringWriter out = new StringWriter();

        int code = new CommandLine(new CheckConfigCommand()).setOut(new PrintWriter(out)).execute(file.toString());

        assertThat(code).isZero();
        assertThat(out.toString()).contains(
                "correlation lane1: conveyance ±10s -> radiation +7.5s ±5s -> xray +40s ±10s, deadline 3m");
    }
}
