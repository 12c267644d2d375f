package io.scangate.driver.n42;

import com.google.protobuf.ByteString;
import io.scangate.driver.n42.Detectors.Kind;
import io.scangate.driver.n42.N42Document.Detector;
import io.scangate.driver.n42.N42Document.DoseRate;
import io.scangate.proto.v1.DeviceSetup;
import io.scangate.proto.v1.Envelope;
import io.scangate.proto.v1.MeasurementKind;
import io.scangate.proto.v1.RadiationMeasurement;
import io.scangate.proto.v1.RawRecord;
import io.scangate.proto.v1.Spectrum;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps one read document to the contract (the rules are in the module README):
 * RadInstrumentInformation and RadDetectorInformation to one DeviceSetup; Foreground measurements of an
 * occupancy, or of a document with AnalysisResults, with the alarms and nuclides to one RadiationScan
 * ({@link ScanAssembler}); every other measurement to RadiationMeasurements, Background split by detector
 * kind; what is not mapped to a RawRecord (or, in a scan, to its {@code unmapped} lines).
 */
final class N42Mapper {

    static final String SETUP_TAG = "RadInstrumentInformation";
    static final String UNMAPPED_TAG = "unmapped";
    static final String DOCUMENT_TAG = "N42";

    private final N42Document document;
    private final byte[] bytes;
    private final List<N42Problem> problems;
    private final Detectors detectors;
    private final List<Envelope.Builder> messages = new ArrayList<>();

    private N42Mapper(N42Document document, byte[] bytes) {
        this.document = document;
        this.bytes = bytes;
        this.problems = new ArrayList<>(document.problems);
        this.detectors = new Detectors(document);
    }

    static N42Result map(N42Document document, byte[] bytes) {
        return new N42Mapper(document, bytes).map();
    }

    static Envelope.Builder raw(String tag, byte[] payload, String reason) {
        return Envelope.newBuilder().setRawRecord(RawRecord.newBuilder()
                .setTag(tag).setPayload(ByteString.copyFrom(payload)).setReason(reason));
    }

    private N42Result map() {
        setup();
        List<MeasurementParts> parts = new ArrayList<>();
        document.measurements.forEach(measurement -> parts.add(new MeasurementParts(measurement, problems)));
        boolean analysed = document.hasAnalysisResults;
        ScanAssembler scan = new ScanAssembler(document, detectors, problems);
        for (MeasurementParts part : parts) {
            if (part.isClass("Foreground") && (part.occupied() || analysed)) {
                scan.add(part);
            } else {
                measurements(part);
                if (part.isClass("Background")) {
                    scan.background(part);
                }
            }
        }
        if (scan.hasContent()) {
            messages.add(scan.build(bytes));
        } else {
            unmappedRecord();
        }
        if (messages.isEmpty()) {
            problems.add(new N42Problem("no_content", "a well-formed N42 document with nothing to map"));
            messages.add(raw(DOCUMENT_TAG, bytes, "N42 document without measurements, analysis or instrument"));
        }
        return new N42Result(messages, problems);
    }

    private void setup() {
        if (document.instrument.isEmpty() && document.detectors.isEmpty()) {
            return;
        }
        DeviceSetup.Builder setup = DeviceSetup.newBuilder().setSourceTag(SETUP_TAG);
        document.instrument.forEach((key, value) -> put(setup, key, value));
        for (Detector detector : document.detectors) {
            String prefix = "detector." + detector.id + ".";
            put(setup, prefix + "category", detector.category);
            put(setup, prefix + "kind", detector.kind);
            put(setup, prefix + "name", detector.name);
            put(setup, prefix + "description", detector.description);
        }
        messages.add(Envelope.newBuilder().setDeviceSetup(setup));
    }

    private static void put(DeviceSetup.Builder setup, String key, String value) {
        if (value != null) {
            setup.putValues(key, value).addFields(value);
        }
    }

    private void measurements(MeasurementParts part) {
        List<Spectrum> spectra = part.spectra(document.calibrations, problems);
        for (DoseRate dose : part.source.doseRates) {
            document.unmapped.add(N42Reader.ROOT + "/RadMeasurement[" + part.source.id + "]/DoseRate["
                    + Detectors.label(dose.detector()) + "]/DoseRateValue: " + dose.value());
        }
        if (!part.isClass("Background")) {
            messages.add(measurement(part, kindOf(part), detectors.all(), spectra));
            return;
        }
        List<String> gamma = detectors.of(Kind.GAMMA);
        List<String> neutron = detectors.of(Kind.NEUTRON);
        boolean hasGamma = !spectra.isEmpty() || part.counts(gamma).stream().anyMatch(c -> c != null);
        boolean hasNeutron = part.counts(neutron).stream().anyMatch(c -> c != null);
        if (hasGamma) {
            messages.add(measurement(part, MeasurementKind.MEASUREMENT_KIND_GAMMA_BACKGROUND, gamma, spectra));
        }
        if (hasNeutron) {
            messages.add(measurement(part, MeasurementKind.MEASUREMENT_KIND_NEUTRON_BACKGROUND, neutron, List.of()));
        }
        if (!hasGamma && !hasNeutron) {
            messages.add(measurement(part, MeasurementKind.MEASUREMENT_KIND_UNSPECIFIED, List.of(), List.of()));
        }
    }

    private static MeasurementKind kindOf(MeasurementParts part) {
        if (part.isClass("Foreground")) {
            return MeasurementKind.MEASUREMENT_KIND_FOREGROUND;
        }
        if (part.isClass("Calibration")) {
            return MeasurementKind.MEASUREMENT_KIND_CALIBRATION;
        }
        return MeasurementKind.MEASUREMENT_KIND_UNSPECIFIED;
    }

    private Envelope.Builder measurement(MeasurementParts part, MeasurementKind kind, List<String> covered,
            List<Spectrum> spectra) {
        RadiationMeasurement.Builder measurement = RadiationMeasurement.newBuilder()
                .setKind(kind)
                .setSourceTag(part.source.classCode == null ? "NotSpecified" : part.source.classCode)
                .addAllSpectra(spectra);
        for (Long count : part.counts(covered)) {
            measurement.addCounts(count == null ? 0 : (int) (long) count).addPresent(count != null);
        }
        if (part.realTime != null) {
            measurement.setRealTime(N42Times.proto(part.realTime));
        }
        Envelope.Builder message = Envelope.newBuilder().setRadiationMeasurement(measurement);
        if (part.start != null) {
            message.setDeviceTime(N42Times.proto(part.start));
        }
        return message;
    }

    private void unmappedRecord() {
        if (document.unmapped.isEmpty()) {
            return;
        }
        String lines = String.join("\n", document.unmapped);
        messages.add(raw(UNMAPPED_TAG, lines.getBytes(StandardCharsets.UTF_8),
                document.unmapped.size() + " N42 items not mapped to the contract"
                        + (document.uuid == null ? "" : " (n42DocUUID " + document.uuid + ")")));
    }
}
