package io.scangate.driver.vm250;

import static org.assertj.core.api.Assertions.assertThat;

import io.scangate.driver.vm250.Vm250Record.Invalid;
import io.scangate.driver.vm250.Vm250Record.Problem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class Vm250LineParserTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "GB,000383,000389,000432",
        "GB,000383,000389,000432,000423,000001",
        "GS,000280,0002x0,000300,000310",
        "NS,-00002,000001,000003,000002",
        "GA,000280,,000300,000310",
        "GS,1234567890,000290,000300,000310",
        "SP,0.1281,05.323,008.57",
        "SP,fast,05.323,008.57,000000",
        "GX,000124,002500,000000",
        "GX,00012A,002500,000000,000000",
        "TT,1",
        "SG1"
    })
    void aKnownTagWithFieldsOutOfShapeIsBadFieldsAndKeepsItsTag(String line) {
        Vm250Record record = Vm250LineParser.parse(Vm250Record.ascii(line));

        assertThat(record).isInstanceOfSatisfying(Invalid.class, invalid -> {
            assertThat(invalid.problem()).isEqualTo(Problem.BAD_FIELDS);
            assertThat(invalid.tag()).isEqualTo(line.split(",")[0]);
            assertThat(invalid.text()).isEqualTo(line);
            assertThat(invalid.detail()).isNotBlank();
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "gb,000383,000389,000432,000423 | no tag",
        ",000383                        | no tag",
        "#@!                            | no tag",
        "GB,000383\tx                   | non-printable byte 0x09 at 9"
    })
    void aLineThatIsNotAVm250LineIsGarbage(String line, String detail) {
        Vm250Record record = Vm250LineParser.parse(Vm250Record.ascii(line));

        assertThat(record).isInstanceOfSatisfying(Invalid.class, invalid -> {
            assertThat(invalid.problem()).isEqualTo(Problem.GARBAGE);
            assertThat(invalid.detail()).isEqualTo(detail);
        });
    }

    @Test
    void missingValuesAreNullInCountsAndGx() {
        assertThat(Vm250LineParser.parse(Vm250Record.ascii("NB,***,***,***,***")))
                .isInstanceOfSatisfying(Vm250Record.Counts.class,
                        counts -> assertThat(counts.counts()).containsExactly(null, null, null, null));
        assertThat(Vm250LineParser.parse(Vm250Record.ascii("GX,***,002500,000000,000000")))
                .isInstanceOfSatisfying(Vm250Record.OccupancyEnd.class, end -> {
                    assertThat(end.occupancyCounter()).isNull();
                    assertThat(end.neutronBackgroundX1000()).isEqualTo(2500L);
                });
    }

    @Test
    void theTimeOfDayThatRecordedDailyFilesAppendIsIgnored() {
        assertThat(Vm250LineParser.parse(Vm250Record.ascii("GB,000383,000389,000432,000423,08-15-02.250")))
                .isInstanceOfSatisfying(Vm250Record.Counts.class,
                        counts -> assertThat(counts.counts()).containsExactly(383, 389, 432, 423));
        assertThat(Vm250LineParser.parse(Vm250Record.ascii("TT,08-15-02.250")))
                .isInstanceOf(Vm250Record.Tamper.class);
    }

    @Test
    void anyWellFormedLineWithAnUnknownTagIsUnknownNotAnError() {
        for (String tag : "NC NX NB1 RW AC AB1 AR NZ AS AX AM FP TE NNB IJ ZZ9".split(" ")) {
            String line = tag + ",000001,whatever";
            assertThat(Vm250LineParser.parse(Vm250Record.ascii(line)))
                    .isInstanceOfSatisfying(Vm250Record.Unknown.class, unknown -> {
                        assertThat(unknown.tag()).isEqualTo(tag);
                        assertThat(unknown.text()).isEqualTo(line);
                    });
        }
    }
}
