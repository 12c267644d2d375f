package io.scangate.simulator.vm250;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Turns {@link Vm250Record}s into the exact bytes a VM-250 sends (DESIGN 4.1): ASCII, comma separated,
 * counts and GX fields as six zero-padded digits, {@code ***} for a missing value, each line ending CR LF.
 * Written from the spec, not from the driver's decoder, so that the golden vectors check both.
 */
public final class Vm250Encoder {

    static final String MISSING = "***";
    private static final int SIX_DIGIT_MAX = 999_999;
    /** Every SP decimal field is six characters wide: 0.1281, 05.323, 008.57. */
    private static final int DECIMAL_WIDTH = 6;

    private Vm250Encoder() {
    }

    /** The line with its CR LF, as ASCII bytes. */
    public static byte[] encode(Vm250Record record) {
        return (line(record) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The line without CR LF. */
    public static String line(Vm250Record record) {
        StringBuilder out = new StringBuilder(32).append(record.tag());
        if (record instanceof Vm250Record.Counts counts) {
            counts.counts().forEach(value -> out.append(',').append(sixDigits(value)));
        } else if (record instanceof Vm250Record.Speed speed) {
            out.append(',').append(decimal(speed.secondsPerFoot(), "%06.4f"))
                    .append(',').append(decimal(speed.mph(), "%06.3f"))
                    .append(',').append(decimal(speed.kmh(), "%06.2f"))
                    .append(',').append(sixDigits(speed.spare()));
        } else if (record instanceof Vm250Record.OccupancyEnd end) {
            out.append(',').append(sixDigits(end.occupancyCounter()))
                    .append(',').append(sixDigits(end.neutronBackgroundX1000()))
                    .append(',').append(sixDigits(end.field3()))
                    .append(',').append(sixDigits(end.field4()));
        } else if (record instanceof Vm250Record.Setup setup) {
            appendFields(out, setup.fields());
        } else if (record instanceof Vm250Record.Raw raw) {
            return raw.line();
        }
        return out.toString();
    }

    static String sixDigits(Integer value) {
        if (value == null) {
            return MISSING;
        }
        if (value < 0 || value > SIX_DIGIT_MAX) {
            throw new IllegalArgumentException("value " + value + " does not fit six digits");
        }
        String digits = Integer.toString(value);
        return "000000".substring(digits.length()) + digits;
    }

    private static String decimal(Double value, String format) {
        if (value == null) {
            return MISSING;
        }
        String text = String.format(Locale.ROOT, format, value);
        if (value < 0 || text.length() != DECIMAL_WIDTH) {
            throw new IllegalArgumentException("value " + value + " does not fit " + format);
        }
        return text;
    }

    private static void appendFields(StringBuilder out, List<String> fields) {
        for (String field : fields) {
            if (field.indexOf(',') >= 0 || field.indexOf('\r') >= 0 || field.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("set-up field must not contain a comma or line end: " + field);
            }
            out.append(',').append(field);
        }
    }
}
