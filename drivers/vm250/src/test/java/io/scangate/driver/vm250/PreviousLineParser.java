package io.scangate.driver.vm250;

import io.scangate.driver.vm250.Vm250Record.Invalid;
import io.scangate.driver.vm250.Vm250Record.Problem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The line parser as it was before it read fields straight from the line's bytes (commit c65e018), kept
 * unchanged as the reference that {@link LineParserEquivalenceTest} holds the new parser to: every input
 * must still be classified, valued and reported exactly as this one does.
 */
final class PreviousLineParser {

    /** The value a device sends for a missing reading. */
    static final String MISSING = "***";

    private static final Pattern TAG = Pattern.compile("[A-Z][A-Z0-9]{0,7}");
    private static final int COUNT_DIGITS = 9;
    private static final int COUNTER_DIGITS = 18;
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,9}(\\.\\d{1,9})?");
    /** Recorded "daily files" append the receive time of day as a last field. */
    private static final Pattern DAILY_FILE_TIME = Pattern.compile("\\d{2}-\\d{2}-\\d{2}\\.\\d{3}");
    private static final int DAILY_FILE_TIME_LENGTH = "12-34-56.789".length();
    private static final int DETECTORS = 4;

    private PreviousLineParser() {
    }

    static Vm250Record parse(byte[] line) {
        if (line.length == 0) {
            return new Invalid(Problem.GARBAGE, "", "empty line", line);
        }
        for (int i = 0; i < line.length; i++) {
            int b = line[i] & 0xFF;
            if (b < 0x20 || b > 0x7E) {
                return new Invalid(Problem.GARBAGE, "",
                        String.format("non-printable byte 0x%02X at %d", b, i), line);
            }
        }
        String text = new String(line, StandardCharsets.US_ASCII);
        List<String> parts = new ArrayList<>(Arrays.asList(text.split(",", -1)));
        String tag = parts.remove(0).trim();
        if (!TAG.matcher(tag).matches()) {
            return new Invalid(Problem.GARBAGE, "", "no tag", line);
        }
        List<String> fields = withoutDailyFileTime(parts);
        try {
            return known(tag, fields, line);
        } catch (BadFieldsException e) {
            return new Invalid(Problem.BAD_FIELDS, tag, e.getMessage(), line);
        }
    }

    private static Vm250Record known(String tag, List<String> fields, byte[] line) throws BadFieldsException {
        CountsTag countsTag = CountsTag.of(tag);
        if (countsTag != null) {
            return new Vm250Record.Counts(countsTag, counts(fields), line);
        }
        return switch (tag) {
            case "SP" -> speed(fields, line);
            case "GX" -> occupancyEnd(fields, line);
            case "TT", "TC" -> tamper(tag, fields, line);
            case "SG1", "SG2", "SG3", "SN1", "SN2" -> setup(tag, fields, line);
            default -> new Vm250Record.Unknown(tag, line);
        };
    }

    private static List<String> withoutDailyFileTime(List<String> parts) {
        List<String> fields = new ArrayList<>(parts.size());
        for (String part : parts) {
            fields.add(part.trim());
        }
        if (!fields.isEmpty() && fields.get(fields.size() - 1).length() == DAILY_FILE_TIME_LENGTH
                && DAILY_FILE_TIME.matcher(fields.get(fields.size() - 1)).matches()) {
            fields.remove(fields.size() - 1);
        }
        return fields;
    }

    private static List<Integer> counts(List<String> fields) throws BadFieldsException {
        expectFieldCount(fields, DETECTORS);
        List<Integer> counts = new ArrayList<>(DETECTORS);
        for (int i = 0; i < DETECTORS; i++) {
            String field = fields.get(i);
            if (MISSING.equals(field)) {
                counts.add(null);
            } else if (isDigits(field, COUNT_DIGITS)) {
                counts.add(Integer.parseInt(field));
            } else {
                throw new BadFieldsException("field " + (i + 1) + " is not a count: '" + field + "'");
            }
        }
        return counts;
    }

    private static Vm250Record speed(List<String> fields, byte[] line) throws BadFieldsException {
        expectFieldCount(fields, 4);
        return new Vm250Record.Speed(decimal(fields, 0), decimal(fields, 1), decimal(fields, 2),
                counter(fields, 3, false), line);
    }

    private static Vm250Record occupancyEnd(List<String> fields, byte[] line) throws BadFieldsException {
        expectFieldCount(fields, 4);
        return new Vm250Record.OccupancyEnd(counter(fields, 0, true), counter(fields, 1, true),
                counter(fields, 2, true), counter(fields, 3, true), line);
    }

    private static Vm250Record tamper(String tag, List<String> fields, byte[] line) throws BadFieldsException {
        expectFieldCount(fields, 0);
        return new Vm250Record.Tamper("TT".equals(tag), line);
    }

    private static Vm250Record setup(String tag, List<String> fields, byte[] line) throws BadFieldsException {
        if (fields.isEmpty()) {
            throw new BadFieldsException("no set-up values");
        }
        return new Vm250Record.Setup(tag, fields, line);
    }

    private static void expectFieldCount(List<String> fields, int expected) throws BadFieldsException {
        if (fields.size() != expected) {
            throw new BadFieldsException("expected " + expected + " fields, got " + fields.size());
        }
    }

    private static double decimal(List<String> fields, int index) throws BadFieldsException {
        String field = fields.get(index);
        if (!DECIMAL.matcher(field).matches()) {
            throw new BadFieldsException("field " + (index + 1) + " is not a decimal: '" + field + "'");
        }
        return Double.parseDouble(field);
    }

    private static Long counter(List<String> fields, int index, boolean mayBeMissing) throws BadFieldsException {
        String field = fields.get(index);
        if (mayBeMissing && MISSING.equals(field)) {
            return null;
        }
        if (!isDigits(field, COUNTER_DIGITS)) {
            throw new BadFieldsException("field " + (index + 1) + " is not a number: '" + field + "'");
        }
        return Long.parseLong(field);
    }

    /** 1 to {@code maxDigits} ASCII digits: every count line passes here, so no regular expression. */
    private static boolean isDigits(String field, int maxDigits) {
        if (field.isEmpty() || field.length() > maxDigits) {
            return false;
        }
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Internal control flow: a known tag whose fields do not follow the protocol. */
    private static final class BadFieldsException extends Exception {
        BadFieldsException(String message) {
            super(message, null, false, false);
        }
    }
}
