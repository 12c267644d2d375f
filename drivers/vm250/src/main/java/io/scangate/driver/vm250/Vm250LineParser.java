package io.scangate.driver.vm250;

import io.scangate.driver.vm250.Vm250Record.Invalid;
import io.scangate.driver.vm250.Vm250Record.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns one VM-250 line (without its line end) into a {@link Vm250Record}. Never throws: input it cannot
 * use becomes {@link Invalid}, tags it does not know become {@link Vm250Record.Unknown}.
 */
public final class Vm250LineParser {

    private static final int COUNT_DIGITS = 9;
    private static final int COUNTER_DIGITS = 18;
    /** Only speed lines (one a passage) have decimals, so a regular expression costs nothing here. */
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,9}(\\.\\d{1,9})?");
    private static final int DETECTORS = 4;

    private Vm250LineParser() {
    }

    public static Vm250Record parse(byte[] line) {
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
        LineFields fields = LineFields.split(line);
        if (!fields.isTag(0)) {
            return new Invalid(Problem.GARBAGE, "", "no tag", line);
        }
        fields.dropDailyFileTime();
        String tag = fields.text(0);
        try {
            return known(tag, fields, line);
        } catch (BadFieldsException e) {
            return new Invalid(Problem.BAD_FIELDS, tag, e.getMessage(), line);
        }
    }

    private static Vm250Record known(String tag, LineFields fields, byte[] line) throws BadFieldsException {
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

    /** Counts have at most nine digits, so every one fits an int: no value can overflow. */
    private static List<Integer> counts(LineFields fields) throws BadFieldsException {
        expectFieldCount(fields, DETECTORS);
        Integer[] counts = new Integer[DETECTORS];
        for (int i = 0; i < DETECTORS; i++) {
            int field = i + 1;
            if (fields.isMissing(field)) {
                continue;
            }
            long count = fields.digits(field, COUNT_DIGITS);
            if (count == LineFields.NOT_DIGITS) {
                throw new BadFieldsException("field " + field + " is not a count: '" + fields.text(field) + "'");
            }
            counts[i] = (int) count;
        }
        return Arrays.asList(counts);
    }

    private static Vm250Record speed(LineFields fields, byte[] line) throws BadFieldsException {
        expectFieldCount(fields, 4);
        return new Vm250Record.Speed(decimal(fields, 1), decimal(fields, 2), decimal(fields, 3),
                counter(fields, 4, false), line);
    }

    private static Vm250Record occupancyEnd(LineFields fields, byte[] line) throws BadFieldsException {
        expectFieldCount(fields, 4);
        return new Vm250Record.OccupancyEnd(counter(fields, 1, true), counter(fields, 2, true),
                counter(fields, 3, true), counter(fields, 4, true), line);
    }

    private static Vm250Record tamper(String tag, LineFields fields, byte[] line) throws BadFieldsException {
        expectFieldCount(fields, 0);
        return new Vm250Record.Tamper("TT".equals(tag), line);
    }

    private static Vm250Record setup(String tag, LineFields fields, byte[] line) throws BadFieldsException {
        if (fields.count() == 1) {
            throw new BadFieldsException("no set-up values");
        }
        List<String> values = new ArrayList<>(fields.count() - 1);
        for (int field = 1; field < fields.count(); field++) {
            values.add(fields.text(field));
        }
        return new Vm250Record.Setup(tag, values, line);
    }

    /** Fields after the tag. */
    private static void expectFieldCount(LineFields fields, int expected) throws BadFieldsException {
        int got = fields.count() - 1;
        if (got != expected) {
            throw new BadFieldsException("expected " + expected + " fields, got " + got);
        }
    }

    private static double decimal(LineFields fields, int field) throws BadFieldsException {
        String text = fields.text(field);
        if (!DECIMAL.matcher(text).matches()) {
            throw new BadFieldsException("field " + field + " is not a decimal: '" + text + "'");
        }
        return Double.parseDouble(text);
    }

    private static Long counter(LineFields fields, int field, boolean mayBeMissing) throws BadFieldsException {
        if (mayBeMissing && fields.isMissing(field)) {
            return null;
        }
        long value = fields.digits(field, COUNTER_DIGITS);
        if (value == LineFields.NOT_DIGITS) {
            throw new BadFieldsException("field " + field + " is not a number: '" + fields.text(field) + "'");
        }
        return value;
    }

    /** Internal control flow: a known tag whose fields do not follow the protocol. */
    private static final class BadFieldsException extends Exception {
        BadFieldsException(String message) {
            super(message, null, false, false);
        }
    }
}
