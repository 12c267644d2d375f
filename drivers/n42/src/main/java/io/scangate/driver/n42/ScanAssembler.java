package io.scangate.driver.n42;

import io.scangate.driver.n42.Detectors.Kind;
import io.scangate.driver.n42.N42Document.Alarm;
import io.scangate.driver.n42.N42Document.DoseRate;
import io.scangate.driver.n42.N42Document.Nuclide;
import io.scangate.proto.v1.DetectorCounts;
import io.scangate.proto.v1.Envelope;
import io.scangate.proto.v1.NuclideIdentification;
import io.scangate.proto.v1.OccupancyClose;
import io.scangate.proto.v1.RadiationScan;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Builds the one RadiationScan of a document: its occupancy Foreground measurements (each one interval of
 * gamma and neutron counts, offset from the earliest start), their spectra, the background of the same
 * document as counts per second, and the analysis: RadAlarm categories Gamma and Neutron set the alarm
 * flags, every alarm is kept in {@code device_fields}, identified nuclides become NuclideIdentifications.
 */
final class ScanAssembler {

    private final N42Document document;
    private final Detectors detectors;
    private final List<N42Problem> problems;
    private final List<MeasurementParts> parts = new ArrayList<>();
    private MeasurementParts background;

    ScanAssembler(N42Document document, Detectors detectors, List<N42Problem> problems) {
        this.document = document;
        this.detectors = detectors;
        this.problems = problems;
    }

    void add(MeasurementParts part) {
        parts.add(part);
    }

    /** The first Background measurement of the document gives the scan's background rates. */
    void background(MeasurementParts part) {
        if (background == null && part.realTime != null && !part.realTime.isZero()) {
            background = part;
        }
    }

    boolean hasContent() {
        return !parts.isEmpty() || !document.alarms.isEmpty() || !document.nuclides.isEmpty();
    }

    Envelope.Builder build(byte[] bytes) {
        RadiationScan.Builder scan = RadiationScan.newBuilder()
                .setOccupancyId(occupancyId(bytes))
                .setClose(OccupancyClose.OCCUPANCY_CLOSE_NORMAL);
        putField(scan, "n42DocUUID", document.uuid);
        putField(scan, "n42DocDateTime", document.dateTime);
        Instant start = start();
        Instant end = null;
        List<String> gamma = detectors.of(Kind.GAMMA);
        List<String> neutron = detectors.of(Kind.NEUTRON);
        for (MeasurementParts part : parts) {
            Duration offset = start == null || part.start == null ? Duration.ZERO : Duration.between(start, part.start);
            Duration length = part.realTime == null ? Duration.ZERO : part.realTime;
            intervals(part.counts(gamma), offset, length).ifPresent(scan::addGamma);
            intervals(part.counts(neutron), offset, length).ifPresent(scan::addNeutron);
            scan.addAllSpectra(part.spectra(document.calibrations, problems));
            if (part.start != null && part.realTime != null) {
                Instant partEnd = part.start.plus(part.realTime);
                end = end == null || partEnd.isAfter(end) ? partEnd : end;
            }
            for (DoseRate dose : part.source.doseRates) {
                putField(scan, "doseRate." + part.source.id + "." + Detectors.label(dose.detector()), dose.value());
            }
        }
        if (background != null) {
            double seconds = background.realTime.toNanos() / 1e9;
            background.counts(gamma).forEach(c -> scan.addGammaBackground(c == null ? Double.NaN : c / seconds));
            background.counts(neutron).forEach(c -> scan.addNeutronBackground(c == null ? Double.NaN : c / seconds));
        }
        alarms(scan);
        nuclides(scan);
        scan.addAllUnmapped(document.unmapped);
        Envelope.Builder message = Envelope.newBuilder();
        if (start != null) {
            scan.setStartTime(N42Times.proto(start));
            message.setDeviceTime(N42Times.proto(start));
        }
        if (end != null) {
            scan.setEndTime(N42Times.proto(end));
        }
        return message.setRadiationScan(scan);
    }

