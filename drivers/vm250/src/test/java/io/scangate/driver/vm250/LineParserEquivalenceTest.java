package io.scangate.driver.vm250;

import static org.assertj.core.api.Assertions.assertThat;

import io.scangate.driver.vm250.Vm250Record.Invalid;
import io.scangate.driver.vm250.Vm250Record.Problem;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The byte-level parser against the String-based one it replaced ({@link PreviousLineParser}): same record
 * type, tag, values, problem and detail for every line. Records compare by {@code toString()}, which shows
 * every component; both parsers keep the very array they were given, so its identity shows equal too.
 */
class LineParserEquivalenceTest {

    private static final String[] TAGS = {
        "GB", "GH", "GL", "GS", "GA", "NB", "NH", "NS", "NA", "SP", "GX", "TT", "TC", "SG1", "SG2", "SG3",
        "SN1", "SN2", "NC", "ZZ9", "A1234567", "ABCDEFGHI", "gb", "G", "1GB", "G-B", "", " ", " GS", "GS ",
        "*", "08-15-02.250"
    };
    private static final String[] FIELDS = {
        "000383", "0", "00", "999999999", "000000000", "1000000000", "2147483647", "2147483648", "4294967296",
        "99999999999", "000000000000000018", "999999999999999999", "9999999999999999999", "+000001", "+1",
        "-1", "-00002", "0x10", "1e5", "1_000", "0 1", " 000002", "000002 ", "  000002  ", "", " ", "***",
        " *** ", "**", "****", "*", "0.1281", "05.323", "008.57", "1.", ".5", "1.2.3", "1234567890.1",
        "12-34-56.789", " 08-15-02.250 ", "08-15-02.25", "08-15-02.2500", "0a-15-02.250", "08:15:02.250",
        "P", "whatever", "AB,", "\\"
    };

    @Test
    void everyGeneratedLineParsesAsBefore() {
        SplittableRandom random = new SplittableRandom(250);
        for (int n = 0; n < 200_000; n++) {
            assertSameAsBefore(generatedLine(random));
        }
    }

    @Test
    void randomBytesParseAsBefore() {
        SplittableRandom random = new SplittableRandom(42);
        for (int n = 0; n < 20_000; n++) {
            byte[] line = new byte[random.nextInt(40)];
            for (int i = 0; i < line.length; i++) {
                line[i] = (byte) (random.nextInt(10) == 0 ? random.nextInt(256) : " ,*0123456789GSBX-."
                        .charAt(random.nextInt(19)));
            }
            assertSameAsBefore(line);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "GS,999999999,000000000,000001,2       | [999999999, 0, 1, 2]",
        "GS, 000001 ,  000002,000003  ,000004  | [1, 2, 3, 4]",
        " GS ,***, *** ,000003,000004          | [null, null, 3, 4]",
        "GS,000001,000002,000003,000004, 08-15-02.250 | [1, 2, 3, 4]"
    })
    void countsAreReadAroundSpacesAndMissingValues(String line, String counts) {
        assertThat(parse(line)).isInstanceOfSatisfying(Vm250Record.Counts.class,
                record -> assertThat(record.counts()).hasToString(counts));
    }

    /**
     * Nine digits stay below 2^31 - 1, and neither sign nor blank reaches the number conversion: none of
     * these can overflow or throw, they are bad fields with the field named.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "GS,2147483648,000002,000003,000004 | field 1 is not a count: '2147483648'",
        "GS,1000000000,000002,000003,000004 | field 1 is not a count: '1000000000'",
        "GS,000001,+000002,000003,000004    | field 2 is not a count: '+000002'",
        "GS,000001,000002,-3,000004         | field 3 is not a count: '-3'",
        "GS,000001,000002,000003,           | field 4 is not a count: ''",
        "GS,000001,000002,0 3,000004        | field 3 is not a count: '0 3'",
        "GS,000001,000002,000003            | expected 4 fields, got 3",
        "GS,000001,000002,000003,000004,08-15-02.250,08-15-02.250 | expected 4 fields, got 5",
        "GX,1000000000000000000,0,0,0       | field 1 is not a number: '1000000000000000000'",
        "SP,0.1281,+5.323,008.57,000000     | field 2 is not a decimal: '+5.323'"
    })
    void outOfRangeSignedOrEmptyFieldsAreBadFields(String line, String detail) {
        assertThat(parse(line)).isInstanceOfSatisfying(Invalid.class, invalid -> {
            assertThat(invalid.problem()).isEqualTo(Problem.BAD_FIELDS);
            assertThat(invalid.detail()).isEqualTo(detail);
        });
        assertSameAsBefore(line.getBytes(StandardCharsets.US_ASCII));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GS", "GS,", "TT,08-15-02.250", "08-15-02.250", "SG1,08-15-02.250", "SG1, ,",
        "GX,***,***,***,***", "SP,1,2,3,4, 08-15-02.250", "NB1,***", ",", " , "})
    void edgeShapesParseAsBefore(String line) {
        assertSameAsBefore(line.getBytes(StandardCharsets.US_ASCII));
    }

    private static Vm250Record parse(String line) {
        return Vm250LineParser.parse(line.getBytes(StandardCharsets.US_ASCII));
    }

    private static void assertSameAsBefore(byte[] line) {
        Vm250Record before = PreviousLineParser.parse(line);
        Vm250Record now = Vm250LineParser.parse(line);
        assertThat(now.toString()).as("line '%s'", LineText.printable(line)).isEqualTo(before.toString());
    }

    private static byte[] generatedLine(SplittableRandom random) {
        StringBuilder line = new StringBuilder(TAGS[random.nextInt(TAGS.length)]);
        int fields = random.nextInt(8);
        for (int i = 0; i < fields; i++) {
            line.append(',').append(random.nextInt(3) == 0 ? FIELDS[random.nextInt(FIELDS.length)]
                    : String.format("%06d", random.nextInt(1_000_000)));
        }
        byte[] bytes = line.toString().getBytes(StandardCharsets.US_ASCII);
        if (bytes.length > 0 && random.nextInt(50) == 0) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        return bytes;
    }
}
