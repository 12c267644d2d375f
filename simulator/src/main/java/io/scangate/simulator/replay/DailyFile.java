package io.scangate.simulator.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recorded daily file: device lines to which the recorder appended {@code ,HH-MM-SS.mmm} (the device sends no
 * timestamp, DESIGN 4.1). Lines starting with {@code #} are comments (real files have none; the bundled sample
 * uses them for its header); blank lines are skipped. A line without timestamp keeps the previous line's time.
 * Times are made monotonic: a jump back of more than 12 h is midnight, a smaller one (a recorder glitch) keeps
 * the previous time.
 */
public final class DailyFile {

    private static final Pattern TIMESTAMP = Pattern.compile("^(.*),(\\d{2})-(\\d{2})-(\\d{2})\\.(\\d{3})$");
    private static final long DAY_MILLIS = 24L * 3600 * 1000;

    /** One device line, without timestamp and without CR LF, at a time in ms since the first day's midnight. */
    public record Line(long atMillis, String text) {

        public String tag() {
            int comma = text.indexOf(',');
            return comma < 0 ? text : text.substring(0, comma);
        }
    }

    private final List<Line> lines;

    private DailyFile(List<Line> lines) {
        this.lines = List.copyOf(lines);
    }

    public static DailyFile read(Path path) throws IOException {
        return parse(Files.readAllLines(path, StandardCharsets.ISO_8859_1));
    }

    public static DailyFile parse(List<String> rawLines) {
        List<Line> lines = new ArrayList<>();
        long dayOffset = 0;
        long previousTimeOfDay = -1;
        long previousAt = 0;
        for (String raw : rawLines) {
            String text = stripLineEnd(raw);
            if (text.isBlank() || text.startsWith("#")) {
                continue;
            }
            Matcher matcher = TIMESTAMP.matcher(text);
            long at = previousAt;
            if (matcher.matches()) {
                text = matcher.group(1);
                long timeOfDay = timeOfDayMillis(matcher);
                if (previousTimeOfDay >= 0 && timeOfDay < previousTimeOfDay - DAY_MILLIS / 2) {
                    dayOffset += DAY_MILLIS;
                }
                previousTimeOfDay = timeOfDay;
                at = Math.max(previousAt, dayOffset + timeOfDay);
            }
            lines.add(new Line(at, text));
            previousAt = at;
        }
        return new DailyFile(lines);
    }

    public List<Line> lines() {
        return lines;
    }

    private static long timeOfDayMillis(Matcher m) {
        return ((Long.parseLong(m.group(2)) * 60 + Long.parseLong(m.group(3))) * 60 + Long.parseLong(m.group(4)))
                * 1000 + Long.parseLong(m.group(5));
    }

    private static String stripLineEnd(String raw) {
        int end = raw.length();
        while (end > 0 && (raw.charAt(end - 1) == '\r' || raw.charAt(end - 1) == '\n')) {
            end--;
        }
        return raw.substring(0, end);
    }
}
