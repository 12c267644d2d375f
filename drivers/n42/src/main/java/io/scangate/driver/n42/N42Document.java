package io.scangate.driver.n42;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One N42 document as read, before mapping: text as the device wrote it (conversions and their problems
 * belong to {@link N42Mapper}), except channel and count data, which {@link N42Reader} decodes while
 * streaming. Mutable and confined to one parse.
 */
final class N42Document {

    String uuid;
    String dateTime;
    /** RadInstrumentInformation leaves, in document order, under short keys (manufacturer, model, ...). */
    final Map<String, String> instrument = new LinkedHashMap<>();
    final List<Detector> detectors = new ArrayList<>();
    final Map<String, double[]> calibrations = new LinkedHashMap<>();
    final List<Measurement> measurements = new ArrayList<>();
    final List<Alarm> alarms = new ArrayList<>();
    final List<Nuclide> nuclides = new ArrayList<>();
    boolean hasAnalysisResults;
    /** Elements not mapped (vendor extensions, parts of the standard not in the contract), flattened. */
    final List<String> unmapped = new ArrayList<>();
    /** Problems found while reading that did not stop it, as (reason, detail). */
    final List<N42Problem> problems = new ArrayList<>();

    static final class Detector {
        final String id;
        String category;
        String kind;
        String name;
        String description;

        Detector(String id) {
            this.id = id;
        }
    }

    static final class Measurement {
        final String id;
        String classCode;
        String startDateTime;
        String realTime;
        String occupancy;
        final List<SpectrumData> spectra = new ArrayList<>();
        final List<GrossCounts> grossCounts = new ArrayList<>();
        final List<DoseRate> doseRates = new ArrayList<>();

        Measurement(String id) {
            this.id = id;
        }
    }

    static final class SpectrumData {
        final String id;
        final String detector;
        final String calibration;
        String liveTime;
        /** Decompressed counts; null when there was no usable ChannelData. */
        int[] channels;

        SpectrumData(String id, String detector, String calibration) {
            this.id = id;
            this.detector = detector;
            this.calibration = calibration;
        }
    }

    static final class GrossCounts {
        final String detector;
        String liveTime;
        /** Sum of the CountData values; null when absent or unreadable. */
        Double total;

        GrossCounts(String detector) {
            this.detector = detector;
        }
    }

    record DoseRate(String detector, String value) {
    }

    static final class Alarm {
        String category;
        String description;
        String dateTime;
    }

    static final class Nuclide {
        String name;
        String identified;
        String confidenceValue;
        String confidenceText;
        String category;
    }
}
