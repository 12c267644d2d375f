package io.scangate.driver.dicos;

import io.scangate.driver.DriverConfig;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code params:} block of a {@code dicos} device: one DICOM/DICOS storage SCP listening for a scanner.
 * Every key is optional; a key left out (bound as {@code null}) takes the default named on its component.
 *
 * @param calledAeTitle the AE title scanners must call (default {@code SCANGATE}); any other is rejected
 *     with "called AE title not recognized"
 * @param acceptedCallingAeTitles scanners' own AE titles allowed to associate; empty (the default) accepts
 *     any, any other is rejected with "calling AE title not recognized"
 * @param maxPduBytes largest PDU variable field received, announced to the scanner in A-ASSOCIATE-AC as the
 *     maximum length received (default 1 MiB, 16 KiB to 16 MiB); one PDU is the most a connection holds in
 *     heap; a longer PDU aborts the association
 * @param maxCommandBytes largest DIMSE command set accepted (default 64 KiB; real ones are ~200 bytes)
 * @param artimTimeout how long a new connection may take to send its A-ASSOCIATE-RQ, and how long the
 *     scanner may take to close after a rejection or a release (default 30s)
 * @param idleTimeout an association that sends nothing for this long, while no operation is pending, is
 *     aborted (default 5m)
 * @param timeZone zone of the scanner's clock, used for acquisition dates and times that carry no
 *     Timezone Offset From UTC (default {@code UTC})
 * @param energy which attributes and words name an image's dual-energy channel (default: Image Type values 3
 *     and beyond, words as in {@link EnergyConfig#DEFAULT_TOKENS})
 */
public record DicosConfig(
        String calledAeTitle,
        List<String> acceptedCallingAeTitles,
        Integer maxPduBytes,
        Integer maxCommandBytes,
        Duration artimTimeout,
        Duration idleTimeout,
        String timeZone,
        EnergyConfig energy) implements DriverConfig {

    public static final String DEFAULT_CALLED_AE_TITLE = "SCANGATE";
    public static final int DEFAULT_MAX_PDU_BYTES = 1 << 20;
    public static final int MIN_MAX_PDU_BYTES = 16 << 10;
    public static final int MAX_MAX_PDU_BYTES = 16 << 20;
    public static final int DEFAULT_MAX_COMMAND_BYTES = 64 << 10;
    public static final Duration DEFAULT_ARTIM_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);
    public static final String DEFAULT_TIME_ZONE = "UTC";

    public DicosConfig {
        calledAeTitle = calledAeTitle == null ? DEFAULT_CALLED_AE_TITLE : calledAeTitle.strip();
        acceptedCallingAeTitles = acceptedCallingAeTitles == null ? List.of()
                : acceptedCallingAeTitles.stream().map(title -> title == null ? "" : title.strip()).toList();
        maxPduBytes = maxPduBytes == null ? DEFAULT_MAX_PDU_BYTES : maxPduBytes;
        maxCommandBytes = maxCommandBytes == null ? DEFAULT_MAX_COMMAND_BYTES : maxCommandBytes;
        artimTimeout = artimTimeout == null ? DEFAULT_ARTIM_TIMEOUT : artimTimeout;
        idleTimeout = idleTimeout == null ? DEFAULT_IDLE_TIMEOUT : idleTimeout;
        timeZone = timeZone == null ? DEFAULT_TIME_ZONE : timeZone;
        energy = energy == null ? EnergyConfig.defaults() : energy;
    }

    public static DicosConfig defaults() {
        return new DicosConfig(null, null, null, null, null, null, null, null);
    }

    /** The zone named by {@link #timeZone()}; call after {@link #validate()}. */
    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    @Override
    public List<String> validate() {
        List<String> problems = new ArrayList<>();
        aeTitleProblem(calledAeTitle).ifPresent(problem -> problems.add("calledAeTitle: " + problem));
        for (int i = 0; i < acceptedCallingAeTitles.size(); i++) {
            int index = i;
            aeTitleProblem(acceptedCallingAeTitles.get(i))
                    .ifPresent(problem -> problems.add("acceptedCallingAeTitles[" + index + "]: " + problem));
        }
        if (maxPduBytes < MIN_MAX_PDU_BYTES || maxPduBytes > MAX_MAX_PDU_BYTES) {
            problems.add("maxPduBytes: must be between " + MIN_MAX_PDU_BYTES + " and " + MAX_MAX_PDU_BYTES
                    + ", got " + maxPduBytes + " (the default " + DEFAULT_MAX_PDU_BYTES + " suits 25 MB views)");
        }
        if (maxCommandBytes < 1024 || maxCommandBytes > 1 << 20) {
            problems.add("maxCommandBytes: must be between 1024 and 1048576, got " + maxCommandBytes
                    + " (command sets are about 200 bytes; the default is " + DEFAULT_MAX_COMMAND_BYTES + ")");
        }
        requirePositive(problems, "artimTimeout", artimTimeout, "30s");
        requirePositive(problems, "idleTimeout", idleTimeout, "5m");
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            problems.add("timeZone: '" + timeZone + "' is not a zone id (use e.g. UTC or Europe/Rotterdam)");
        }
        problems.addAll(energy.validate());
        return problems;
    }

    private static Optional<String> aeTitleProblem(String title) {
        if (title.isEmpty() || title.length() > 16) {
            return Optional.of("'" + title + "' must have 1 to 16 characters (e.g. SCANGATE)");
        }
        for (char c : title.toCharArray()) {
            if (c < 0x20 || c > 0x7e || c == '\\') {
                return Optional.of("'" + title + "' may hold printable ASCII other than backslash only"
                        + " (e.g. SCANNER1)");
            }
        }
        return Optional.empty();
    }

    private static void requirePositive(List<String> problems, String key, Duration value, String example) {
        if (value.isNegative() || value.isZero()) {
            problems.add(key + ": must be above zero, got " + value + " (e.g. " + example + ")");
        }
    }
}
