package io.scangate.simulator.replay;

import io.scangate.simulator.lane.Emission;
import io.scangate.simulator.lane.LaneSource;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Records a source as a daily file, the way a recorder beside a real device does: each line followed by
 * {@code ,HH-MM-SS.mmm} of its (simulated) time of day. Only whole device lines are recorded; occupancy markers
 * carry no bytes.
 */
public final class DailyFileWriter {

    private static final long DAY_MILLIS = 24L * 3600 * 1000;

    private DailyFileWriter() {
    }

    /**
     * @param startTimeOfDayMillis time of day of simulated time 0 (the recording may pass midnight)
     * @param durationMillis       simulated time to record
     * @return lines written
     */
    public static int write(LaneSource source, long startTimeOfDayMillis, long durationMillis, Writer out)
            throws IOException {
        source.clientConnected(0);
        int lines = 0;
        for (Emission e = source.next(durationMillis); e != null; e = source.next(durationMillis)) {
            if (e.bytes().length == 0) {
                continue;
            }
            String text = new String(e.bytes(), StandardCharsets.ISO_8859_1).replace("\r\n", "");
            out.write(text);
            out.write(',');
            out.write(timeOfDay((startTimeOfDayMillis + e.atMillis()) % DAY_MILLIS));
            out.write('\n');
            lines++;
        }
        return lines;
    }

    static String timeOfDay(long millis) {
        long seconds = millis / 1000;
        return String.format("%02d-%02d-%02d.%03d", seconds / 3600, seconds / 60 % 60, seconds % 60, millis % 1000);
    }
}
