package io.scangate.simulator.vm250;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Vm250EncoderTest {

    @Test
    void consistentSpeedFromMph() {
        assertThat(Vm250Encoder.line(Vm250Record.Speed.ofMph(5.323))).isEqualTo("SP,0.1281,05.323,008.57,000000");
    }

    @Test
    void missingValuesBecomeStars() {
        assertThat(Vm250Encoder.line(new Vm250Record.OccupancyEnd(null, 2500, 0, 0)))
                .isEqualTo("GX,***,002500,000000,000000");
        assertThat(Vm250Encoder.line(new Vm250Record.Speed(null, 5.0, null, 0)))
                .isEqualTo("SP,***,05.000,***,000000");
    }

    @Test
    void linesEndWithCrLf() {
        byte[] bytes = Vm250Encoder.encode(new Vm250Record.Tamper("TT"));
        assertThat(new String(bytes, StandardCharsets.US_ASCII)).isEqualTo("TT\r\n");
    }

    @Test
    void refusesValuesThatDoNotFitTheirField() {
        assertThatThrownBy(() -> Vm250Encoder.line(Vm250Record.Counts.of("GS", 1_000_000, 1, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Vm250Encoder.line(Vm250Record.Speed.ofMph(120)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Vm250Record.Raw("AB\r\nGS"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