    /** n42DocUUID when it is a UUID, so that a resent document keeps its id; otherwise one from the bytes. */
    private String occupancyId(byte[] bytes) {
        if (document.uuid != null) {
            try {
                return UUID.fromString(document.uuid).toString();
            } catch (IllegalArgumentException notAUuid) {
                return UUID.nameUUIDFromBytes(document.uuid.getBytes(StandardCharsets.UTF_8))
                        .toString();
            }
        }
        return UUID.nameUUIDFromBytes(bytes).toString();
    }

    private Instant start() {
        Instant start = null;
        for (MeasurementParts part : parts) {
            if (part.start != null && (start == null || part.start.isBefore(start))) {
                start = part.start;
            }
        }
        if (start == null) {
            for (Alarm alarm : document.alarms) {
                Instant time = N42Times.instant(alarm.dateTime, "RadAlarmDateTime", problems);
                if (time != null && (start == null || time.isBefore(start))) {
                    start = time;
                }
            }
        }
        return start;
    }

    private static Optional<DetectorCounts> intervals(List<Long> counts, Duration offset, Duration length) {
        if (counts.stream().allMatch(c -> c == null)) {
            return Optional.empty();
        }
        DetectorCounts.Builder interval = DetectorCounts.newBuilder()
                .setOffset(N42Times.proto(offset.isNegative() ? Duration.ZERO : offset))
                .setLength(N42Times.proto(length));
        for (Long count : counts) {
            interval.addCounts(count == null ? 0 : (int) (long) count).addPresent(count != null);
        }
        return Optional.of(interval.build());
    }

    private void alarms(RadiationScan.Builder scan) {
        int index = 0;
        for (Alarm alarm : document.alarms) {
            index++;
            String category = alarm.category == null ? "" : alarm.category;
            switch (category.toLowerCase(Locale.ROOT)) {
                case "gamma" -> scan.setGammaAlarm(true);
                case "neutron" -> scan.setNeutronAlarm(true);
                default -> {
                }
            }
            String prefix = "alarm." + index + ".";
            putField(scan, prefix + "category", alarm.category);
            putField(scan, prefix + "description", alarm.description);
            putField(scan, prefix + "dateTime", alarm.dateTime);
        }
    }

    /**
     * Nuclides the device marks as not identified are kept only in {@code device_fields}. Confidence:
     * NuclideIDConfidenceValue (0 to 100) divided by 100; a textual indication that is a number is read the
     * same way, any other text (High, Low...) is kept in {@code device_fields} and the confidence left 0.
     */
    private void nuclides(RadiationScan.Builder scan) {
        for (Nuclide nuclide : document.nuclides) {
            String name = nuclide.name == null ? "unnamed" : nuclide.name;
            if ("false".equalsIgnoreCase(nuclide.identified) || "0".equals(nuclide.identified)) {
                putField(scan, "nuclide." + name + ".identified", nuclide.identified);
                continue;
            }
            NuclideIdentification.Builder identification = NuclideIdentification.newBuilder().setNuclide(name);
            if (nuclide.category != null) {
                identification.setCategory(nuclide.category);
            }
            Double confidence = percent(nuclide.confidenceValue, name);
            if (confidence == null && nuclide.confidenceText != null) {
                confidence = percentOrNull(nuclide.confidenceText);
                if (confidence == null) {
                    putField(scan, "nuclide." + name + ".confidence", nuclide.confidenceText);
                }
            }
            if (confidence != null) {
                identification.setConfidence(confidence);
            }
            scan.addNuclides(identification);
        }
    }

    private Double percent(String text, String nuclide) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        Double value = percentOrNull(text);
        if (value == null) {
            problems.add(new N42Problem("bad_number", "Nuclide " + nuclide + " NuclideIDConfidenceValue '"
                    + Printable.abbreviate(text, 40) + "' is not a number from 0 to 100"));
        }
        return value;
    }

    private static Double percentOrNull(String text) {
        try {
            double value = Double.parseDouble(text.trim());
            return value >= 0 && value <= 100 ? value / 100 : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void putField(RadiationScan.Builder scan, String key, String value) {
        if (value != null) {
            scan.putDeviceFields(key, value);
        }
    }
}
