package io.scangate.driver.vm250;

import java.nio.charset.StandardCharsets;

/**
 * The comma-separated fields of one printable ASCII line, each trimmed of the spaces around it, as spans
 * of the line's bytes. Field 0 is the tag. Every line of every lane passes here, so counts are read
 * straight from the bytes and a field becomes a String only when the parser keeps or reports its text.
 */
final class LineFields {

    /** Returned by {@link #digits} for a field that is not 1 to {@code maxDigits} ASCII digits. */
    static final long NOT_DIGITS = -1;

    private static final int MAX_TAG_LENGTH = 8;
    /** {@code HH-MM-SS.mmm}: the receive time of day that recorded "daily files" append as a last field. */
    private static final String DAILY_FILE_TIME_SHAPE = "dd-dd-dd.ddd";

    private final byte[] line;
    /** Start (inclusive) and end (exclusive) of field {@code i} at {@code 2i} and {@code 2i + 1}. */
    private final int[] spans;
    private int count;

    private LineFields(byte[] line, int[] spans, int count) {
        this.line = line;
        this.spans = spans;
        this.count = count;
    }

    /** Splits at every comma, as {@code String.split(",", -1)} does: n commas make n + 1 fields. */
    static LineFields split(byte[] line) {
        int commas = 0;
        for (byte b : line) {
            if (b == ',') {
                commas++;
            }
        }
        int[] spans = new int[2 * (commas + 1)];
        int field = 0;
        int start = 0;
        for (int i = 0; i <= line.length; i++) {
            if (i == line.length || line[i] == ',') {
                trim(line, start, i, spans, field++);
                start = i + 1;
            }
        }
        return new LineFields(line, spans, field);
    }

    /** Same as {@code String.trim()} on a line that {@link Vm250LineParser} already found printable. */
    private static void trim(byte[] line, int start, int end, int[] spans, int field) {
        while (start < end && line[start] <= ' ') {
            start++;
        }
        while (end > start && line[end - 1] <= ' ') {
            end--;
        }
        spans[2 * field] = start;
        spans[2 * field + 1] = end;
    }

    /** Fields including the tag. */
    int count() {
        return count;
    }

    String text(int field) {
        int start = spans[2 * field];
        return new String(line, start, spans[2 * field + 1] - start, StandardCharsets.US_ASCII);
    }

    /** A tag is an upper-case letter and up to seven more upper-case letters or digits. */
    boolean isTag(int field) {
        int start = spans[2 * field];
        int length = spans[2 * field + 1] - start;
        if (length < 1 || length > MAX_TAG_LENGTH || !isUpper(line[start])) {
            return false;
        }
        for (int i = start + 1; i < start + length; i++) {
            if (!isUpper(line[i]) && !isDigit(line[i])) {
                return false;
            }
        }
        return true;
    }

    /** The device's {@code ***}, sent for a missing reading. */
    boolean isMissing(int field) {
        int start = spans[2 * field];
        return spans[2 * field + 1] - start == 3
                && line[start] == '*' && line[start + 1] == '*' && line[start + 2] == '*';
    }

    /**
     * The value of a field of 1 to {@code maxDigits} ASCII digits, else {@link #NOT_DIGITS}. No sign is
     * accepted; {@code maxDigits} of at most 18 keeps every value inside a long.
     */
    long digits(int field, int maxDigits) {
        int start = spans[2 * field];
        int end = spans[2 * field + 1];
        if (end == start || end - start > maxDigits) {
            return NOT_DIGITS;
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            if (!isDigit(line[i])) {
                return NOT_DIGITS;
            }
            value = value * 10 + (line[i] - '0');
        }
        return value;
    }

    /** Forgets the last field when it is a daily file's time of day; the tag is never taken for one. */
    void dropDailyFileTime() {
        if (count < 2) {
            return;
        }
        int start = spans[2 * (count - 1)];
        if (spans[2 * (count - 1) + 1] - start != DAILY_FILE_TIME_SHAPE.length()) {
            return;
        }
        for (int i = 0; i < DAILY_FILE_TIME_SHAPE.length(); i++) {
            char shape = DAILY_FILE_TIME_SHAPE.charAt(i);
            byte b = line[start + i];
            if (shape == 'd' ? !isDigit(b) : b != shape) {
                return;
            }
        }
        count--;
    }

    private static boolean isUpper(byte b) {
        return b >= 'A' && b <= 'Z';
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
