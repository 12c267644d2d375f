package io.scangate.driver.dicos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DicomTimeTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Test
    void dateAndTimeWithoutOffsetAreReadInTheScannersZone() {
        assertThat(DicomTime.dateAndTime("20261126", "081530.25", "", AMSTERDAM))
                .contains(Instant.parse("2026-11-26T07:15:30.250Z"));
    }

    @Test
    void theDatasetsOffsetWinsOverTheConfiguredZone() {
        assertThat(DicomTime.dateAndTime("20260701", "0815", "-0500", AMSTERDAM))
                .contains(Instant.parse("2026-07-01T13:15:00Z"));
    }

    @Test
    void oldSeparatorsAndPartialTimesAreAccepted() {
        assertThat(DicomTime.dateAndTime("2026.11.26", "08:15:30", "", ZoneId.of("UTC")))
                .contains(Instant.parse("2026-11-26T08:15:30Z"));
        assertThat(DicomTime.dateAndTime("20261126", "08", "", ZoneId.of("UTC")))
                .contains(Instant.parse("2026-11-26T08:00:00Z"));
    }

    @Test
    void dateTimeCarriesItsOwnOffset() {
        assertThat(DicomTime.dateTime("20261126081530.5+0100", "", ZoneId.of("UTC")))
                .contains(Instant.parse("2026-11-26T07:15:30.500Z"));
        assertThat(DicomTime.dateTime("20261126", "", ZoneId.of("UTC")))
                .contains(Instant.parse("2026-11-26T00:00:00Z"));
    }

    @Test
    void nonsenseGivesNoTime() {
        assertThat(DicomTime.dateAndTime("2026-11", "", "", AMSTERDAM)).isEmpty();
        assertThat(DicomTime.dateAndTime("20261126", "25xx", "", AMSTERDAM)).isEmpty();
        assertThat(DicomTime.dateAndTime("20261340", "", "", AMSTERDAM)).isEmpty();
        assertThat(DicomTime.dateTime("2026112608+9", "", AMSTERDAM)).isEmpty();
    }
}
