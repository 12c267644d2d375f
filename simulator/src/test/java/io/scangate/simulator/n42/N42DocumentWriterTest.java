package io.scangate.simulator.n42;

import static org.assertj.core.api.Assertions.assertThat;

import io.scangate.simulator.n42.SimulatedDocument.GammaSpectrum;
import io.scangate.simulator.n42.SimulatedDocument.Kind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The writer's documents read back with the JDK's DOM parser to the numbers the simulator meant. */
class N42DocumentWriterTest {

    private static List<SimulatedDocument> documents(long seed, double alarmProbability, int count) {
        N42Scenario scenario = new N42Scenario(N42LaneSettings.defaults().withSeed(seed)
                .withAlarmProbability(alarmProbability).withOccupanciesPerHour(120));
        List<SimulatedDocument> documents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            documents.add(scenario.next());
        }
        return documents;
    }

    private static N42DocumentWriter writer(boolean countedZeroes) {
        return new N42DocumentWriter("lane-7", N42Scenario.GAMMA_DETECTORS, N42Scenario.NEUTRON_DETECTORS,
                countedZeroes);
    }

    @Test
    void everyKindOfDocumentParsesBackToTheSameNumbersWithAndWithoutCountedZeroes() throws Exception {
        List<SimulatedDocument> documents = documents(11, 0.5, 40);
        assertThat(documents).extracting(SimulatedDocument::kind).contains(Kind.BACKGROUND, Kind.FOREGROUND, Kind.ALARM);
        for (boolean countedZeroes : new boolean[] {true, false}) {
            for (SimulatedDocument document : documents) {
                assertParsesBack(document, writer(countedZeroes).write(document));
            }
        }
    }

    private static void assertParsesBack(SimulatedDocument expected, byte[] bytes) throws Exception {
        N42Xml.Parsed parsed = N42Xml.parse(bytes);
        assertThat(parsed.uuid()).isEqualTo(expected.uuid());
        assertThat(parsed.detectors()).containsExactly("Gamma1", "Gamma2", "Neutron1", "Neutron2");
        assertThat(parsed.calibrations().get(N42DocumentWriter.CALIBRATION_ID)).containsExactly(0, 3.0);
        assertThat(parsed.measurements()).singleElement().satisfies(measurement -> {
            assertThat(measurement.classCode()).isEqualTo(expected.kind() == Kind.BACKGROUND ? "Background" : "Foreground");
            assertThat(measurement.occupied()).isEqualTo(expected.kind() != Kind.BACKGROUND);
            assertThat(measurement.start()).isEqualTo(expected.start());
            assertThat(measurement.realTime()).isEqualTo(expected.realTime());
            assertThat(measurement.spectra()).hasSize(2);
            for (int i = 0; i < 2; i++) {
                GammaSpectrum sent = expected.spectra().get(i);
                N42Xml.Spectrum read = measurement.spectra().get(i);
                assertThat(read.detector()).isEqualTo(sent.detector());
                assertThat(read.liveTime()).isEqualTo(sent.liveTime());
                assertThat(read.channels()).hasSize(SpectrumModel.CHANNELS)
                        .containsExactly(Arrays.stream(sent.channels()).asLongStream().toArray());
                assertThat(read.sum()).isEqualTo(sent.sum());
            }
            assertThat(measurement.grossCounts()).isEqualTo(expected.neutronCounts());
        });
        if (expected.kind() == Kind.ALARM) {
            assertThat(parsed.alarmCategories()).containsExactly("Gamma");
            assertThat(parsed.nuclides()).containsExactly(Map.entry("Cs-137", expected.confidence()));
        } else {
            assertThat(parsed.alarmCategories()).isEmpty();
            assertThat(parsed.nuclides()).isEmpty();
        }
    }

    @Test
    void countedZeroesIsShorterAndAnAllZeroSpectrumIsOneRun() throws Exception {
        SimulatedDocument background = documents(3, 0, 1).get(0);
        int[] zeros = new int[SpectrumModel.CHANNELS];
        SimulatedDocument empty = new SimulatedDocument(background.uuid(), Kind.BACKGROUND, background.start(),
                background.realTime(), List.of(new GammaSpectrum("Gamma1", background.realTime(), zeros)),
                background.neutronCounts(), null, 0);
        String compressed = new String(writer(true).write(empty), StandardCharsets.UTF_8);
        assertThat(compressed).contains("<ChannelData compressionCode=\"CountedZeroes\">0 1024</ChannelData>");
        assertThat(N42Xml.parse(compressed.getBytes(StandardCharsets.UTF_8)).measurements().get(0).spectra().get(0)
                .channels()).hasSize(1024).containsOnly(0L);
        assertThat(writer(true).write(background).length).isLessThan(writer(false).write(background).length);
    }

    @Test
    void anAlarmSpectrumShowsTheCs137PeakAboveTheContinuum() {
        SimulatedDocument alarm = documents(5, 1, 10).stream().filter(d -> d.kind() == Kind.ALARM).findFirst()
                .orElseThrow();
        SimulatedDocument foreground = documents(5, 0, 10).stream().filter(d -> d.kind() == Kind.FOREGROUND)
                .findFirst().orElseThrow();
        int peak = (int) Math.round(SpectrumModel.CS137_KEV / SpectrumModel.KEV_PER_CHANNEL);
        double alarmRatio = window(alarm, peak - 8, peak + 8) / (double) window(alarm, peak + 40, peak + 56);
        double plainRatio = window(foreground, peak - 8, peak + 8) / (double) window(foreground, peak + 40, peak + 56);
        assertThat(alarmRatio).isGreaterThan(3 * plainRatio);
        assertThat(alarm.nuclide()).isEqualTo("Cs-137");
        assertThat(alarm.confidence()).isBetween(70, 98);
    }

    private static long window(SimulatedDocument document, int from, int to) {
        long sum = 0;
        for (int ch = from; ch <= to; ch++) {
            sum += document.spectra().get(0).channels()[ch];
        }
        return sum;
    }

    @Test
    void aSeedReplaysTheSameDocuments() {
        List<SimulatedDocument> first = documents(99, 0.3, 10);
        List<SimulatedDocument> second = documents(99, 0.3, 10);
        for (int i = 0; i < first.size(); i++) {
            assertThat(writer(true).write(second.get(i))).isEqualTo(writer(true).write(first.get(i)));
        }
    }

    @Test
    void backgroundRatesAndPassageLengthsAreRealistic() {
        List<SimulatedDocument> documents = documents(21, 0, 400);
        SimulatedDocument background = documents.stream().filter(d -> d.kind() == Kind.BACKGROUND).findFirst()
                .orElseThrow();
        double seconds = background.spectra().get(0).liveTime().toMillis() / 1000.0;
        assertThat(background.spectra().get(0).sum() / seconds).isBetween(380.0, 420.0);
        List<Double> lengths = documents.stream().filter(d -> d.kind() == Kind.FOREGROUND)
                .map(d -> d.realTime().toMillis() / 1000.0).sorted().toList();
        assertThat(lengths.get(lengths.size() / 2)).isBetween(9.0, 12.0);
    }
}
