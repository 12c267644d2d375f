package io.scangate.driver.ocr;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** The field rules both framings share, as documented in {@code docs/ocr-webhook.schema.json}. */
final class ReadRules {

    static final String INVALID_READ = "invalid_read";
    static final int MAX_ID = 128;
    static final int MAX_LANE = 64;
    static final int MAX_SHORT_TEXT = 32;
    static final int MAX_URL = 2048;
    static final int MAX_CONTAINERS = 8;
    static final int MAX_IMAGES = 16;

    private ReadRules() {
    }

    static String required(String field, String value, int maxLength) throws InvalidReadException {
        if (value == null || value.isBlank()) {
            throw invalid(field + ": required, a non-empty string");
        }
        return optional(field, value, maxLength);
    }

    static String optional(String field, String value, int maxLength) throws InvalidReadException {
        if (value == null) {
            return "";
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw invalid(field + ": at most " + maxLength + " characters, got " + trimmed.length());
        }
        for (int i = 0; i < trimmed.length(); i++) {
            if (Character.isISOControl(trimmed.charAt(i))) {
                throw invalid(field + ": control character at " + i);
            }
        }
        return trimmed;
    }

    static Instant time(String field, String value) throws InvalidReadException {
        String text = required(field, value, 64);
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(field + ": an RFC 3339 date-time with offset, e.g. 2026-11-26T08:00:00.250Z, got '" + text + "'");
        }
    }

    static double confidence(String field, double value) throws InvalidReadException {
        if (!(value >= 0 && value <= 1)) {
            throw invalid(field + ": a number from 0 to 1, got " + value);
        }
        return value;
    }

    static InvalidReadException invalid(String message) {
        return new InvalidReadException(INVALID_READ, message);
    }
}
