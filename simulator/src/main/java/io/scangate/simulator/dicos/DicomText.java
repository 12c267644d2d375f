package io.scangate.simulator.dicos;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** DA, TM and DT values (PS3.5 6.2) of an instant, in UTC with an explicit offset where the VR has one. */
final class DicomText {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss.SSS").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss.SSS").withZone(ZoneOffset.UTC);

    static final String UTC_OFFSET = "+0000";

    private DicomText() {
    }

    static String date(Instant time) {
        return DATE.format(time);
    }

    static String time(Instant time) {
        return TIME.format(time);
    }

    static String dateTime(Instant time) {
        return DATE_TIME.format(time) + UTC_OFFSET;
    }

    /** A DS value: at most 16 characters (PS3.5 table 6.2-1). */
    static String decimal(double value) {
        String text = Double.toString(value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
