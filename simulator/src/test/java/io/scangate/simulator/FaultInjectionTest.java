package io.scangate.simulator;

import io.scangate.simulator.scenario.FaultSettings;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every fault, injected on demand into the first occupancy, is visible on the wire and in the ground truth. */
class FaultInjectionTest {

    private static final Set<String> KNOWN_TAGS =
            Set.of("GB", "GH", "GL", "GS", "GA", "NB", "NH", "NS", "NA", "SP", "GX", "TT", "TC",
                    "SG1", "SG2", "SG3", "SN1", "SN2");

    private static Simulator start(Fault fault, FaultSettings faults) {
        Simulator sim = Simulator.start(SimulatorOptions.builder().seed(11).acceleration(2000)
                .maxOccupanciesPerLane(2).faults(faults).build());
        sim.inject("lane-1", fault);
        return sim;
    }

    private static Predicate<List<byte[]>> gxLines(int count) {
        return lines -> WireClient.count(lines, "GX") >= count;
    }

    /** A client can see the wire before the lane has recorded the occupancy (or why it ended): wait for it. */
    private static OccupancyTruth firstTruth(Simulator sim) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !sim.groundTruth().isEmpty());
        return sim.groundTruth().get(0);
    }

    @Test
    void garbageBytes() throws Exception {
        try (Simulator sim = start(Fault.GARBAGE, FaultSettings.none());
             WireClient client = new WireClient(sim.port("lane-1"))) {
            List<byte[]> lines = client.readUntil(gxLines(1));
            assertThat(lines).anySatisfy(line -> assertThat(hasHighBytes(line)).isTrue());
            assertThat(firstTruth(sim).faults()).containsExactly(Fault.GARBAGE);
        }
    }

    @Test
    void missingValue() throws Exception {
        try (Simulator sim = start(Fault.MISSING_VALUE, FaultSettings.none());
             WireClient client = new WireClient(sim.port("lane-1"))) {
            client.readUntil(gxLines(1));
            assertThat(client.text()).anySatisfy(line -> assertThat(line).matches("G[SA],.*\\*\\*\\*.*"));
            assertThat(client.text()).allSatisfy(line -> assertThat(Vm250Grammar.isDeviceLine(line)).isTrue());
        }
    }

    @Test
    void unknownTag() throws Exception {
        try (Simulator sim = start(Fault.UNKNOWN_TAG, FaultSettings.none());
             WireClient client = new WireClient(sim.port("lane-1"))) {
            client.readUntil(gxLines(1));
            assertThat(client.text()).anySatisfy(line -> {
                assertThat(line).matches("[A-Z0-9]+,\\d+");
                assertThat(KNOWN_TAGS).doesNotContain(line.substring(0, line.indexOf(',')));
            });
            assertThat(firstTruth(sim).gxSent()).isTrue();
        }
    }

    @Test
    void missingGx() throws Exception {
        try (Simulator sim = start(Fault.MISSING_GX, FaultSettings.none());
             WireClient client = new WireClient(sim.port("lane-1"))) {
            client.readUntil(gxLines(1));
            List<String> text = client.text();
            int firstGs = indexOfPrefix(text, "GS,", 0);
            int nextBackground = indexOfPrefix(text, "GB,", firstGs);
            int firstGx = indexOfPrefix(text, "GX,", 0);
            assertThat(nextBackground).isBetween(firstGs, firstGx);
            assertThat(sim.groundTruth().get(0).gxSent()).isFalse();
            assertThat(sim.groundTruth().get(0).faults()).containsExactly(Fault.MISSING_GX);
            assertThat(text.get(firstGx)).startsWith("GX,000002,");
        }
    }

    @Test
    void tamper() throws Exception {
        try (Simulator sim = start(Fault.TAMPER, FaultSettings.none());
             WireClient client = new WireClient(sim.port("lane-1"))) {
            client.readUntil(gxLines(1));
            List<String> text = client.text();
            assertThat(text.indexOf("TT")).isNotNegative().isLessThan(text.indexOf("TC"));
        }
    }

    @Test
    void counterReset() throws Exception {
        try (Simulator sim = start(Fault.COUNTER_RESET, FaultSettings.none());
             WireClient client = new WireClient(sim.port("lane-1"))) {
            client.readUntil(gxLines(2));
            assertThat(client.text().stream().filter(l -> l.startsWith("GX,")).map(l -> l.substring(0, 9)))
                    .containsExactly("GX,000000", "GX,000001");
            assertThat(firstTruth(sim).deviceCounter()).isZero();
        }
    }

    @Test
    void slowDeviceWritesByteByByte() throws Exception {
        FaultSettings slow = FaultSettings.none().withSlowByteDelay(Duration.ofMillis(20));
        try (Simulator sim = start(Fault.SLOW_DEVICE, slow);
             WireClient client = new WireClient(sim.port("lane-1"))) {
            client.readUntil(gxLines(1));
            assertThat(client.readSizes()).contains(1);
            assertThat(client.text()).allSatisfy(line -> assertThat(Vm250Grammar.isDeviceLine(line)).isTrue());
            assertThat(firstTruth(sim).faults()).containsExactly(Fault.SLOW_DEVICE);
        }
    }

    @Test
    void oversizeFrame() throws Exception {
        try (Simulator sim = start(Fault.OVERSIZE_FRAME, FaultSettings.none().withOversizeBytes(1 << 20));
             WireClient client = new WireClient(sim.port("lane-1"))) {
            List<byte[]> lines = client.readUntil(gxLines(1));
            assertThat(lines).anySatisfy(line -> assertThat(line.length).isEqualTo(1 << 20));
            assertThat(firstTruth(sim).gxSent()).isTrue();
        }
    }

    @Test
    void dropMidLineThenTheLaneGoesOnAfterReconnect() throws Exception {
        try (Simulator sim = start(Fault.DROP_MID_LINE, FaultSettings.none())) {
            try (WireClient client = new WireClient(sim.port("lane-1"))) {
                client.readUntil(lines -> false);
                assertThat(client.endOfStream()).isTrue();
                assertThat(client.trailing()).isNotEmpty();
                assertThat(new String(client.trailing(), StandardCharsets.US_ASCII)).doesNotContain("\r\n");
                assertThat(WireClient.count(client.readUntil(l -> true), "GX")).isZero();
            }
            OccupancyTruth dropped = firstTruth(sim);
            assertThat(dropped.interrupted()).isTrue();
            assertThat(dropped.gxSent()).isFalse();
            assertThat(dropped.faults()).containsExactly(Fault.DROP_MID_LINE);
            try (WireClient again = new WireClient(sim.port("lane-1"))) {
                again.readUntil(gxLines(1));
                assertThat(again.text().get(0)).startsWith("SG1,");
                assertThat(sim.awaitCompleted(Duration.ofSeconds(30))).isTrue();
                assertThat(sim.groundTruth()).extracting(OccupancyTruth::index).containsExactly(1L, 2L);
            }
        }
    }

    @Test
    void faultsDrawnByProbability() throws Exception {
        FaultSettings always = FaultSettings.none().withProbability(Fault.UNKNOWN_TAG, 1.0)
                .withProbability(Fault.TAMPER, 1.0);
        SimulatorOptions options = SimulatorOptions.builder().seed(4).acceleration(2000).maxOccupanciesPerLane(3)
                .faults(always).build();
        try (Simulator sim = Simulator.start(options); WireClient client = new WireClient(sim.port("lane-1"))) {
            client.readUntil(gxLines(3));
            assertThat(sim.awaitCompleted(Duration.ofSeconds(30))).isTrue();
            assertThat(sim.groundTruth()).allSatisfy(t ->
                    assertThat(t.faults()).containsExactlyInAnyOrder(Fault.UNKNOWN_TAG, Fault.TAMPER));
            assertThat(client.text().stream().filter(l -> l.equals("TT"))).hasSize(3);
        }
    }

    private static int indexOfPrefix(List<String> lines, String prefix, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean hasHighBytes(byte[] line) {
        for (byte b : line) {
            if ((b & 0xFF) >= 0x80) {
                return true;
            }
        }
        return false;
    }
}
