package io.scangate.simulator.lanerun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.scangate.simulator.OccupancyTruth;
import io.scangate.simulator.Simulator;
import io.scangate.simulator.SimulatorOptions;
import io.scangate.simulator.WireClient;
import io.scangate.simulator.dicos.DcmtkPeer;
import io.scangate.simulator.vehicle.PartEvent;
import io.scangate.simulator.vehicle.VehicleLaneSettings;
import io.scangate.simulator.vehicle.VehiclePassage;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lane run against independent peers: a JDK HTTP server as the OCR webhook, dcmtk's storescp as the X-ray
 * receiver and a plain socket reading the VM-250 lane. Each device gets the scenario's parts of each vehicle,
 * and every device clock is the run's compressed clock: the read's time and the acquisition date/time are the
 * wall-clock instants of the scenario times.
 */
class LaneRunTest {

    private static final int VEHICLES = 4;
    private static final double ACCELERATION = 50;
    private static final DateTimeFormatter DICOM_DATE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss.SSS").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyDevicePlaysItsPartsOfEveryVehicleOnTheCompressedClock(@TempDir Path dir) throws Exception {
        List<JsonNode> reads = new CopyOnWriteArrayList<>();
        HttpServer webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/ocr/reads", exchange -> {
            reads.add(JSON.readTree(exchange.getRequestBody()));
            byte[] answer = "{\"status\":\"stored\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        webhook.start();
        Path stored = Files.createDirectories(dir.resolve("stored"));
        try (DcmtkPeer storescp = DcmtkPeer.storescp(stored, "SCANGATE");
             Simulator vm250 = Simulator.start(SimulatorOptions.builder().laneIds(List.of("lane-7"))
                     .scheduledLanes(Set.of("lane-7")).acceleration(ACCELERATION).build());
             WireClient gateway = new WireClient(vm250.port("lane-7"))) {
            await().until(() -> vm250.isClientConnected("lane-7"));
            LaneRunSettings settings = LaneRunSettings.defaults("lane-7",
                            URI.create("http://127.0.0.1:" + webhook.getAddress().getPort() + "/ocr/reads"), "127.0.0.1",
                            storescp.port())
                    .withVehicles(VEHICLES).withAcceleration(ACCELERATION).withSeed(5).withTraffic(everyFault())
                    .withTruthLog(dir.resolve("vehicles.jsonl"));
            settings = settings.withDicos(settings.dicos().withReports(1, 0.5));
            List<VehiclePassage> vehicles;
            LaneRunCounts.Snapshot counts;
            try (LaneRun run = LaneRun.start(settings, vm250)) {
                assertThat(run.awaitPlayed(Duration.ofMinutes(1))).isTrue();
                vehicles = run.vehicles();
                counts = run.counts();
                assertOcrReads(reads, vehicles, run);
                assertImages(stored, vehicles, run);
            }
            assertThat(counts.allDelivered()).as(counts.toString()).isTrue();
            assertThat(counts.ocrStored()).isEqualTo(VEHICLES);
            assertThat(counts.imagesStored()).isEqualTo(2 * VEHICLES);
            assertThat(Files.readAllLines(dir.resolve("vehicles.jsonl"))).hasSize(VEHICLES);
            await().until(() -> vm250.groundTruth().size() == VEHICLES);
            assertOccupancies(vm250.groundTruth(), vehicles);
        } finally {
            webhook.stop(0);
        }
    }

    /** Two views, a wrong check digit wherever a container is carried, half the portal passages alarm. */
    private static VehicleLaneSettings everyFault() {
        return new VehicleLaneSettings(110, 30, 0, 0.5, 20, 4, 12, 35, 45, 1, 5, 20, 0, 1, 0, 0, 100, 130, 0.5);
    }

    private static void assertOcrReads(List<JsonNode> reads, List<VehiclePassage> vehicles, LaneRun run) {
        assertThat(reads).hasSize(VEHICLES);
        for (int v = 0; v < VEHICLES; v++) {
            PartEvent.OcrRead planned = part(vehicles.get(v), PartEvent.OcrRead.class).get(0);
            JsonNode read = reads.get(v);
            assertThat(read.get("readId").asText()).isEqualTo("lane-7-5-" + v);
            assertThat(Instant.parse(read.get("time").asText())).as("the read's time is the compressed passage time")
                    .isEqualTo(run.wallInstant(planned.atMillis()));
            List<String> codes = new ArrayList<>();
            read.get("containers").forEach(c -> codes.add(c.get("code").asText()));
            assertThat(codes).isEqualTo(planned.containerCodes()).isNotEqualTo(vehicles.get(v).truth().containers());
            assertThat(read.get("plate").get("text").asText()).isEqualTo(vehicles.get(v).truth().plate());
        }
    }

    private static void assertImages(Path stored, List<VehiclePassage> vehicles, LaneRun run) throws Exception {
        List<String> dumps = new ArrayList<>();
        try (Stream<Path> files = Files.list(stored)) {
            for (Path file : files.toList()) {
                dumps.add(DcmtkPeer.dump(file));
            }
        }
        assertThat(dumps).as("two views and a report per vehicle").hasSize(3 * VEHICLES);
        for (VehiclePassage v : vehicles) {
            for (PartEvent.XrayImage image : part(v, PartEvent.XrayImage.class)) {
                String acquired = DICOM_DATE_TIME.format(run.wallInstant(image.atMillis()).truncatedTo(ChronoUnit.MILLIS));
                assertThat(dumps).as("view %s of study %s acquired at %s", image.view(), image.studyUid(), acquired)
                        .anyMatch(d -> d.contains("[" + image.studyUid() + "]") && d.contains("[" + image.view() + "]")
                                && d.contains("(0008,002a) DT [" + acquired + "+0000]"));
            }
        }
        List<String> reports = dumps.stream().filter(d -> d.contains("=DICOS_ThreatDetectionReportStorage")).toList();
        assertThat(reports).as("a report per study").hasSize(VEHICLES)
                .allMatch(d -> d.contains("(4010,1031) CS [ALARM]") || d.contains("(4010,1031) CS [CLEAR]"));
        for (VehiclePassage v : vehicles) {
            String study = part(v, PartEvent.XrayImage.class).get(0).studyUid();
            assertThat(reports).anyMatch(d -> d.contains("[" + study + "]"));
        }
    }

    private static void assertOccupancies(List<OccupancyTruth> played, List<VehiclePassage> vehicles) {
        for (int v = 0; v < VEHICLES; v++) {
            PartEvent.RpmOccupancy planned = part(vehicles.get(v), PartEvent.RpmOccupancy.class).get(0);
            OccupancyTruth truth = played.get(v);
            assertThat(truth.endMillis() - truth.startMillis()).isEqualTo(planned.durationMillis());
            assertThat(truth.gammaAlarm()).isEqualTo(planned.gammaAlarm());
            assertThat(truth.deviceCounter()).isEqualTo(v + 1);
            assertThat(truth.gxSent()).isTrue();
        }
        assertThat(played).anyMatch(OccupancyTruth::gammaAlarm).anyMatch(t -> !t.gammaAlarm());
    }

    private static <T extends PartEvent> List<T> part(VehiclePassage vehicle, Class<T> kind) {
        return vehicle.parts().stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
