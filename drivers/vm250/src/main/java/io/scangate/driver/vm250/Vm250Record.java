package io.scangate.driver.vm250;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One decoded VM-250 line. Every variant keeps the exact line it came from ({@link #line()}, without the
 * CR LF) so that whatever the driver does not map can still be passed on unchanged.
 */
public sealed interface Vm250Record {

    /** The bytes of the line as received, without its line end. */
    byte[] line();

    /** The line as printable text: ASCII as is, anything else as {@code \xNN}. */
    default String text() {
        return LineText.printable(line());
    }

    /**
     * GB GH GL GS GA NB NH NS NA: one value per detector, {@code null} where the device sent {@code ***}.
     */
    record Counts(CountsTag tag, List<Integer> counts, byte[] line) implements Vm250Record {
        public Counts {
            // List.copyOf rejects nulls, and null is how a missing value is said here.
            counts = Collections.unmodifiableList(new ArrayList<>(counts));
        }
    }

    /** SP: speed of the vehicle; {@code spare} is the fourth field, sent as {@code 000000}. */
    record Speed(double secondsPerFoot, double mph, double kmh, long spare, byte[] line)
            implements Vm250Record {
    }

    /**
     * GX: end of occupancy. A field the device sent as {@code ***} is {@code null}.
     *
     * @param occupancyCounter the device's occupancy counter, which resets
     * @param neutronBackgroundX1000 neutron background in force, times 1000
     */
    record OccupancyEnd(Long occupancyCounter, Long neutronBackgroundX1000, Long field3, Long field4,
            byte[] line) implements Vm250Record {
    }

    /** TT (tripped) or TC (cleared). */
    record Tamper(boolean tripped, byte[] line) implements Vm250Record {
    }

    /** SG1 SG2 SG3 SN1 SN2: set-up values exactly as sent. */
    record Setup(String tag, List<String> fields, byte[] line) implements Vm250Record {
        public Setup {
            fields = List.copyOf(fields);
        }
    }

    /** A well-formed line with a tag this driver does not know (real units send several). */
    record Unknown(String tag, byte[] line) implements Vm250Record {
    }

    /**
     * A line the decoder could not use.
     *
     * @param problem {@link Problem#GARBAGE} when the line is not a VM-250 line at all,
     *     {@link Problem#BAD_FIELDS} when the tag is known but its fields are not as specified
     * @param tag the tag when it could be read, else empty
     * @param detail why, for logs and the raw record's reason
     */
    record Invalid(Problem problem, String tag, String detail, byte[] line) implements Vm250Record {
    }

    /** Why a line is {@link Invalid}; {@link #reason()} is the low-cardinality decode-error reason. */
    enum Problem {
        GARBAGE("garbage"),
        BAD_FIELDS("bad_fields");

        private final String reason;

        Problem(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /** Builds the bytes of a line from ASCII text; for tests and tools. */
    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
