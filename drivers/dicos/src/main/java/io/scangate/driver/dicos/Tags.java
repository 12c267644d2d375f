package io.scangate.driver.dicos;

import java.util.Map;
import java.util.Set;

/** The dataset attributes the driver reads (PS3.6 keywords), as {@code group << 16 | element}. */
final class Tags {

    static final int IMAGE_TYPE = 0x00080008;
    static final int SOP_CLASS_UID = 0x00080016;
    static final int SOP_INSTANCE_UID = 0x00080018;
    static final int STUDY_DATE = 0x00080020;
    static final int ACQUISITION_DATE = 0x00080022;
    static final int CONTENT_DATE = 0x00080023;
    static final int ACQUISITION_DATE_TIME = 0x0008002A;
    static final int STUDY_TIME = 0x00080030;
    static final int ACQUISITION_TIME = 0x00080032;
    static final int CONTENT_TIME = 0x00080033;
    static final int MODALITY = 0x00080060;
    static final int MANUFACTURER = 0x00080070;
    static final int TIMEZONE_OFFSET_FROM_UTC = 0x00080201;
    static final int SERIES_DESCRIPTION = 0x0008103E;
    static final int MANUFACTURER_MODEL_NAME = 0x00081090;
    static final int PATIENT_ID = 0x00100020;
    static final int DEVICE_SERIAL_NUMBER = 0x00181000;
    static final int SOFTWARE_VERSIONS = 0x00181020;
    static final int IMAGER_PIXEL_SPACING = 0x00181164;
    static final int VIEW_POSITION = 0x00185101;
    static final int STUDY_INSTANCE_UID = 0x0020000D;
    static final int SERIES_INSTANCE_UID = 0x0020000E;
    static final int SERIES_NUMBER = 0x00200011;
    static final int INSTANCE_NUMBER = 0x00200013;
    static final int SAMPLES_PER_PIXEL = 0x00280002;
    static final int PHOTOMETRIC_INTERPRETATION = 0x00280004;
    static final int NUMBER_OF_FRAMES = 0x00280008;
    static final int ROWS = 0x00280010;
    static final int COLUMNS = 0x00280011;
    static final int PIXEL_SPACING = 0x00280030;
    static final int BITS_ALLOCATED = 0x00280100;
    static final int BITS_STORED = 0x00280101;
    static final int PIXEL_REPRESENTATION = 0x00280103;
    static final int OPERATORS_NAME = 0x00081070;
    static final int REFERENCED_INSTANCE_SEQUENCE = 0x0008114A;
    static final int REFERENCED_SOP_CLASS_UID = 0x00081150;
    static final int REFERENCED_SOP_INSTANCE_UID = 0x00081155;

    // DICOS (NEMA IIC 1) attributes, group 4010; names and VRs as in dcmtk's dicom.dic.
    static final int THREAT_ROI_BASE = 0x40101004;
    static final int THREAT_ROI_EXTENTS = 0x40101005;
    static final int POTENTIAL_THREAT_OBJECT_ID = 0x40101010;
    static final int THREAT_SEQUENCE = 0x40101011;
    static final int THREAT_CATEGORY = 0x40101012;
    static final int THREAT_CATEGORY_DESCRIPTION = 0x40101013;
    static final int ATD_ASSESSMENT_FLAG = 0x40101015;
    static final int ATD_ASSESSMENT_PROBABILITY = 0x40101016;
    static final int BOUNDING_POLYGON = 0x4010101D;
    static final int TDR_TYPE = 0x40101027;
    static final int THREAT_DETECTION_ALGORITHM_AND_VERSION = 0x40101029;
    static final int ALARM_DECISION_TIME = 0x4010102B;
    static final int ALARM_DECISION = 0x40101031;
    static final int NUMBER_OF_TOTAL_OBJECTS = 0x40101033;
    static final int NUMBER_OF_ALARM_OBJECTS = 0x40101034;
    static final int PTO_REPRESENTATION_SEQUENCE = 0x40101037;
    static final int ATD_ASSESSMENT_SEQUENCE = 0x40101038;

    static final int PIXEL_DATA = 0x7FE00010;

    static final int ITEM = 0xFFFEE000;
    static final int ITEM_DELIMITATION = 0xFFFEE00D;
    static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;

