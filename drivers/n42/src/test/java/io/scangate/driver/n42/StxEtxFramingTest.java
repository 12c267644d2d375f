package io.scangate.driver.n42;

import io.scangate.driver.testkit.RecordingDeviceContext;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.scangate.driver.testkit.RecordingDeviceContext.DecodeError;
import io.scangate.proto.v1.Envelope;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Framing STX ... ETX on the real pipeline: limits, garbage and cut documents are reported, never silent. */
class StxEtxFramingTest {

    private static final int LIMIT = 2048;

    static byte[] background(String id, int padding) {
        return ("<?xml version=\"1.0\"?><RadInstrumentData xmlns=\"http://physics.nist.gov/N42/2011/N42\">"
                + "<RadMeasurement id=\"" + id + "\"><MeasurementClassCode>Background</MeasurementClassCode>"
                + "<RealTimeDuration>PT5S</RealTimeDuration><GrossCounts radDetectorInformationReference=\"G1\">"
                + "<CountData>1900</CountData></GrossCounts></RadMeasurement>" + "<!--" + "x".repeat(padding) + "-->"
                + "</RadInstrumentData>").getBytes(UTF_8);
    }

    private static DriverHarness harness() {
        return new DriverHarness(new N42Config(LIMIT, null, null, null, null));
    }

    private static List<String> measurementIds(DriverHarness harness) {
        return harness.device().emitted().stream().filter(Envelope::hasRadiationMeasurement)
                .map(m -> m.getRadiationMeasurement().getSourceTag()).toList();
    }

    private static List<String> reasons(DriverHarness harness) {
        return harness.device().decodeErrors().stream().map(DecodeError::reason).toList();
    }

    @Test
    void documentsInOneReadAndWhitespaceBetweenThemAreDecodedWithoutErrors() {
        byte[] two = concat(DriverHarness.framed(background("a", 0)), "\r\n".getBytes(UTF_8),
                DriverHarness.framed(background("b", 0)), "\n".getBytes(UTF_8));
        DriverHarness harness = harness().feed(two);
        assertThat(measurementIds(harness)).containsExactly("Background", "Background");
        assertThat(harness.device().decodeErrors()).isEmpty();
        assertThat(harness.device().frames()).isEqualTo(2);
    }

    @Test
    void bytesOutsideTheFramesAreReportedAsGarbageOnceAndTheNextDocumentStillCounts() {
        byte[] stream = concat("HELLO device banner\r\n".getBytes(UTF_8), DriverHarness.framed(background("a", 0)));
        DriverHarness harness = harness().feedInChunks(stream, 3);
        assertThat(reasons(harness)).containsExactly(StxEtxFramer.GARBAGE);
        assertThat(harness.device().decodeErrors().get(0).detail()).startsWith("21 bytes").contains("HELLO device banner");
        assertThat(measurementIds(harness)).hasSize(1);
    }

    @Test
    void aDocumentOverTheLimitIsSkippedToItsEtxAndReportedWhetherItArrivesAtOnceOrInPieces() {
        byte[] stream = concat(DriverHarness.framed(background("big", LIMIT)), DriverHarness.framed(background("a", 0)));
        for (int chunk : new int[] {stream.length, 100, 1}) {
            DriverHarness harness = harness().feedInChunks(stream, chunk);
            assertThat(reasons(harness)).as("chunk %d", chunk).containsExactly(StxEtxFramer.DOCUMENT_TOO_LARGE);
            assertThat(measurementIds(harness)).as("chunk %d", chunk).hasSize(1);
            assertThat(harness.device().frames()).isEqualTo(2);
        }
    }

    @Test
    void aDocumentAtTheLimitIsAccepted() {
        byte[] base = background("a", 0);
        byte[] exact = background("a", LIMIT - base.length);
        assertThat(exact).hasSize(LIMIT);
        DriverHarness harness = harness().feed(DriverHarness.framed(exact));
        assertThat(harness.device().decodeErrors()).isEmpty();
        assertThat(measurementIds(harness)).hasSize(1);
    }

    @Test
    void aDocumentCutByTheConnectionClosingIsReportedAndKeptAsARawRecordAndTheNextConnectionStartsClean() {
        byte[] whole = DriverHarness.framed(background("a", 0));
        byte[] cut = Arrays.copyOf(whole, 120);
        DriverHarness harness = harness().feed(cut).disconnect();
        assertThat(reasons(harness)).containsExactly(StxEtxFramer.TRUNCATED_DOCUMENT);
        Envelope raw = harness.device().emitted().get(0);
        assertThat(raw.getRawRecord().getPayload().toByteArray()).isEqualTo(Arrays.copyOfRange(cut, 1, 120));
        assertThat(raw.getRawRecord().getReason()).contains("connection closed");

        harness.reconnect().feed(whole);
        assertThat(measurementIds(harness)).hasSize(1);
        assertThat(reasons(harness)).hasSize(1);
    }

    @Test
    void anStxInsideADocumentCutsItAndStartsTheNextOne() {
        byte[] first = Arrays.copyOf(background("a", 0), 80);
        byte[] stream = concat(new byte[] {StxEtxFramer.STX}, first, DriverHarness.framed(background("b", 0)));
        DriverHarness harness = harness().feed(stream);
        assertThat(reasons(harness)).containsExactly(StxEtxFramer.TRUNCATED_DOCUMENT);
        assertThat(harness.device().emitted()).hasSize(2);
        assertThat(harness.device().emitted().get(0).getRawRecord().getPayload().toByteArray()).isEqualTo(first);
        assertThat(measurementIds(harness)).hasSize(1);
    }

    @Test
    void closingWhileSkippingAnOverLongDocumentOrAfterGarbageIsReported() {
        byte[] big = DriverHarness.framed(background("big", LIMIT * 2));
        DriverHarness skipping = harness().feed(Arrays.copyOf(big, LIMIT + 100)).disconnect();
        assertThat(reasons(skipping)).containsExactly(StxEtxFramer.DOCUMENT_TOO_LARGE,
                StxEtxFramer.DOCUMENT_TOO_LARGE);

        DriverHarness garbage = harness().feed("trailing noise".getBytes(UTF_8)).disconnect();
        assertThat(reasons(garbage)).containsExactly(StxEtxFramer.GARBAGE);
    }

    @Test
    void anEmptyFrameIsReportedAsMalformedAndKept() {
        DriverHarness harness = harness().feed(new byte[] {StxEtxFramer.STX, StxEtxFramer.ETX});
        assertThat(reasons(harness)).containsExactly("malformed_document");
        assertThat(harness.device().emitted()).singleElement().matches(Envelope::hasRawRecord);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
