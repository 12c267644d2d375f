package io.scangate.driver.dicos;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * DICOM DA, TM and DT values (PS3.5 6.2) to instants. Partial times ({@code HH}, {@code HHMM}) and the
 * old ACR-NEMA separators ({@code 2026.11.26}, {@code 08:15:00}) are accepted; a value without an offset
 * is read in the dataset's Timezone Offset From UTC, else in the configured zone of the scanner's clock.
 */
final class DicomTime {

    private DicomTime() {
    }

    static Optional<Instant> dateAndTime(String date, String time, String offset, ZoneId zone) {
        Optional<LocalDate> day = date(date);
        if (day.isEmpty()) {
            return Optional.empty();
        }
        LocalTime clock = time.isEmpty() ? LocalTime.MIDNIGHT : time(time).orElse(null);
        if (clock == null) {
            return Optional.empty();
        }
        return Optional.of(LocalDateTime.of(day.get(), clock).atZone(zoneFor(offset, zone)).toInstant());
    }

    static Optional<Instant> dateTime(String value, String offset, ZoneId zone) {
        if (value.length() < 8) {
            return Optional.empty();
        }
        String local = value;
        ZoneId valueZone = zoneFor(offset, zone);
        int sign = Math.max(value.lastIndexOf('+'), value.lastIndexOf('-'));
        if (sign >= 8) {
            Optional<ZoneOffset> own = offset(value.substring(sign));
            if (own.isEmpty()) {
                return Optional.empty();
            }
            valueZone = own.get();
            local = value.substring(0, sign);
        }
        String time = local.length() > 8 ? local.substring(8) : "";
        return dateAndTime(local.substring(0, 8), time, "", valueZone);
    }

    private static ZoneId zoneFor(String offset, ZoneId zone) {
        return offset(offset).<ZoneId>map(found -> found).orElse(zone);
    }

    private static Optional<ZoneOffset> offset(String value) {
        if (value.length() != 5 || (value.charAt(0) != '+' && value.charAt(0) != '-')) {
            return Optional.empty();
        }
        try {
            int hours = Integer.parseInt(value.substring(1, 3));
            int minutes = Integer.parseInt(value.substring(3, 5));
            int sign = value.charAt(0) == '-' ? -1 : 1;
            return Optional.of(ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes));
        } catch (NumberFormatException | DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> date(String value) {
        String digits = value.replace(".", "");
        if (digits.length() != 8 || !digits.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(digits.substring(0, 4)),
                    Integer.parseInt(digits.substring(4, 6)), Integer.parseInt(digits.substring(6, 8))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalTime> time(String value) {
        String text = value.replace(":", "");
        int dot = text.indexOf('.');
        String whole = dot < 0 ? text : text.substring(0, dot);
        String fraction = dot < 0 ? "" : text.substring(dot + 1);
        if (whole.length() < 2 || whole.length() > 6 || whole.length() % 2 != 0
                || !whole.chars().allMatch(Character::isDigit) || fraction.length() > 6
                || !fraction.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        try {
            int hour = Integer.parseInt(whole.substring(0, 2));
            int minute = whole.length() >= 4 ? Integer.parseInt(whole.substring(2, 4)) : 0;
            int second = whole.length() == 6 ? Integer.parseInt(whole.substring(4, 6)) : 0;
            int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "000000").substring(0, 6)) * 1000;
            return Optional.of(LocalTime.of(hour, minute, Math.min(second, 59), nanos));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
