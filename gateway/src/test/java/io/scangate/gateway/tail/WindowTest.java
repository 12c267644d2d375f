package io.scangate.gateway.tail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WindowTest {

    @Test
    void linearWindowMapsBelowToBlackAboveToWhiteAndTheCentreToMidGrey() {
        Window window = new Window(2048, 4096);

        assertThat(window.grey(-5)).isZero();
        assertThat(window.grey(0)).isZero();
        assertThat(window.grey(2048)).isBetween(127, 128);
        assertThat(window.grey(4095)).isEqualTo(255);
        assertThat(window.grey(60_000)).isEqualTo(255);
        assertThat(new Window(100, 1).grey(99)).isZero();
        assertThat(new Window(100, 1).grey(100)).isEqualTo(255);
        assertThatThrownBy(() -> new Window(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void percentileWindowIgnoresAFewOutliers() {
        long[] histogram = new long[65_536];
        for (int v = 1000; v < 3000; v++) {
            histogram[v] = 100;
        }
        histogram[0] = 50;
        histogram[65_535] = 50;

        Window window = Window.percentile(histogram, 0);

        assertThat(window.center()).isBetween(1990.0, 2010.0);
        assertThat(window.width()).isBetween(1900.0, 2000.0);
        assertThat(window.grey(900)).isZero();
        assertThat(window.grey(3100)).isEqualTo(255);
    }

    @Test
    void signedStoredValuesAreSignExtendedFromBitsStored() {
        ImagePreview.Stored twelveBitSigned = new ImagePreview.Stored(16, 12, true);
        ImagePreview.Stored twelveBitUnsigned = new ImagePreview.Stored(16, 12, false);

        assertThat(twelveBitSigned.value(0x0FFF)).isEqualTo(-1);
        assertThat(twelveBitSigned.value(0xF7FF)).isEqualTo(2047);
        assertThat(twelveBitSigned.minimum()).isEqualTo(-2048);
        assertThat(twelveBitUnsigned.value(0xFFFF)).isEqualTo(4095);
    }
}
