package io.scangate.simulator.vm250;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one VM-250 line means (DESIGN 4.1), independent of its bytes. A {@code null} numeric value stands for
 * a value the device could not give, sent as {@code ***}.
 */
public sealed interface Vm250Record {

    /** The tag the line starts with. */
    String tag();

    /** Tags whose four fields are detector counts. */
    Set<String> COUNT_TAGS = Set.of("GB", "GH", "GL", "GS", "GA", "NB", "NH", "NS", "NA");

    /** Tags whose fields are set-up values sent as the device formats them. */
    Set<String> SETUP_TAGS = Set.of("SG1", "SG2", "SG3", "SN1", "SN2");

    /** GB/GH/GL/GS/GA (gamma) or NB/NH/NS/NA (neutron): four detector values. */
    record Counts(String tag, List<Integer> counts) implements Vm250Record {
        public Counts {
            if (!COUNT_TAGS.contains(tag)) {
                throw new IllegalArgumentException("not a count tag: " + tag);
            }
            if (counts.size() != 4) {
                throw new IllegalArgumentException(tag + " needs 4 detector values, got " + counts.size());
            }
            counts = Collections.unmodifiableList(new ArrayList<>(counts));
        }

        public static Counts of(String tag, Integer g1, Integer g2, Integer g3, Integer g4) {
            return new Counts(tag, Arrays.asList(g1, g2, g3, g4));
        }
    }

    /** SP: seconds per foot, mph, km/h and a spare field. */
    record Speed(Double secondsPerFoot, Double mph, Double kmh, Integer spare) implements Vm250Record {
        @Override
        public String tag() {
            return "SP";
        }

        /** A consistent SP record for a vehicle speed in miles per hour. */
        public static Speed ofMph(double mph) {
            return new Speed(3600.0 / (5280.0 * mph), mph, mph * 1.609344, 0);
        }
    }

    /** GX: end of occupancy. */
    record OccupancyEnd(Integer occupancyCounter, Integer neutronBackgroundX1000, Integer field3, Integer field4)
            implements Vm250Record {
        @Override
        public String tag() {
            return "GX";
        }
    }

    /** TT (tamper tripped) or TC (tamper cleared): a tag without fields. */
    record Tamper(String tag) implements Vm250Record {
        public Tamper {
            if (!tag.equals("TT") && !tag.equals("TC")) {
                throw new IllegalArgumentException("not a tamper tag: " + tag);
            }
        }
    }

    /** SG1-3, SN1-2: set-up values, sent exactly as given. */
    record Setup(String tag, List<String> fields) implements Vm250Record {
        public Setup {
            if (!SETUP_TAGS.contains(tag)) {
                throw new IllegalArgumentException("not a set-up tag: " + tag);
            }
            fields = List.copyOf(fields);
        }
    }

    /** Any other line (undocumented tags such as NC, RW, AB1): the whole line without CR LF. */
    record Raw(String line) implements Vm250Record {
        public Raw {
            Objects.requireNonNull(line, "line");
            if (line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a raw line must not contain CR or LF");
            }
        }

        @Override
        public String tag() {
            int comma = line.indexOf(',');
            return comma < 0 ? line : line.substring(0, comma);
        }
    }
}
