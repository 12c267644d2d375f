package io.scangate.launcher.correlate;

import static io.scangate.proto.v1.InspectionPart.INSPECTION_PART_CONVEYANCE;
import static io.scangate.proto.v1.InspectionPart.INSPECTION_PART_RADIATION;
import static io.scangate.proto.v1.InspectionPart.INSPECTION_PART_XRAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.util.Durations;
import io.scangate.gateway.testing.CountingSubscriber;
import io.scangate.gateway.testing.CountingSubscriber.Received;
import io.scangate.gateway.testing.MosquittoBroker;
import io.scangate.launcher.GatewayProcess;
import io.scangate.proto.v1.CheckDigitResult;
import io.scangate.proto.v1.ContainerCode;
import io.scangate.proto.v1.Envelope;
import io.scangate.proto.v1.Inspection;
import io.scangate.proto.v1.InspectionPart;
import io.scangate.proto.v1.JoinMethod;
import io.scangate.proto.v1.MissingPart;
import io.scangate.proto.v1.MissingReason;
import io.scangate.proto.v1.XrayResult;
import io.scangate.simulator.Simulator;
import io.scangate.simulator.SimulatorOptions;
import io.scangate.simulator.lanerun.LaneRun;
import io.scangate.simulator.lanerun.LaneRunSettings;
import io.scangate.simulator.vehicle.Iso6346;
import io.scangate.simulator.vehicle.PartEvent;
import io.scangate.simulator.vehicle.VehicleLaneSettings;
import io.scangate.simulator.vehicle.VehiclePassage;
import io.scangate.simulator.vehicle.VehicleTruth;
import io.scangate.simulator.vehicle.VehicleTruthLog;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole simulated lane through the real chain: the lane run plays the vehicle scenario on an OCR portal (HTTP
 * webhook), a VM-250 radiation portal (TCP, the gateway connects) and a DICOS X-ray scanner (C-STORE of 64 x 64
 * images into the blob store), all on one clock compressed 12 times (by default); the gateway JVM joins
 * them with correlation windows divided by the same factor and publishes inspections through Mosquitto. Every
 * vehicle yields exactly one inspection (a late X-ray amends it), whose parts are that vehicle's: plate and
 * container codes with their check flags, radiation alarm, X-ray study; every incomplete one names what is
 * missing, and the share of complete joins is printed.
 *
 * <p>Timing: the correlator joins by event time. The OCR read's time and the X-ray acquisition time are set by
 * the run, but the occupancy start is the gateway's receive time, so scheduling noise lands on the radiation
 * part. The scenario's radiation part lies within 3.75 s of its expected offset and the X-ray within 5 s of
 * its; with tolerances of 10 s the margin is 5 s or more of scenario time, 12 times less
 * on the wall: over 400 ms, while a neighbouring vehicle stays at least 17.5 s (1.4 s wall) off.
 *
 * <p>The long run by hand (500 vehicles at 60 times, about 5 minutes): {@code mvn -pl launcher -am verify
 * -Dtest=LaneSimulationEndToEndTest -Dsurefire.failIfNoSpecifiedTests=false -Dscangate.lane.vehicles=500
 * -Dscangate.lane.acceleration=60}.
 */
class LaneSimulationEndToEndTest {

    private static final double ACCELERATION = Double.parseDouble(System.getProperty("scangate.lane.acceleration", "12"));
    private static final int VEHICLES = Integer.getInteger("scangate.lane.vehicles", 15);
    /** How long playing the vehicles may take on the wall: twice their scenario time at 110 an hour, plus 2 minutes. */
    private static final Duration PLAY_TIME = Duration.ofMinutes(2)
            .plusMillis((long) (2 * VEHICLES * 3_600_000L / 110 / ACCELERATION));
    private static final long SEED = 46;
    private static final String LANE = "lane-1";

