package io.scangate.simulator.dicos;

/**
 * The attributes the simulator writes, as {@code group << 16 | element}: PS3.6 keywords, and for group 4010
 * the DICOS attributes (names and VRs as in dcmtk's data dictionary, {@code /usr/share/libdcmtk*}/dicom.dic).
 */
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
    static final int PRESENTATION_INTENT_TYPE = 0x00080068;
    static final int MANUFACTURER = 0x00080070;
    static final int TIMEZONE_OFFSET_FROM_UTC = 0x00080201;
    static final int SERIES_DESCRIPTION = 0x0008103E;
    static final int OPERATORS_NAME = 0x00081070;
    static final int MANUFACTURER_MODEL_NAME = 0x00081090;
    static final int REFERENCED_INSTANCE_SEQUENCE = 0x0008114A;
    static final int REFERENCED_SOP_CLASS_UID = 0x00081150;
    static final int REFERENCED_SOP_INSTANCE_UID = 0x00081155;
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
    static final int ROWS = 0x00280010;
    static final int COLUMNS = 0x00280011;
    static final int PIXEL_SPACING = 0x00280030;
    static final int BITS_ALLOCATED = 0x00280100;
    static final int BITS_STORED = 0x00280101;
    static final int HIGH_BIT = 0x00280102;
    static final int PIXEL_REPRESENTATION = 0x00280103;
    static final int WINDOW_CENTER = 0x00281050;
    static final int WINDOW_WIDTH = 0x00281051;

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

    private Tags() {
    }
}
