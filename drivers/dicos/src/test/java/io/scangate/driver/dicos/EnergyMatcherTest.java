package io.scangate.driver.dicos;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.scangate.proto.v1.EnergyChannel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which channel an image's attributes name, with the default rule and with a site's own. */
class EnergyMatcherTest {

    private static final EnergyMatcher DEFAULTS = new EnergyMatcher(EnergyConfig.defaults());

    @ParameterizedTest(name = "ImageType {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "ORIGINAL\\PRIMARY\\HIGH              | ENERGY_CHANNEL_HIGH",
            "ORIGINAL\\PRIMARY\\LOW               | ENERGY_CHANNEL_LOW",
            "DERIVED\\SECONDARY\\Z_EFF            | ENERGY_CHANNEL_ZEFF",
            "DERIVED\\SECONDARY\\MATERIAL         | ENERGY_CHANNEL_MATERIAL",
            "ORIGINAL\\PRIMARY\\AXIAL\\HIGH_ENERGY | ENERGY_CHANNEL_HIGH",
            "original\\primary\\le                | ENERGY_CHANNEL_LOW",
            "ORIGINAL\\PRIMARY\\ HE               | ENERGY_CHANNEL_HIGH",
            "ORIGINAL\\PRIMARY\\HIGH\\HE          | ENERGY_CHANNEL_HIGH",
            "ORIGINAL\\PRIMARY\\LOWER             | ENERGY_CHANNEL_UNSPECIFIED",
            "ORIGINAL\\PRIMARY\\HIGHLIGHT         | ENERGY_CHANNEL_UNSPECIFIED",
            "ORIGINAL\\PRIMARY\\SHE               | ENERGY_CHANNEL_UNSPECIFIED",
            "ORIGINAL\\PRIMARY                    | ENERGY_CHANNEL_UNSPECIFIED",
            "ORIGINAL\\PRIMARY\\                  | ENERGY_CHANNEL_UNSPECIFIED",
            "HIGH\\LOW                            | ENERGY_CHANNEL_UNSPECIFIED",
            "HIGH                                 | ENERGY_CHANNEL_UNSPECIFIED",
    })
    void theDefaultReadsImageTypeFromItsThirdValueAsWholeTokensIgnoringCase(String imageType, EnergyChannel expected) {
        assertThat(DEFAULTS.match(dataset(Map.of(Tags.IMAGE_TYPE, imageType))).channel()).isEqualTo(expected);
    }

    @Test
    void twoChannelsInTheDecidingAttributeAreAmbiguousAndNamed() {
        EnergyMatcher.Match match = DEFAULTS.match(dataset(Map.of(Tags.IMAGE_TYPE, "DERIVED\\PRIMARY\\HIGH\\LOW")));

        assertThat(match).isInstanceOf(EnergyMatcher.Ambiguous.class);
        assertThat(match.channel()).isEqualTo(EnergyChannel.ENERGY_CHANNEL_UNSPECIFIED);
        EnergyMatcher.Ambiguous ambiguous = (EnergyMatcher.Ambiguous) match;
        assertThat(ambiguous.channels())
                .isEqualTo(EnumSet.of(EnergyChannel.ENERGY_CHANNEL_HIGH, EnergyChannel.ENERGY_CHANNEL_LOW));
        assertThat(ambiguous.describe())
                .isEqualTo("ImageType 'DERIVED\\PRIMARY\\HIGH\\LOW' names HIGH and LOW; energy left unspecified");
    }

    @Test
    void anAbsentOrSilentAttributeIsNotFound() {
        assertThat(DEFAULTS.match(dataset(Map.of()))).isSameAs(EnergyMatcher.NOT_FOUND);
        assertThat(DEFAULTS.match(dataset(Map.of(Tags.IMAGE_TYPE, "")))).isSameAs(EnergyMatcher.NOT_FOUND);
        assertThat(DEFAULTS.match(dataset(Map.of(Tags.SERIES_DESCRIPTION, "TOP HIGH ENERGY"))))
                .as("the default searches ImageType only").isSameAs(EnergyMatcher.NOT_FOUND);
    }

    @Test
    void aFoundChannelSaysWhereItWasRead() {
        assertThat(DEFAULTS.match(dataset(Map.of(Tags.IMAGE_TYPE, "ORIGINAL\\PRIMARY\\LOW"))))
                .isEqualTo(new EnergyMatcher.Found(EnergyChannel.ENERGY_CHANNEL_LOW, "ImageType",
                        "ORIGINAL\\PRIMARY\\LOW"));
    }

    @Test
    void seriesDescriptionIsFreeTextSplitOnSpacesAndOnlyWholeWordsCount() {
        EnergyMatcher bySeries = new EnergyMatcher(new EnergyConfig(List.of("SeriesDescription"), null));

        assertThat(channel(bySeries, Map.of(Tags.SERIES_DESCRIPTION, "TOP  High Energy"))).isEqualTo("HIGH");
        assertThat(channel(bySeries, Map.of(Tags.SERIES_DESCRIPTION, "SIDE\tlow"))).isEqualTo("LOW");
        assertThat(channel(bySeries, Map.of(Tags.SERIES_DESCRIPTION, "view\\ZEFF"))).isEqualTo("ZEFF");
        assertThat(channel(bySeries, Map.of(Tags.SERIES_DESCRIPTION, "LOWER DECK, HIGHWAY LANE")))
                .isEqualTo("UNSPECIFIED");
        assertThat(channel(bySeries, Map.of(Tags.SERIES_DESCRIPTION, "ORIGINAL PRIMARY HIGH")))
                .as("only Image Type has two leading values that are never energy").isEqualTo("HIGH");
    }

    @Test
    void attributesAreSearchedInOrderAndTheFirstThatNamesAChannelDecides() {
        EnergyMatcher typeThenSeries = new EnergyMatcher(
                new EnergyConfig(List.of("ImageType", "SeriesDescription"), null));
        EnergyMatcher seriesThenType = new EnergyMatcher(
                new EnergyConfig(List.of("SeriesDescription", "ImageType"), null));
        Map<Integer, String> disagreeing = Map.of(Tags.IMAGE_TYPE, "ORIGINAL\\PRIMARY\\LOW",
                Tags.SERIES_DESCRIPTION, "TOP HIGH ENERGY");

        assertThat(channel(typeThenSeries, disagreeing)).isEqualTo("LOW");
        assertThat(channel(seriesThenType, disagreeing)).isEqualTo("HIGH");
        assertThat(channel(typeThenSeries, Map.of(Tags.IMAGE_TYPE, "ORIGINAL\\PRIMARY",
                Tags.SERIES_DESCRIPTION, "TOP HIGH ENERGY"))).as("silent ImageType: next attribute").isEqualTo("HIGH");
        assertThat(typeThenSeries.match(dataset(Map.of(Tags.IMAGE_TYPE, "ORIGINAL\\PRIMARY\\HIGH\\LOW",
                Tags.SERIES_DESCRIPTION, "TOP HIGH ENERGY"))))
                .as("an ambiguous attribute decides: a blend is not the next attribute's channel")
                .isInstanceOf(EnergyMatcher.Ambiguous.class);
    }

    @Test
    void aSiteReplacesTheTokensOfTheChannelsItNamesAndKeepsTheOthers() {
        Map<String, List<String>> tokens = new HashMap<>();
        tokens.put("HIGH", List.of("hi", "6MV"));
        tokens.put("MATERIAL", List.of());
        EnergyMatcher vendor = new EnergyMatcher(new EnergyConfig(null, tokens));

        assertThat(channel(vendor, Map.of(Tags.IMAGE_TYPE, "ORIGINAL\\PRIMARY\\HI"))).isEqualTo("HIGH");
        assertThat(channel(vendor, Map.of(Tags.IMAGE_TYPE, "ORIGINAL\\PRIMARY\\6mv"))).isEqualTo("HIGH");
        assertThat(channel(vendor, Map.of(Tags.IMAGE_TYPE, "ORIGINAL\\PRIMARY\\HIGH")))
                .as("HIGH's default words are replaced").isEqualTo("UNSPECIFIED");
        assertThat(channel(vendor, Map.of(Tags.IMAGE_TYPE, "ORIGINAL\\PRIMARY\\LOW")))
                .as("LOW keeps its defaults").isEqualTo("LOW");
        assertThat(channel(vendor, Map.of(Tags.IMAGE_TYPE, "DERIVED\\SECONDARY\\MATERIAL")))
                .as("[] turns MATERIAL off").isEqualTo("UNSPECIFIED");
    }

    @Test
    void noAttributesNeverMapsTheChannel() {
        EnergyMatcher off = new EnergyMatcher(new EnergyConfig(List.of(), null));

        assertThat(off.match(dataset(Map.of(Tags.IMAGE_TYPE, "ORIGINAL\\PRIMARY\\HIGH"))))
                .isSameAs(EnergyMatcher.NOT_FOUND);
    }

    @Test
    void aSeriesDescriptionOver1KiBIsNotCapturedSoItNamesNothing() throws Exception {
        EnergyMatcher bySeries = new EnergyMatcher(new EnergyConfig(List.of("SeriesDescription"), null));
        String longText = "HIGH " + "X".repeat(DatasetScanner.MAX_VALUE_BYTES);
        String fits = "HIGH " + "X".repeat(DatasetScanner.MAX_VALUE_BYTES - 6);

        assertThat(bySeries.match(scanned(longText))).isSameAs(EnergyMatcher.NOT_FOUND);
        assertThat(bySeries.match(scanned(fits)).channel()).isEqualTo(EnergyChannel.ENERGY_CHANNEL_HIGH);
    }

    private static String channel(EnergyMatcher matcher, Map<Integer, String> values) {
        return EnergyMatcher.shortName(matcher.match(dataset(values)).channel());
    }

    private static DatasetAttributes dataset(Map<Integer, String> values) {
        Map<Integer, byte[]> raw = new HashMap<>();
        values.forEach((tag, text) -> raw.put(tag, text.getBytes(StandardCharsets.ISO_8859_1)));
        return new DatasetAttributes(raw, Map.of(), 0, -1, -1, 0);
    }

    /** An explicit VR dataset with one LO Series Description (even length, space padded), through the scanner. */
    private static DatasetAttributes scanned(String seriesDescription) throws Exception {
        String padded = seriesDescription.length() % 2 == 0 ? seriesDescription : seriesDescription + " ";
        byte[] value = padded.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {0x08, 0x00, 0x3E, 0x10, 'L', 'O', (byte) value.length, (byte) (value.length >> 8)});
        out.write(value);
        DatasetScanner scanner = new DatasetScanner(true);
        scanner.feed(Unpooled.wrappedBuffer(out.toByteArray()));
        return scanner.finish();
    }
}
