package io.scangate.simulator;

import java.util.List;
import java.util.regex.Pattern;

/** The line grammar of DESIGN 4.1, as a test oracle. */
final class Vm250Grammar {

    private static final String SIX = "(\\d{6}|\\*\\*\\*)";
    private static final List<Pattern> LINES = List.of(
            Pattern.compile("(GB|GH|GL|GS|GA|NB|NH|NS|NA)(," + SIX + "){4}"),
            Pattern.compile("SP,(\\d\\.\\d{4}|\\*\\*\\*),(\\d{2}\\.\\d{3}|\\*\\*\\*),(\\d{3}\\.\\d{2}|\\*\\*\\*)," + SIX),
            Pattern.compile("GX(," + SIX + "){4}"),
            Pattern.compile("TT|TC"),
            Pattern.compile("(SG[123]|SN[12])(,[0-9A-Z.]+)+"));

    private Vm250Grammar() {
    }

    static boolean isDeviceLine(String line) {
        return line.length() <= 40 && LINES.stream().anyMatch(p -> p.matcher(line).matches());
    }
}
