package io.scangate.driver.n42;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.scangate.proto.v1.Envelope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile documents: entities are refused unread, expansion bombs cost nothing, decompression and nesting
 * are bounded, and every refusal leaves one decode error and the exact bytes as a raw record.
 */
class HardenedParsingTest {

    private static final String SECRET = "TOP-SECRET-CONTENT-4711";
    /** A guard against a hang only: expanding the bomb below would take minutes and gigabytes. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

    @Test
    void anExternalEntityPointingAtAnExistingFileIsRefusedAndItsContentAppearsNowhere(@TempDir Path dir)
            throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
        String document = "<?xml version=\"1.0\"?>\n<!DOCTYPE RadInstrumentData [\n"
                + "  <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">\n]>\n"
                + "<RadInstrumentData xmlns=\"http://physics.nist.gov/N42/2011/N42\">"
                + "<RadInstrumentInformation><RadInstrumentModelName>&xxe;</RadInstrumentModelName>"
                + "</RadInstrumentInformation></RadInstrumentData>";

        DriverHarness harness = new DriverHarness().feed(DriverHarness.framed(document.getBytes(UTF_8)));

        assertThat(harness.device().decodeErrors()).singleElement()
                .satisfies(error -> assertThat(error.reason()).isEqualTo("dtd_not_allowed"));
        assertThat(harness.device().emitted()).singleElement().satisfies(raw ->
                assertThat(raw.getRawRecord().getPayload().toStringUtf8()).isEqualTo(document));
        assertThat(everythingTheDriverSaid(harness)).doesNotContain(SECRET);
    }

    @Test
    void anExternalDtdAndAParameterEntityAreRefusedToo(@TempDir Path dir) throws Exception {
        Path dtd = Files.writeString(dir.resolve("evil.dtd"), "<!ENTITY leak \"" + SECRET + "\">");
        for (String doctype : new String[] {
                "<!DOCTYPE RadInstrumentData SYSTEM \"" + dtd.toUri() + "\">",
                "<!DOCTYPE RadInstrumentData [<!ENTITY % p SYSTEM \"" + dtd.toUri() + "\"> %p;]>"}) {
            String document = "<?xml version=\"1.0\"?>" + doctype
                    + "<RadInstrumentData xmlns=\"http://physics.nist.gov/N42/2011/N42\">"
                    + "<RadInstrumentInformation><RadInstrumentModelName>&leak;</RadInstrumentModelName>"
                    + "</RadInstrumentInformation></RadInstrumentData>";
            N42Result result = N42Documents.parse(document.getBytes(UTF_8));
            assertThat(result.problems()).extracting(N42Problem::reason).as(doctype).containsExactly("dtd_not_allowed");
            assertThat(result.toString()).doesNotContain(SECRET);
        }
    }

    @Test
    void aBillionLaughsDocumentIsRefusedWithoutExpandingIt() {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE RadInstrumentData [\n<!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            doctype.append("<!ENTITY lol").append(i).append(" \"");
            doctype.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        doctype.append("]>\n");
        byte[] bomb = ("<?xml version=\"1.0\"?>\n" + doctype
                + "<RadInstrumentData xmlns=\"http://physics.nist.gov/N42/2011/N42\"><RadInstrumentInformation>"
                + "<RadInstrumentModelName>&lol9;</RadInstrumentModelName></RadInstrumentInformation>"
                + "</RadInstrumentData>").getBytes(UTF_8);

        N42Result result = assertTimeoutPreemptively(HANG_GUARD, () -> N42Documents.parse(bomb));

        assertThat(result.problems()).extracting(N42Problem::reason).containsExactly("dtd_not_allowed");
        assertThat(result.messages()).singleElement().satisfies(raw ->
                assertThat(raw.getRawRecord().getPayload().size()).isEqualTo(bomb.length));
        assertThat(result.toString()).doesNotContain("lollollol");
    }

    @Test
    void anUndeclaredEntityReferenceIsMalformed() {
        N42Result result = N42Documents.parse(("<RadInstrumentData xmlns=\"http://physics.nist.gov/N42/2011/N42\">"
                + "<RadInstrumentInformation><RadInstrumentModelName>&xxe;</RadInstrumentModelName>"
                + "</RadInstrumentInformation></RadInstrumentData>").getBytes(UTF_8));
        assertThat(result.problems()).extracting(N42Problem::reason).containsExactly("malformed_document");
        assertThat(result.messages()).singleElement().matches(Envelope.Builder::hasRawRecord);
    }

    @Test
    void aCountedZeroesBombIsDroppedAndTheRestOfTheDocumentKept() {
        N42Result result = N42Documents.parse(("<RadInstrumentData xmlns=\"http://physics.nist.gov/N42/2011/N42\">"
                + "<RadMeasurement id=\"m\"><MeasurementClassCode>Background</MeasurementClassCode>"
                + "<RealTimeDuration>PT5S</RealTimeDuration>"
                + "<Spectrum id=\"s\" radDetectorInformationReference=\"G1\"><ChannelData compressionCode="
                + "\"CountedZeroes\">5 0 4000000000 7</ChannelData></Spectrum>"
                + "<GrossCounts radDetectorInformationReference=\"N1\"><CountData>3</CountData></GrossCounts>"
                + "</RadMeasurement></RadInstrumentData>").getBytes(UTF_8));
        assertThat(result.problems()).extracting(N42Problem::reason).containsExactly("spectrum_too_large");
        assertThat(result.messages()).singleElement().satisfies(message -> {
            assertThat(message.getRadiationMeasurement().getSpectraCount()).isZero();
            assertThat(message.getRadiationMeasurement().getCountsList()).containsExactly(0, 3);
            assertThat(message.getRadiationMeasurement().getPresentList()).containsExactly(false, true);
        });
    }

    @Test
    void nestingDeeperThanTheLimitIsRefused() {
        String deep = "<x:a xmlns:x=\"urn:vendor\">".repeat(100) + "</x:a>".repeat(100);
        N42Result result = N42Documents.parse(("<RadInstrumentData xmlns=\"http://physics.nist.gov/N42/2011/N42\">"
                + deep + "</RadInstrumentData>").getBytes(UTF_8));
        assertThat(result.problems()).extracting(N42Problem::reason).containsExactly("too_deep");
    }

    @Test
    void aRootThatIsNotN42Of2011IsRefusedAndKept() {
        for (String root : new String[] {
                "<html><body/></html>",
                "<RadInstrumentData/>",
                "<N42InstrumentData xmlns=\"http://physics.nist.gov/Divisions/Div846/Gp4/ANSIN4242/2005/ANSIN4242\"/>"}) {
            N42Result result = N42Documents.parse(root.getBytes(UTF_8));
            assertThat(result.problems()).extracting(N42Problem::reason).as(root).containsExactly("not_n42");
            assertThat(result.messages()).singleElement().satisfies(raw ->
                    assertThat(raw.getRawRecord().getPayload().toStringUtf8()).isEqualTo(root));
        }
    }

    private static String everythingTheDriverSaid(DriverHarness harness) {
        StringBuilder all = new StringBuilder();
        harness.device().events().forEach(event -> all.append(event).append('\n'));
        harness.device().emitted().forEach(message -> all.append(message.toString()).append('\n')
                .append(message.getRawRecord().getPayload().toStringUtf8()).append('\n'));
        return all.toString();
    }
}