    /** Read from the top level of every dataset; everything else is skipped without being buffered. */
    static final Map<Integer, String> WANTED = Map.ofEntries(
            Map.entry(IMAGE_TYPE, "ImageType"),
            Map.entry(SOP_CLASS_UID, "SOPClassUID"),
            Map.entry(SOP_INSTANCE_UID, "SOPInstanceUID"),
            Map.entry(STUDY_DATE, "StudyDate"),
            Map.entry(ACQUISITION_DATE, "AcquisitionDate"),
            Map.entry(CONTENT_DATE, "ContentDate"),
            Map.entry(ACQUISITION_DATE_TIME, "AcquisitionDateTime"),
            Map.entry(STUDY_TIME, "StudyTime"),
            Map.entry(ACQUISITION_TIME, "AcquisitionTime"),
            Map.entry(CONTENT_TIME, "ContentTime"),
            Map.entry(MODALITY, "Modality"),
            Map.entry(MANUFACTURER, "Manufacturer"),
            Map.entry(TIMEZONE_OFFSET_FROM_UTC, "TimezoneOffsetFromUTC"),
            Map.entry(SERIES_DESCRIPTION, "SeriesDescription"),
            Map.entry(MANUFACTURER_MODEL_NAME, "ManufacturerModelName"),
            Map.entry(PATIENT_ID, "PatientID"),
            Map.entry(DEVICE_SERIAL_NUMBER, "DeviceSerialNumber"),
            Map.entry(SOFTWARE_VERSIONS, "SoftwareVersions"),
            Map.entry(IMAGER_PIXEL_SPACING, "ImagerPixelSpacing"),
            Map.entry(VIEW_POSITION, "ViewPosition"),
            Map.entry(STUDY_INSTANCE_UID, "StudyInstanceUID"),
            Map.entry(SERIES_INSTANCE_UID, "SeriesInstanceUID"),
            Map.entry(SERIES_NUMBER, "SeriesNumber"),
            Map.entry(INSTANCE_NUMBER, "InstanceNumber"),
            Map.entry(SAMPLES_PER_PIXEL, "SamplesPerPixel"),
            Map.entry(PHOTOMETRIC_INTERPRETATION, "PhotometricInterpretation"),
            Map.entry(NUMBER_OF_FRAMES, "NumberOfFrames"),
            Map.entry(ROWS, "Rows"),
            Map.entry(COLUMNS, "Columns"),
            Map.entry(PIXEL_SPACING, "PixelSpacing"),
            Map.entry(BITS_ALLOCATED, "BitsAllocated"),
            Map.entry(BITS_STORED, "BitsStored"),
            Map.entry(PIXEL_REPRESENTATION, "PixelRepresentation"),
            Map.entry(OPERATORS_NAME, "OperatorsName"),
            Map.entry(TDR_TYPE, "TDRType"),
            Map.entry(THREAT_DETECTION_ALGORITHM_AND_VERSION, "ThreatDetectionAlgorithmAndVersion"),
            Map.entry(ALARM_DECISION_TIME, "AlarmDecisionTime"),
            Map.entry(ALARM_DECISION, "AlarmDecision"),
            Map.entry(NUMBER_OF_TOTAL_OBJECTS, "NumberOfTotalObjects"),
            Map.entry(NUMBER_OF_ALARM_OBJECTS, "NumberOfAlarmObjects"));

    /** Top-level sequences whose items are captured: the TDR's potential threat objects. */
    static final Set<Integer> CAPTURED_SEQUENCES = Set.of(THREAT_SEQUENCE);

    /** Sequences captured inside captured items: PTO representations, ATD assessments, image references. */
    static final Set<Integer> CAPTURED_IN_ITEMS = Set.of(PTO_REPRESENTATION_SEQUENCE, ATD_ASSESSMENT_SEQUENCE,
            REFERENCED_INSTANCE_SEQUENCE);

    /** Values kept inside captured items. */
    static final Set<Integer> WANTED_IN_ITEMS = Set.of(POTENTIAL_THREAT_OBJECT_ID, THREAT_CATEGORY,
            THREAT_CATEGORY_DESCRIPTION, ATD_ASSESSMENT_FLAG, ATD_ASSESSMENT_PROBABILITY, BOUNDING_POLYGON,
            THREAT_ROI_BASE, THREAT_ROI_EXTENTS, REFERENCED_SOP_CLASS_UID, REFERENCED_SOP_INSTANCE_UID);

    private Tags() {
    }

    static String text(int tag) {
        return String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
    }
}
