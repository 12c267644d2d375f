package io.scangate.driver.vm250;

import io.scangate.driver.testkit.RecordingDeviceContext;
import static org.assertj.core.api.Assertions.assertThat;

import io.scangate.driver.testkit.RecordingDeviceContext.DecodeError;
import io.scangate.proto.v1.Envelope;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LineFramingTest {

    private static final String GB = "GB,000383,000389,000432,000423";
    private static final String NB = "NB,000001,000002,000000,000003";

    @Test
    void aOneMegabyteLineIsSkippedReportedOnceAndTheLinesAroundItAreDecoded() {
        byte[] huge = new byte[1024 * 1024];
        Arrays.fill(huge, (byte) 'G');
        DriverHarness harness = new DriverHarness()
                .feedLines(GB)
                .feed(huge)
                .feedLines("", NB);

        assertThat(tags(harness)).containsExactly("GB", "NB");
        assertThat(harness.device().decodeErrors()).extracting(DecodeError::reason)
                .containsExactly(LineFramer.LINE_TOO_LONG);
        assertThat(harness.device().decodeErrors().get(0).detail()).contains("over 256 bytes").contains("GGGG")
                .hasSizeLessThan(200);
        assertThat(harness.device().frames()).isEqualTo(3);
    }

    @Test
    void aTooLongLineArrivingWholeInOneReadIsReportedOnce() {
        String tooLong = "NC," + "1".repeat(300);
        DriverHarness harness = new DriverHarness().feedLines(GB, tooLong, NB);

        assertThat(tags(harness)).containsExactly("GB", "NB");
        assertThat(harness.device().decodeErrors()).extracting(DecodeError::reason)
                .containsExactly(LineFramer.LINE_TOO_LONG);
    }

    @Test
    void aLineOfExactlyTheLimitIsKeptEvenWhenItsLineEndArrivesLater() {
        String longest = "NC," + "1".repeat(253);
        DriverHarness harness = new DriverHarness(config(256))
                .feed(ascii(longest + "\r"))
                .feed(ascii("\n"));

        assertThat(harness.records()).singleElement()
                .isInstanceOfSatisfying(Vm250Record.Unknown.class, unknown -> assertThat(unknown.text()).isEqualTo(longest));
        assertThat(harness.device().decodeErrors()).isEmpty();
    }

    @Test
    void lineFeedAloneEndsALineToo() {
        DriverHarness harness = new DriverHarness().feed(ascii(GB + "\n" + NB + "\n"));

        assertThat(tags(harness)).containsExactly("GB", "NB");
    }

    @Test
    void garbageBytesAreReportedAndPassedOnAsARawRecordWithTheExactBytes() {
        byte[] garbage = {0x00, (byte) 0xFF, 0x1B, '[', '2', 'J'};
        DriverHarness harness = new DriverHarness().feed(garbage).feedLines("", GB);

        assertThat(harness.device().decodeErrors()).extracting(DecodeError::reason)
                .containsExactly("garbage");
        assertThat(harness.device().decodeErrors().get(0).detail()).contains("0x00");
        Envelope raw = harness.device().emitted().get(0);
        assertThat(raw.getRawRecord().getPayload().toByteArray()).isEqualTo(garbage);
        assertThat(raw.getRawRecord().getReason()).startsWith("garbage");
        assertThat(harness.device().emitted().get(1).getRadiationMeasurement().getSourceTag()).isEqualTo("GB");
    }

    @Test
    void anEmptyLineIsReportedNotSilentlyDropped() {
        DriverHarness harness = new DriverHarness().feedLines("", GB);

        assertThat(harness.device().decodeErrors()).extracting(DecodeError::detail)
                .singleElement().asString().contains("empty line");
        assertThat(tags(harness)).containsExactly("", "GB");
    }

    @Test
    void aLineCutByTheConnectionClosingIsReportedAsTruncated() {
        DriverHarness harness = new DriverHarness().feedLines(GB).feed(ascii("NB,000001,00")).disconnect();

        assertThat(tags(harness)).containsExactly("GB");
        assertThat(harness.device().decodeErrors()).singleElement().satisfies(error -> {
            assertThat(error.reason()).isEqualTo(LineFramer.TRUNCATED_LINE);
            assertThat(error.detail()).contains("NB,000001,00").contains("12 bytes");
        });
    }

    @Test
    void anOverLongTailAtDisconnectIsReportedOnceAsTooLongNotAgainAsTruncated() {
        byte[] tail = new byte[5000];
        Arrays.fill(tail, (byte) '7');
        DriverHarness harness = new DriverHarness().feed(tail).disconnect();

        assertThat(harness.device().decodeErrors()).extracting(DecodeError::reason)
                .containsExactly(LineFramer.LINE_TOO_LONG);
    }

    @Test
    void decodingCarriesOnOnTheNextConnectionAfterADropMidLine() {
        DriverHarness harness = new DriverHarness().feed(ascii("GB,0003")).disconnect().reconnect().feedLines(NB);

        assertThat(tags(harness)).containsExactly("NB");
        assertThat(harness.device().decodeErrors()).extracting(DecodeError::reason)
                .containsExactly(LineFramer.TRUNCATED_LINE);
    }

    private static Vm250Config config(int maxLineLength) {
        return new Vm250Config(maxLineLength, null, null, null, null, null, null);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static java.util.List<String> tags(DriverHarness harness) {
        return harness.records().stream().map(GoldenJson::record).map(node -> node.get("tag").asText()).toList();
    }
}
