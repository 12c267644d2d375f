package io.scangate.driver.n42;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.scangate.proto.v1.Envelope;
import io.scangate.proto.v1.MeasurementKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mapping rules that the golden documents do not pin down on their own. */
class N42MappingTest {

    private static byte[] document(String body) {
        return ("<RadInstrumentData xmlns=\"http://physics.nist.gov/N42/2011/N42\">" + body + "</RadInstrumentData>")
                .getBytes(UTF_8);
    }

    private static String measurement(String classCode, String extra) {
        return "<RadMeasurement id=\"m\"><MeasurementClassCode>" + classCode + "</MeasurementClassCode>"
                + "<StartDateTime>2026-11-26T08:00:00Z</StartDateTime><RealTimeDuration>PT210S</RealTimeDuration>"
                + "<GrossCounts radDetectorInformationReference=\"G1\"><CountData>10 20.4</CountData></GrossCounts>"
                + extra + "</RadMeasurement>";
    }

    @Test
    void measurementClassesMapToKinds() {
        assertThat(kind("Foreground", "")).isEqualTo(MeasurementKind.MEASUREMENT_KIND_FOREGROUND);
        assertThat(kind("Foreground", "<OccupancyIndicator>false</OccupancyIndicator>"))
                .isEqualTo(MeasurementKind.MEASUREMENT_KIND_FOREGROUND);
        assertThat(kind("Calibration", "")).isEqualTo(MeasurementKind.MEASUREMENT_KIND_CALIBRATION);
        assertThat(kind("IntrinsicActivity", "")).isEqualTo(MeasurementKind.MEASUREMENT_KIND_UNSPECIFIED);
        assertThat(kind("NotSpecified", "")).isEqualTo(MeasurementKind.MEASUREMENT_KIND_UNSPECIFIED);
        assertThat(kind("Background", "")).isEqualTo(MeasurementKind.MEASUREMENT_KIND_GAMMA_BACKGROUND);
    }

    private static MeasurementKind kind(String classCode, String extra) {
        N42Result result = N42Documents.parse(document(measurement(classCode, extra)));
        assertThat(result.problems()).isEmpty();
        Envelope.Builder message = result.messages().get(0);
        assertThat(message.getRadiationMeasurement().getRealTime().getSeconds()).isEqualTo(210);
        assertThat(message.getRadiationMeasurement().getCountsList()).containsExactly(30);
        assertThat(message.getDeviceTime().getSeconds()).isEqualTo(1_795_680_000L);
        return message.getRadiationMeasurement().getKind();
    }

    @Test
    void aForegroundWithOccupancyOrInADocumentWithAnalysisBecomesAScan() {
        N42Result occupied = N42Documents.parse(document(
                measurement("Foreground", "<OccupancyIndicator>1</OccupancyIndicator>")));
        assertThat(occupied.messages()).singleElement().matches(Envelope.Builder::hasRadiationScan);

        N42Result analysed = N42Documents.parse(document(measurement("Foreground", "")
                + "<AnalysisResults><RadAlarm><RadAlarmCategoryCode>Neutron</RadAlarmCategoryCode></RadAlarm>"
                + "</AnalysisResults>"));
        assertThat(analysed.messages()).singleElement().satisfies(message -> {
            assertThat(message.getRadiationScan().getNeutronAlarm()).isTrue();
            assertThat(message.getRadiationScan().getGammaAlarm()).isFalse();
            assertThat(message.getRadiationScan().getGamma(0).getLength().getSeconds()).isEqualTo(210);
        });
    }

    @Test
    void analysisWithoutMeasurementsStillGivesAScanTimedByItsAlarm() {
        N42Result result = N42Documents.parse(document("<AnalysisResults><RadAlarm>"
                + "<RadAlarmDateTime>2026-11-26T08:00:01Z</RadAlarmDateTime>"
                + "<RadAlarmCategoryCode>Gamma</RadAlarmCategoryCode></RadAlarm></AnalysisResults>"));
        assertThat(result.messages()).singleElement().satisfies(message -> {
            assertThat(message.getRadiationScan().getGammaAlarm()).isTrue();
            assertThat(message.getRadiationScan().getStartTime().getSeconds()).isEqualTo(1_795_680_001L);
        });
    }

