package io.scangate.driver.dicos;

import com.google.protobuf.Timestamp;
import io.scangate.driver.BlobRef;
import io.scangate.proto.v1.EnergyChannel;
import io.scangate.proto.v1.Envelope;
import io.scangate.proto.v1.ImageRef;
import io.scangate.proto.v1.XrayScan;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps one stored instance to an {@link XrayScan}: one message per C-STORE, with the stored Part-10 file as
 * its single {@link ImageRef}. {@code scan_id} is the SOP Instance UID (stable across resends; study and
 * series carry the grouping of views and energies; the image's own channel is what {@link EnergyMatcher}
 * read). A DICOS TDR is mapped the same way, plus its decisions and detections ({@link ThreatReports}).
 */
final class XrayScans {

    static final String MEDIA_TYPE = "application/dicom";

    /** Top-level values also copied into {@code attributes} by keyword when present. */
    private static final List<Integer> EXTRA_ATTRIBUTES = List.of(Tags.IMAGE_TYPE, Tags.SERIES_NUMBER,
            Tags.SERIES_DESCRIPTION, Tags.INSTANCE_NUMBER, Tags.PATIENT_ID, Tags.DEVICE_SERIAL_NUMBER,
            Tags.SOFTWARE_VERSIONS, Tags.SAMPLES_PER_PIXEL, Tags.PIXEL_REPRESENTATION, Tags.NUMBER_OF_FRAMES,
            Tags.TIMEZONE_OFFSET_FROM_UTC, Tags.STUDY_DATE, Tags.STUDY_TIME, Tags.ACQUISITION_DATE_TIME,
            Tags.ACQUISITION_DATE, Tags.ACQUISITION_TIME, Tags.OPERATORS_NAME, Tags.TDR_TYPE,
            Tags.THREAT_DETECTION_ALGORITHM_AND_VERSION, Tags.ALARM_DECISION, Tags.ALARM_DECISION_TIME,
            Tags.NUMBER_OF_TOTAL_OBJECTS, Tags.NUMBER_OF_ALARM_OBJECTS);

    /** US values among them: binary, written out as numbers (not as their two bytes taken for text). */
    private static final Set<Integer> BINARY_US = Set.of(Tags.SAMPLES_PER_PIXEL, Tags.PIXEL_REPRESENTATION,
            Tags.NUMBER_OF_TOTAL_OBJECTS, Tags.NUMBER_OF_ALARM_OBJECTS);

    private XrayScans() {
    }

    static Envelope.Builder message(DatasetAttributes dataset, BlobRef blob, long fileMetaBytes,
            PresentationContext context, Association association, ZoneId zone, EnergyChannel energy) {
        ImageRef.Builder image = ImageRef.newBuilder()
                .setSha256(blob.sha256())
                .setSizeBytes(blob.sizeBytes())
                .setEncoding(context.transferSyntax())
                .setWidth(dataset.unsignedShort(Tags.COLUMNS))
                .setHeight(dataset.unsignedShort(Tags.ROWS))
                .setBitsAllocated(dataset.unsignedShort(Tags.BITS_ALLOCATED))
                .setBitsStored(dataset.unsignedShort(Tags.BITS_STORED))
                .setView(dataset.string(Tags.VIEW_POSITION))
                .setEnergy(energy)
                .setSopClassUid(dataset.string(Tags.SOP_CLASS_UID))
                .setSopInstanceUid(dataset.string(Tags.SOP_INSTANCE_UID))
                .setPhotometricInterpretation(dataset.string(Tags.PHOTOMETRIC_INTERPRETATION));
        int spacingTag = dataset.has(Tags.PIXEL_SPACING) ? Tags.PIXEL_SPACING : Tags.IMAGER_PIXEL_SPACING;
        List<Double> spacing = dataset.decimals(spacingTag);
        if (dataset.has(spacingTag) && spacing.size() == 2 && spacing.stream().allMatch(Double::isFinite)) {
            image.setPixelSpacingRowMm(spacing.get(0)).setPixelSpacingColumnMm(spacing.get(1));
        }
        XrayScan.Builder scan = XrayScan.newBuilder()
                .setScanId(dataset.string(Tags.SOP_INSTANCE_UID))
                .setStudyInstanceUid(dataset.string(Tags.STUDY_INSTANCE_UID))
                .setSeriesInstanceUid(dataset.string(Tags.SERIES_INSTANCE_UID))
                .setModality(dataset.string(Tags.MODALITY))
                .setManufacturer(dataset.string(Tags.MANUFACTURER))
                .setModel(dataset.string(Tags.MANUFACTURER_MODEL_NAME))
                .addImages(image);
        for (int tag : EXTRA_ATTRIBUTES) {
            if (dataset.has(tag)) {
                String value = BINARY_US.contains(tag) ? Integer.toString(dataset.unsignedShort(tag)) : dataset.string(tag);
                scan.putAttributes(Tags.WANTED.get(tag), value);
            }
        }
        if (ThreatReports.isReport(dataset)) {
            ThreatReports.map(dataset, zone, association::storedSha256, scan);
        }
        scan.putAttributes("SOPClassName", Uids.STORAGE.getOrDefault(context.abstractSyntax(), context.abstractSyntax()));
        scan.putAttributes("CallingAETitle", association.callingAeTitle());
        scan.putAttributes("CalledAETitle", association.calledAeTitle());
        scan.putAttributes("MediaType", MEDIA_TYPE);
        if (dataset.pixelDataOffset() >= 0) {
            scan.putAttributes("scangate.pixelDataOffset", Long.toString(fileMetaBytes + dataset.pixelDataOffset()));
            scan.putAttributes("scangate.pixelDataLength", Long.toString(dataset.pixelDataLength()));
        }
        Envelope.Builder envelope = Envelope.newBuilder();
        acquisitionTime(dataset, zone).ifPresent(time -> {
            scan.setAcquisitionTime(timestamp(time));
            envelope.setDeviceTime(timestamp(time));
        });
        return envelope.setXrayScan(scan);
    }

    /** Acquisition Date Time, else Acquisition Date + Time, else Content Date + Time. */
    static Optional<Instant> acquisitionTime(DatasetAttributes dataset, ZoneId zone) {
        String offset = dataset.string(Tags.TIMEZONE_OFFSET_FROM_UTC);
        Optional<Instant> time = DicomTime.dateTime(dataset.string(Tags.ACQUISITION_DATE_TIME), offset, zone);
        for (Map.Entry<Integer, Integer> pair : List.of(Map.entry(Tags.ACQUISITION_DATE, Tags.ACQUISITION_TIME),
                Map.entry(Tags.CONTENT_DATE, Tags.CONTENT_TIME))) {
            if (time.isPresent()) {
                break;
            }
            time = DicomTime.dateAndTime(dataset.string(pair.getKey()), dataset.string(pair.getValue()), offset, zone);
        }
        return time;
    }

    private static Timestamp timestamp(Instant time) {
        return Timestamp.newBuilder().setSeconds(time.getEpochSecond()).setNanos(time.getNano()).build();
    }
}
