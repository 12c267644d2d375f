package io.scangate.simulator.cli;

import io.scangate.simulator.ocr.HttpOcrPortal;
import io.scangate.simulator.ocr.OcrFaults;
import io.scangate.simulator.ocr.OcrPortal;
import io.scangate.simulator.ocr.OcrReadGenerator;
import io.scangate.simulator.ocr.SimulatedRead;
import io.scangate.simulator.ocr.TcpOcrPortal;
import io.scangate.simulator.scenario.Draws;
import io.scangate.simulator.vehicle.VehicleGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sim ocr}: a container-code / licence-plate portal pushing reads to the gateway (webhook or TCP lines). */
@Command(name = "ocr", mixinStandardHelpOptions = true,
        description = {"Simulate an OCR / licence-plate portal: trucks with 0-2 containers pass, and the portal"
                + " POSTs one JSON read each to the gateway's webhook (--mode http) or writes one line each (--mode tcp).",
                "Faults on demand: missed vehicles and containers, wrong check digits, O/0-style look-alikes,"
                + " low confidence, no plate."})
public final class OcrCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--mode", defaultValue = "http", description = "http or tcp (default ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8480/ocr/reads",
            description = "http: the gateway's webhook (default ${DEFAULT-VALUE}).")
    URI url;

    @Option(names = "--token-file", description = "http: file holding the bearer token the gateway expects.")
    Path tokenFile;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "tcp: the gateway's address (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8481", description = "tcp: the gateway's port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--lane-id", defaultValue = "lane-1", description = "Lane the portal reports (default ${DEFAULT-VALUE}).")
    String laneId;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--vehicles", defaultValue = "0", description = "Stop after this many vehicles; 0 = never (default ${DEFAULT-VALUE}).")
    int vehicles;

    @Option(names = "--vehicles-per-hour", defaultValue = "30", description = "Mean arrival rate, Poisson (default ${DEFAULT-VALUE}).")
    double vehiclesPerHour;

    @Option(names = "--acceleration", defaultValue = "1", description = "Simulated time per real time (default ${DEFAULT-VALUE}).")
    double acceleration;

    @Option(names = "--faults", defaultValue = "1",
            description = "Fault rate as a multiple of a realistic portal's; 0 = a perfect portal (default ${DEFAULT-VALUE}).")
    double faultScale;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (acceleration <= 0 || vehiclesPerHour <= 0 || faultScale < 0) {
            throw new ParameterException(spec.commandLine(), "--acceleration and --vehicles-per-hour must be > 0, --faults >= 0");
        }
        PrintWriter out = spec.commandLine().getOut();
        OcrFaults faults = OcrFaults.realistic().scaled(faultScale);
        VehicleGenerator traffic = new VehicleGenerator(seed);
        OcrReadGenerator portalEngine = new OcrReadGenerator(faults, seed + 1);
        Draws gaps = new Draws(seed + 2);
        Instant simulated = Instant.now();
        int sent = 0;
        int stored = 0;
        int missed = 0;
        try (OcrPortal portal = portal()) {
            out.printf("lane=%s ocr mode=%s target=%s%n", laneId, mode, "tcp".equals(mode) ? host + ":" + port : url);
            out.flush();
            for (int n = 1; vehicles == 0 || n <= vehicles; n++) {
                double gapSeconds = gaps.exponentialSeconds(vehiclesPerHour / 3600);
                simulated = simulated.plusMillis((long) (gapSeconds * 1000));
                Thread.sleep((long) (gapSeconds * 1000 / acceleration));
                SimulatedRead read = portalEngine.read(traffic.next(), laneId, simulated);
                if (read.read().isEmpty()) {
                    missed++;
                    continue;
                }
                OcrPortal.Delivery delivery = portal.send(read.read().get());
                sent++;
                stored += delivery.stored() ? 1 : 0;
                out.printf("read=%s status=%d attempts=%d containers=%s%n", read.read().get().readId(), delivery.status(),
                        delivery.attempts(), read.read().get().containers().stream().map(c -> c.code()).toList());
                out.flush();
            }
        }
        out.printf("vehicles=%d sent=%d stored=%d missed=%d%n", sent + missed, sent, stored, missed);
        out.flush();
        return 0;
    }

    private OcrPortal portal() throws IOException {
        return switch (mode) {
            case "http" -> new HttpOcrPortal(url, tokenFile == null ? null : Files.readString(tokenFile).strip(), 5,
                    Duration.ofSeconds(10));
            case "tcp" -> new TcpOcrPortal(host, port);
            default -> throw new ParameterException(spec.commandLine(), "--mode: http or tcp, got " + mode);
        };
    }
}
