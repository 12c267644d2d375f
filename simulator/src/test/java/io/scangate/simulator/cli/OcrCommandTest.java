package io.scangate.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class OcrCommandTest {

    @Test
    void tcpModeWritesOneLinePerVehicle() throws Exception {
        try (ServerSocket gateway = new ServerSocket(0)) {
            StringWriter out = new StringWriter();
            CommandLine cli = new CommandLine(new SimCommand()).setOut(new PrintWriter(out, true));
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("ocr", "--mode", "tcp",
                    "--port", String.valueOf(gateway.getLocalPort()), "--vehicles", "5", "--vehicles-per-hour", "3600",
                    "--acceleration", "100000", "--faults", "0", "--lane-id", "lane-7"));
            List<String> lines = new ArrayList<>();
            try (Socket portal = gateway.accept()) {
                portal.setSoTimeout(10_000);
                BufferedReader in = new BufferedReader(new InputStreamReader(portal.getInputStream(), StandardCharsets.UTF_8));
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            }
            assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
            assertThat(lines).hasSize(5).allMatch(l -> l.startsWith("readId=lane-7-") && l.contains(";lane=lane-7;time="));
            assertThat(out.toString()).contains("vehicles=5 sent=5 stored=5 missed=0");
        }
    }

    @Test
    void anUnknownModeIsAUsageError() {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new SimCommand()).setErr(new PrintWriter(err, true)).execute("ocr", "--mode", "udp");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--mode: http or tcp");
    }
}
