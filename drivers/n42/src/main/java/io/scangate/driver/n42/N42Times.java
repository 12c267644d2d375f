package io.scangate.driver.n42;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The xs:dateTime and xs:duration values of N42, converted with the problem named when they cannot be. */
final class N42Times {

    private N42Times() {
    }

    /**
     * An xs:dateTime; one without a zone is taken as UTC and reported ({@code time_without_zone}), since the
     * gateway cannot know the device's zone.
     *
     * @return null when absent or unreadable (reported {@code bad_time})
     */
    static Instant instant(String text, String where, List<N42Problem> problems) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutZone) {
            try {
                Instant utc = LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
                problems.add(new N42Problem("time_without_zone", where + " '" + text + "' has no zone: taken as UTC"));
                return utc;
            } catch (DateTimeParseException e) {
                problems.add(new N42Problem("bad_time", where + " '" + Printable.abbreviate(text, 60)
                        + "' is not an xs:dateTime"));
                return null;
            }
        }
    }

    /**
     * An xs:duration such as {@code PT210S}, {@code PT2.5S} or {@code P0DT0H3M30S}; years and months have no
     * fixed length and are refused.
     *
     * @return null when absent or unreadable (reported {@code bad_duration})
     */
    static Duration duration(String text, String where, List<N42Problem> problems) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            Duration duration = Duration.parse(text);
            if (duration.isNegative()) {
                problems.add(new N42Problem("bad_duration", where + " '" + text + "' is negative"));
                return null;
            }
            return duration;
        } catch (DateTimeException | ArithmeticException e) {
            problems.add(new N42Problem("bad_duration", where + " '" + Printable.abbreviate(text, 60)
                    + "' is not an ISO 8601 duration in days, hours, minutes and seconds"));
            return null;
        }
    }

    static com.google.protobuf.Duration proto(Duration duration) {
        return com.google.protobuf.Duration.newBuilder()
                .setSeconds(duration.getSeconds())
                .setNanos(duration.getNano())
                .build();
    }

    static com.google.protobuf.Timestamp proto(Instant instant) {
        return com.google.protobuf.Timestamp.newBuilder()
                .setSeconds(instant.getEpochSecond())
                .setNanos(instant.getNano())
                .build();
    }
}
