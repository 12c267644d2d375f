package io.scangate.simulator.dicos;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

/**
 * A DICOS Threat Detection Report (SOP class {@value DicomUids#DICOS_THREAT_DETECTION_REPORT}): the alarm
 * decision over a scan and its potential threat objects (PTOs), each with an assessment (category,
 * probability) and a bounding polygon on one of the scan's images. Group 4010 attributes as named in the
 * DICOS data dictionary; polygons are written as (column, row) pairs in pixels of the referenced image.
 */
public final class ThreatReport implements DatasetSource {

    /** MACHINE (automatic threat detection) or OPERATOR, the DICOS TDR types the gateway distinguishes. */
    public enum Type { MACHINE, OPERATOR }

    public enum Decision { ALARM, CLEAR }

    public record ThreatObject(int id, String category, String description, float probability, float[] polygon,
            String imageSopClassUid, String imageSopInstanceUid) {
    }

    public record Spec(String sopInstanceUid, String studyInstanceUid, String seriesInstanceUid, int instanceNumber,
            Type type, String decider, Decision decision, Instant decided, String objectOfInspectionId,
            SyntheticImage.Device device, List<ThreatObject> threats) {
    }

    private final Spec spec;

    public ThreatReport(Spec spec) {
        this.spec = spec;
    }

    public Spec spec() {
        return spec;
    }

    @Override
    public void writeTo(OutputStream out, boolean explicitVr) throws IOException {
        Instant t = spec.decided();
        DatasetWriter writer = new DatasetWriter(out, explicitVr);
        writer.uid(Tags.SOP_CLASS_UID, DicomUids.DICOS_THREAT_DETECTION_REPORT)
                .uid(Tags.SOP_INSTANCE_UID, spec.sopInstanceUid())
                .text(Tags.STUDY_DATE, "DA", DicomText.date(t))
                .text(Tags.CONTENT_DATE, "DA", DicomText.date(t))
                .text(Tags.STUDY_TIME, "TM", DicomText.time(t))
                .text(Tags.CONTENT_TIME, "TM", DicomText.time(t))
                .text(Tags.MODALITY, "CS", "TDR")
                .text(Tags.MANUFACTURER, "LO", spec.device().manufacturer())
                .text(Tags.TIMEZONE_OFFSET_FROM_UTC, "SH", DicomText.UTC_OFFSET);
        if (spec.type() == Type.OPERATOR) {
            writer.text(Tags.OPERATORS_NAME, "PN", spec.decider());
        }
        writer.text(Tags.MANUFACTURER_MODEL_NAME, "LO", spec.device().model())
                .text(Tags.PATIENT_ID, "LO", spec.objectOfInspectionId())
                .text(Tags.DEVICE_SERIAL_NUMBER, "LO", spec.device().serialNumber())
                .uid(Tags.STUDY_INSTANCE_UID, spec.studyInstanceUid())
                .uid(Tags.SERIES_INSTANCE_UID, spec.seriesInstanceUid())
                .text(Tags.INSTANCE_NUMBER, "IS", Integer.toString(spec.instanceNumber()));
        if (!spec.threats().isEmpty()) {
            writer.startSequence(Tags.THREAT_SEQUENCE);
            for (ThreatObject threat : spec.threats()) {
                writeThreat(writer, threat);
            }
            writer.endSequence();
        }
        writer.text(Tags.TDR_TYPE, "CS", spec.type().name());
        if (spec.type() == Type.MACHINE) {
            writer.text(Tags.THREAT_DETECTION_ALGORITHM_AND_VERSION, "LO", spec.decider());
        }
        writer.text(Tags.ALARM_DECISION_TIME, "DT", DicomText.dateTime(t))
                .text(Tags.ALARM_DECISION, "CS", spec.decision().name())
                .unsignedShort(Tags.NUMBER_OF_TOTAL_OBJECTS, spec.threats().size())
                .unsignedShort(Tags.NUMBER_OF_ALARM_OBJECTS, spec.decision() == Decision.ALARM ? spec.threats().size() : 0);
    }

    private static void writeThreat(DatasetWriter writer, ThreatObject threat) throws IOException {
        writer.startItem()
                .unsignedShort(Tags.POTENTIAL_THREAT_OBJECT_ID, threat.id())
                .startSequence(Tags.PTO_REPRESENTATION_SEQUENCE).startItem()
                .startSequence(Tags.REFERENCED_INSTANCE_SEQUENCE).startItem()
                .uid(Tags.REFERENCED_SOP_CLASS_UID, threat.imageSopClassUid())
                .uid(Tags.REFERENCED_SOP_INSTANCE_UID, threat.imageSopInstanceUid())
                .endItem().endSequence()
                .floats(Tags.BOUNDING_POLYGON, threat.polygon())
                .endItem().endSequence()
                .startSequence(Tags.ATD_ASSESSMENT_SEQUENCE).startItem()
                .text(Tags.THREAT_CATEGORY, "CS", threat.category())
                .text(Tags.THREAT_CATEGORY_DESCRIPTION, "LT", threat.description())
                .text(Tags.ATD_ASSESSMENT_FLAG, "CS", "THREAT")
                .floats(Tags.ATD_ASSESSMENT_PROBABILITY, threat.probability())
                .endItem().endSequence()
                .endItem();
    }
}
