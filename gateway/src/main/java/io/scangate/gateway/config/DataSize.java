package io.scangate.gateway.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A number of bytes written as {@code 1048576}, {@code 512KiB}, {@code 64MiB}, {@code 1GiB} or {@code 10MB}. */
public record DataSize(long bytes) {

    private static final Pattern FORM = Pattern.compile("(\\d+)\\s*([kmgt]i?b|b)?", Pattern.CASE_INSENSITIVE);

    public static DataSize parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size: write e.g. 1048576, 512KiB, 64MiB or 1GiB");
        }
        long value = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
        long factor = switch (unit) {
            case "b" -> 1L;
            case "kb" -> 1_000L;
            case "kib" -> 1L << 10;
            case "mb" -> 1_000_000L;
            case "mib" -> 1L << 20;
            case "gb" -> 1_000_000_000L;
            case "gib" -> 1L << 30;
            case "tb" -> 1_000_000_000_000L;
            case "tib" -> 1L << 40;
            default -> throw new IllegalArgumentException("unknown size unit in '" + text + "'");
        };
        return new DataSize(Math.multiplyExact(value, factor));
    }

    public static DataSize ofMebibytes(long mib) {
        return new DataSize(mib << 20);
    }

    @Override
    public String toString() {
        return bytes + "B";
    }
}