    @Test
    void everySimulatedVehicleYieldsOneInspectionMatchingItsGroundTruth(@TempDir Path dir) throws Exception {
        int ocrPort = GatewayProcess.freePort();
        int dicomPort = GatewayProcess.freePort();
        Path truthLog = dir.resolve("vehicles.jsonl");
        try (MosquittoBroker broker = MosquittoBroker.start();
             CountingSubscriber backEnd = CountingSubscriber.connect(broker.uri(), "lane-sim-back-end", "scangate/v1/+/+/+/+");
             Simulator vm250 = Simulator.start(SimulatorOptions.builder().laneIds(List.of(LANE))
                     .scheduledLanes(Set.of(LANE)).acceleration(ACCELERATION).seed(SEED).build());
             GatewayProcess gateway = GatewayProcess.start(dir, gatewayYaml(broker.uri(), vm250.port(LANE), ocrPort,
                     dicomPort, dir), "256m")) {
            gateway.awaitMqttConnected(Duration.ofSeconds(30));
            await("every device of the lane up").atMost(Duration.ofSeconds(30)).until(() -> {
                String health = String.valueOf(gateway.health());
                return health.contains("\"lane-1-rpm\":\"UP\"") && health.contains("\"lane-1-ocr\":\"UP\"")
                        && health.contains("\"lane-1-xray\":\"UP\"") && vm250.isClientConnected(LANE);
            });

            LaneRunSettings settings = LaneRunSettings.defaults(LANE, URI.create("http://127.0.0.1:" + ocrPort + "/ocr/reads"),
                    "127.0.0.1", dicomPort).withVehicles(VEHICLES).withAcceleration(ACCELERATION).withSeed(SEED)
                    .withTraffic(traffic()).withTruthLog(truthLog);
            List<VehiclePassage> vehicles;
            try (LaneRun run = LaneRun.start(settings, vm250)) {
                assertThat(run.awaitPlayed(PLAY_TIME)).as("every part played").isTrue();
                assertThat(run.counts().allDelivered()).as("%s\n%s", run.counts(), gateway.logText()).isTrue();
                vehicles = run.vehicles();
            }
            assertThat(vehicles).hasSize(VEHICLES);
            assertThat(Files.readAllLines(truthLog)).hasSize(VEHICLES)
                    .allSatisfy(line -> assertThat(VehicleTruthLog.parse(line)).isIn(truthsOf(vehicles)));
            assertTheSeedCoversEveryFault(vehicles);

            Lane lane = new Lane(vehicles, backEnd);
            await("every vehicle's parts in its inspection").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200)).until(lane::settled);
            lane.assertOneInspectionPerVehicleMatchingTheTruth();
            assertThat(gateway.metric("scangate_inspections_total{lane=\"" + LANE + "\"")).isEqualTo(VEHICLES);
        }
    }

    private static void assertTheSeedCoversEveryFault(List<VehiclePassage> vehicles) {
        List<VehicleTruth> truths = truthsOf(vehicles);
        assertThat(truths).as("seed %d: a no-read, a wrong check digit, a missing and a late X-ray, an alarm,"
                + " two containers, two views", SEED)
                .anyMatch(VehicleTruth::ocrNoRead).anyMatch(VehicleTruth::wrongCheckDigit)
                .anyMatch(VehicleTruth::xrayMissing).anyMatch(VehicleTruth::xrayLate).anyMatch(VehicleTruth::gammaAlarm)
                .anyMatch(t -> t.containers().size() == 2).anyMatch(t -> t.xrayViews() == 2);
    }

    private static List<VehicleTruth> truthsOf(List<VehiclePassage> vehicles) {
        return vehicles.stream().map(VehiclePassage::truth).toList();
    }

    /**
     * The default gate-lane geometry (OCR, radiation portal 20 m on at 4-12 mph, X-ray 35-45 s later, 30 s
     * minimum headway) with busier traffic, more faults than a real lane, and late X-rays 100-130 s late.
     */
    private static VehicleLaneSettings traffic() {
        return new VehicleLaneSettings(110, 30, 0.1, 0.4, 20, 4, 12, 35, 45, 0.5, 5, 20,
                0.12, 0.2, 0.12, 0.12, 100, 130, 0.15);
    }

    /** Correlation windows of the scenario's geometry divided by the acceleration. */
    private static String gatewayYaml(String brokerUri, int vm250Port, int ocrPort, int dicomPort, Path dir) {
        return """
                site: test-port
                gatewayId: gw-lane
                journal: {directory: '%s', maxBytes: 64MiB, segmentBytes: 4MiB, maxRecordBytes: 1MiB}
                blobs: {directory: '%s', maxBytes: 256MiB}
                mqtt: {serverUri: '%s', reconnectMin: 200ms, reconnectMax: 2s}
                devices:
                  - {id: lane-1-ocr, driver: ocr, lane: lane-1,
                     transport: {kind: tcp-server, host: 127.0.0.1, port: %d}, params: {framing: HTTP, path: /ocr/reads}}
                  - {id: lane-1-rpm, driver: vm250, lane: lane-1,
                     transport: {kind: tcp-client, host: 127.0.0.1, port: %d, reconnectMin: 100ms, reconnectMax: 1s}}
                  - {id: lane-1-xray, driver: dicos, lane: lane-1, family: XRAY,
                     transport: {kind: tcp-server, host: 127.0.0.1, port: %d}, params: {calledAeTitle: SCANGATE}}
                correlation:
                  maxOpenPerLane: 64
                  sweepInterval: 100ms
                  lanes:
                    - lane: lane-1
                      parts:
                        - {kind: conveyance}
                        - {kind: radiation, after: %s, tolerance: %s}
                        - {kind: xray, after: %s, tolerance: %s}
                      deadline: %s
                      settle: %s
                """.formatted(dir.resolve("journal"), dir.resolve("blobs"), brokerUri, ocrPort, vm250Port, dicomPort,
                scaled(7_500), scaled(10_000), scaled(40_000), scaled(10_000), scaled(95_000), scaled(5_000));
    }

    private static String scaled(long scenarioMillis) {
        return Math.round(scenarioMillis / ACCELERATION) + "ms";
    }

    /** What the back-end received, read against the run's ground truth. */
    private static final class Lane {
        private final List<VehiclePassage> vehicles;
        private final CountingSubscriber backEnd;
        private final Map<String, Long> vehicleOfStudy = new HashMap<>();
        private Map<String, List<Inspection>> revisions = Map.of();
        private Map<String, Envelope> parts = Map.of();

        Lane(List<VehiclePassage> vehicles, CountingSubscriber backEnd) {
            this.vehicles = vehicles;
            this.backEnd = backEnd;
            for (VehiclePassage v : vehicles) {
                v.parts().stream().filter(p -> p instanceof PartEvent.XrayImage).map(p -> (PartEvent.XrayImage) p)
                        .forEach(x -> vehicleOfStudy.put(x.studyUid(), x.vehicle()));
            }
        }

        /** Every vehicle has an inspection holding every part the devices delivered for it. */
        boolean settled() {
            read();
            Map<Long, Inspection> finals = finalsByVehicle();
            return vehicles.stream().allMatch(v -> {
                Inspection i = finals.get(v.truth().vehicle());
                return i != null && i.getXrayCount() == v.truth().xrayViews();
            });
        }

        private void read() {
            parts = backEnd.received().stream().collect(Collectors.toMap(r -> r.envelope().getEventId(),
                    Received::envelope, (a, b) -> a));
            Map<String, List<Inspection>> byId = new HashMap<>();
            for (Received r : backEnd.byKind("inspection")) {
                Inspection i = r.envelope().getInspection();
                byId.computeIfAbsent(i.getInspectionId(), k -> new ArrayList<>()).add(i);
            }
            revisions = byId;
        }

        private Map<Long, Inspection> finalsByVehicle() {
            Map<Long, Inspection> out = new HashMap<>();
            for (List<Inspection> records : revisions.values()) {
                Inspection last = records.get(records.size() - 1);
                Set<Long> sources = vehiclesIn(last);
                if (sources.size() == 1) {
                    out.put(sources.iterator().next(), last);
                }
            }
            return out;
        }

        /** The vehicles the parts of an inspection came from: by OCR read id, occupancy counter and study UID. */
        private Set<Long> vehiclesIn(Inspection i) {
            Set<Long> sources = i.getJoinsList().stream().map(j -> {
                Envelope e = parts.get(j.getEventId());
                if (e == null) {
                    return -1L;
                }
                return switch (j.getPart()) {
                    case INSPECTION_PART_CONVEYANCE -> {
                        String readId = e.getConveyanceId().getReadId();
                        yield Long.parseLong(readId.substring(readId.lastIndexOf('-') + 1));
                    }
                    case INSPECTION_PART_RADIATION -> e.getRadiationScan().getDeviceCounter() - 1L;
                    case INSPECTION_PART_XRAY -> vehicleOfStudy.getOrDefault(e.getXrayScan().getStudyInstanceUid(), -1L);
                    default -> -1L;
                };
            }).collect(Collectors.toSet());
            return sources;
        }

        void assertOneInspectionPerVehicleMatchingTheTruth() {
            for (List<Inspection> records : revisions.values()) {
                for (int r = 0; r < records.size(); r++) {
                    Inspection i = records.get(r);
                    assertThat(i.getRevision()).as("revisions in order of %s", i.getInspectionId()).isEqualTo(r + 1);
                    assertThat(i.getAmendsInspectionId()).isEqualTo(r == 0 ? "" : i.getInspectionId());
                    assertThat(vehiclesIn(i)).as("vehicles joined in %s", i).hasSize(1).doesNotContain(-1L);
                    assertThat(i.getJoinsList()).as("offset errors are valid protobuf durations (JSON-printable)")
                            .allMatch(j -> Durations.isValid(j.getOffsetError()));
                }
            }
            Map<Long, Inspection> finals = finalsByVehicle();
            assertThat(revisions).as("one inspection per vehicle").hasSize(vehicles.size());
            assertThat(finals.keySet()).as("every vehicle inspected")
                    .containsExactlyInAnyOrderElementsOf(vehicles.stream().map(v -> v.truth().vehicle()).toList());

            long complete = 0;
            List<String> incomplete = new ArrayList<>();
            for (VehiclePassage v : vehicles) {
                Inspection i = finals.get(v.truth().vehicle());
                check(v, i, revisions.get(i.getInspectionId()).get(0));
                if (i.getComplete()) {
                    complete++;
                } else {
                    incomplete.add("vehicle " + v.truth().vehicle() + " missing " + i.getMissingList().stream()
                            .map(m -> m.getPart().name().substring("INSPECTION_PART_".length()) + "("
                                    + m.getReason().name().substring("MISSING_REASON_".length()) + ": " + m.getDetail() + ")")
                            .collect(Collectors.joining(", ")));
                }
            }
            long amended = finals.values().stream().filter(i -> i.getRevision() > 1).count();
            System.out.printf(Locale.ROOT, "lane simulation end to end: vehicles=%d inspections=%d complete=%d (%.1f%%)"
                    + " incomplete=%d amended=%d records=%d acceleration=%.0f%n", vehicles.size(), finals.size(), complete,
                    100.0 * complete / vehicles.size(), incomplete.size(), amended,
                    revisions.values().stream().mapToInt(List::size).sum(), ACCELERATION);
            incomplete.forEach(line -> System.out.println("  " + line));
            for (InspectionPart part : List.of(INSPECTION_PART_RADIATION, INSPECTION_PART_XRAY)) {
                long worst = finals.values().stream().flatMap(i -> i.getJoinsList().stream())
                        .filter(j -> j.getPart() == part && j.getMethod() != JoinMethod.JOIN_METHOD_SAME_STUDY)
                        .mapToLong(j -> Math.abs(Durations.toMillis(j.getOffsetError()))).max().orElse(0);
                System.out.printf(Locale.ROOT, "  largest offset error of a %s join: %d ms wall (tolerance %s)%n",
                        part.name().substring("INSPECTION_PART_".length()).toLowerCase(Locale.ROOT), worst, scaled(10_000));
            }
        }

        private static void check(VehiclePassage v, Inspection i, Inspection first) {
            VehicleTruth truth = v.truth();
            String what = "vehicle " + truth + " inspection " + i;
            assertThat(i.getExpectedList()).containsExactly(INSPECTION_PART_CONVEYANCE, INSPECTION_PART_RADIATION,
                    INSPECTION_PART_XRAY);
            assertThat(i.getComplete()).as(what).isEqualTo(truth.completeExpected());
            PartEvent.OcrRead read = v.parts().stream().filter(p -> p instanceof PartEvent.OcrRead)
                    .map(p -> (PartEvent.OcrRead) p).findFirst().orElseThrow();
            if (truth.ocrNoRead()) {
                assertThat(i.getMissingList()).as(what).anySatisfy(m -> assertMissing(m, INSPECTION_PART_CONVEYANCE,
                        MissingReason.MISSING_REASON_NO_READ));
                assertThat(i.getContainersList()).as(what).isEmpty();
            } else {
                assertThat(i.getLicencePlate()).as(what).isEqualTo(truth.plate());
                assertThat(i.getContainersList()).extracting(ContainerCode::getCode).as(what)
                        .containsExactlyElementsOf(read.containerCodes());
                for (ContainerCode code : i.getContainersList()) {
                    boolean misread = !truth.containers().contains(code.getCode());
                    assertThat(code.getCheck()).as(what).isEqualTo(misread ? CheckDigitResult.CHECK_DIGIT_INVALID
                            : CheckDigitResult.CHECK_DIGIT_VALID);
                    if (misread) {
                        assertThat(truth.containers()).as(what).contains(code.getCode().substring(0, 10)
                                + Iso6346.checkDigit(code.getCode()));
                    }
                }
                assertThat(i.getContainersList().stream().anyMatch(c -> c.getCheck() == CheckDigitResult.CHECK_DIGIT_INVALID))
                        .as(what).isEqualTo(truth.wrongCheckDigit());
            }
            assertThat(i.getRadiation().getGammaAlarm()).as(what).isEqualTo(truth.gammaAlarm());
            assertThat(i.getRadiation().getEventId()).as(what).isNotEmpty();
            assertThat(i.getXrayList()).as(what).hasSize(truth.xrayViews())
                    .extracting(XrayResult::getStudyInstanceUid).allMatch(study -> study.endsWith("." + truth.vehicle()));
            if (truth.xrayMissing()) {
                assertThat(i.getMissingList()).as(what).anySatisfy(m -> assertMissing(m, INSPECTION_PART_XRAY,
                        MissingReason.MISSING_REASON_TIMEOUT));
            }
            if (truth.xrayLate()) {
                assertThat(first.getMissingList()).as("first revision of " + what).anySatisfy(m -> assertMissing(m,
                        INSPECTION_PART_XRAY, MissingReason.MISSING_REASON_TIMEOUT));
                assertThat(i.getRevision()).as(what).isGreaterThan(1);
            } else {
                assertThat(i.getRevision()).as(what).isEqualTo(1);
            }
            if (!i.getComplete()) {
                assertThat(i.getMissingList()).as(what).isNotEmpty().allSatisfy(m -> assertThat(m.getDetail()).isNotBlank());
            }
        }

        private static void assertMissing(MissingPart m, InspectionPart part, MissingReason reason) {
            assertThat(m.getPart()).isEqualTo(part);
            assertThat(m.getReason()).isEqualTo(reason);
            assertThat(m.getDetail()).isNotBlank();
        }
    }
}