    @Test
    void unreadableValuesAreReportedAndLeftOutWhileTheRestIsKept() {
        N42Result result = N42Documents.parse(document("<RadMeasurement id=\"m\">"
                + "<MeasurementClassCode>Background</MeasurementClassCode>"
                + "<StartDateTime>yesterday</StartDateTime><RealTimeDuration>P1M</RealTimeDuration>"
                + "<Spectrum id=\"s\" radDetectorInformationReference=\"G1\" energyCalibrationReference=\"missing\">"
                + "<LiveTimeDuration>-PT1S</LiveTimeDuration><ChannelData>1 2 3</ChannelData></Spectrum>"
                + "<GrossCounts radDetectorInformationReference=\"N1\"><CountData>-4</CountData></GrossCounts>"
                + "</RadMeasurement><EnergyCalibration id=\"bad\"><CoefficientValues>1 x</CoefficientValues>"
                + "</EnergyCalibration>"));
        assertThat(result.problems()).extracting(N42Problem::reason).containsExactlyInAnyOrder("bad_number",
                "bad_number", "bad_time", "bad_duration", "bad_duration", "unknown_reference");
        assertThat(result.messages()).singleElement().satisfies(message -> {
            assertThat(message.hasDeviceTime()).isFalse();
            assertThat(message.getRadiationMeasurement().getSpectra(0).getChannelCountsList()).containsExactly(1, 2, 3);
        });
    }

    @Test
    void anEnergyCalibrationAfterItsSpectrumIsStillFound() {
        N42Result result = N42Documents.parse(document("<RadMeasurement id=\"m\">"
                + "<MeasurementClassCode>Background</MeasurementClassCode>"
                + "<Spectrum radDetectorInformationReference=\"G1\" energyCalibrationReference=\"late\">"
                + "<ChannelData>1 2</ChannelData></Spectrum></RadMeasurement>"
                + "<EnergyCalibration id=\"late\"><CoefficientValues>0 3 0.001</CoefficientValues></EnergyCalibration>"));
        assertThat(result.problems()).isEmpty();
        assertThat(result.messages().get(0).getRadiationMeasurement().getSpectra(0).getCalibration()
                .getCoefficientsList()).containsExactly(0.0, 3.0, 0.001);
    }

    @Test
    void aDocumentWithNothingToMapIsKeptRawAndReported() {
        N42Result result = N42Documents.parse(document(""));
        assertThat(result.problems()).extracting(N42Problem::reason).containsExactly("no_content");
        assertThat(result.messages()).singleElement().matches(Envelope.Builder::hasRawRecord);
    }

    @Test
    void unmappedItemsAreBoundedAndTheOverflowReported() {
        String many = "<v:x xmlns:v=\"urn:v\">1</v:x>".repeat(30);
        N42Result result = N42Documents.parse(document(many), new N42Config(null, null, null, 10, null));
        assertThat(result.problems()).extracting(N42Problem::reason).containsExactly("unmapped_truncated");
        assertThat(result.problems().get(0).detail()).startsWith("20 unmapped items");
        assertThat(result.messages()).singleElement().satisfies(raw ->
                assertThat(raw.getRawRecord().getPayload().toStringUtf8().lines()).hasSize(10));
    }

    @Test
    void inAScanVendorExtensionsGoToItsUnmappedLinesAndNoRawRecordIsEmitted() {
        N42Result result = N42Documents.parse(document("<v:Lane xmlns:v=\"urn:v\" no=\"3\"/>"
                + measurement("Foreground", "<OccupancyIndicator>true</OccupancyIndicator><v:Speed xmlns:v=\"urn:v\">"
                + "12.5</v:Speed>")));
        assertThat(result.problems()).isEmpty();
        assertThat(result.messages()).singleElement().satisfies(message ->
                assertThat(message.getRadiationScan().getUnmappedList()).containsExactly(
                        "RadInstrumentData/v:Lane@no: 3", "RadInstrumentData/RadMeasurement[m]/v:Speed: 12.5"));
    }

    @Test
    void theDriverEmitsTheDeviceSetupOnlyWhenItChanges() {
        byte[] first = document("<RadInstrumentInformation><RadInstrumentModelName>A</RadInstrumentModelName>"
                + "</RadInstrumentInformation>" + measurement("Background", ""));
        byte[] changed = document("<RadInstrumentInformation><RadInstrumentModelName>B</RadInstrumentModelName>"
                + "</RadInstrumentInformation>" + measurement("Background", ""));
        DriverHarness harness = new DriverHarness().feed(DriverHarness.framed(first, first, changed));
        List<String> bodies = harness.device().emitted().stream().map(m -> m.getBodyCase().name()).toList();
        assertThat(bodies).containsExactly("DEVICE_SETUP", "RADIATION_MEASUREMENT", "RADIATION_MEASUREMENT",
                "DEVICE_SETUP", "RADIATION_MEASUREMENT");
    }
}
