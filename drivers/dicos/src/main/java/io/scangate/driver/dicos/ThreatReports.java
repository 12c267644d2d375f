package io.scangate.driver.dicos;

import com.google.protobuf.Timestamp;
import io.scangate.proto.v1.Decision;
import io.scangate.proto.v1.Detection;
import io.scangate.proto.v1.Point;
import io.scangate.proto.v1.Verdict;
import io.scangate.proto.v1.XrayScan;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A DICOS Threat Detection Report (SOP class {@value Uids#DICOS_TDR}) as {@code decisions} and
 * {@code detections} (docs/dicos.md has the table). One decision per report: Alarm Decision (4010,1031), by
 * the machine when TDR Type (4010,1027) is MACHINE, who being the Threat Detection Algorithm and Version
 * (4010,1029) or the Operators' Name (0008,1070), at the Alarm Decision Time (4010,102B). One detection per
 * potential threat object (Threat Sequence (4010,1011) item), representation and ATD assessment: Threat
 * Category (4010,1012), ATD Assessment Probability (4010,1016), the Bounding Polygon (4010,101D) as (x, y)
 * pairs in pixels of the referenced image, else the x/y box of Threat ROI Base/Extents (4010,1004/1005); the
 * image by its SHA-256 when it was stored earlier on the same association.
 */
final class ThreatReports {

    static final String MACHINE = "MACHINE";
    static final String OPERATOR = "OPERATOR";

    private ThreatReports() {
    }

    static boolean isReport(DatasetAttributes dataset) {
        return Uids.DICOS_TDR.equals(dataset.string(Tags.SOP_CLASS_UID));
    }

    /**
     * @param imageSha256 the SHA-256 of an image by SOP Instance UID, or null when not known
     */
    static void map(DatasetAttributes dataset, ZoneId zone, Function<String, String> imageSha256, XrayScan.Builder scan) {
        if (dataset.has(Tags.ALARM_DECISION)) {
            scan.addDecisions(decision(dataset, zone));
        }
        int index = 0;
        for (DatasetItem threat : dataset.items(Tags.THREAT_SEQUENCE)) {
            List<DatasetItem> representations = orOneEmpty(threat.items(Tags.PTO_REPRESENTATION_SEQUENCE));
            List<DatasetItem> assessments = orOneEmpty(threat.items(Tags.ATD_ASSESSMENT_SEQUENCE));
            for (DatasetItem representation : representations) {
                String image = referencedImage(representation).or(() -> referencedImage(threat)).orElse("");
                for (DatasetItem assessment : assessments) {
                    Detection.Builder detection = Detection.newBuilder()
                            .setCategory(assessment.string(Tags.THREAT_CATEGORY))
                            .setProbability(first(assessment.floats(Tags.ATD_ASSESSMENT_PROBABILITY)))
                            .addAllPolygon(polygon(representation));
                    String sha256 = image.isEmpty() ? null : imageSha256.apply(image);
                    if (sha256 != null) {
                        detection.setImageSha256(sha256);
                    }
                    scan.addDetections(detection);
                    String key = "detection." + index++ + ".";
                    if (threat.has(Tags.POTENTIAL_THREAT_OBJECT_ID)) {
                        scan.putAttributes(key + "PotentialThreatObjectID",
                                Integer.toString(threat.unsignedShort(Tags.POTENTIAL_THREAT_OBJECT_ID)));
                    }
                    if (!image.isEmpty()) {
                        scan.putAttributes(key + "ReferencedSOPInstanceUID", image);
                    }
                    putIfPresent(scan, key + "ATDAssessmentFlag", assessment.string(Tags.ATD_ASSESSMENT_FLAG));
                    putIfPresent(scan, key + "ThreatCategoryDescription",
                            assessment.string(Tags.THREAT_CATEGORY_DESCRIPTION));
                }
            }
        }
        if (dataset.droppedItems() > 0) {
            scan.putAttributes("scangate.tdrItemsDropped", Integer.toString(dataset.droppedItems()));
        }
    }

    private static Decision decision(DatasetAttributes dataset, ZoneId zone) {
        String type = dataset.string(Tags.TDR_TYPE);
        Verdict verdict = switch (dataset.string(Tags.ALARM_DECISION)) {
            case "ALARM" -> Verdict.VERDICT_ALARM;
            case "CLEAR" -> Verdict.VERDICT_CLEAR;
            default -> Verdict.VERDICT_UNSPECIFIED;
        };
        boolean byMachine = MACHINE.equals(type);
        String who = byMachine ? dataset.string(Tags.THREAT_DETECTION_ALGORITHM_AND_VERSION)
                : OPERATOR.equals(type) ? dataset.string(Tags.OPERATORS_NAME) : type;
        Decision.Builder decision = Decision.newBuilder().setVerdict(verdict).setByMachine(byMachine).setWho(who);
        String offset = dataset.string(Tags.TIMEZONE_OFFSET_FROM_UTC);
        Optional<Instant> time = DicomTime.dateTime(dataset.string(Tags.ALARM_DECISION_TIME), offset, zone)
                .or(() -> DicomTime.dateAndTime(dataset.string(Tags.CONTENT_DATE), dataset.string(Tags.CONTENT_TIME),
                        offset, zone));
        time.ifPresent(t -> decision.setTime(Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano())));
        return decision.build();
    }

    private static List<Point> polygon(DatasetItem representation) {
        List<Float> vertices = representation.floats(Tags.BOUNDING_POLYGON);
        if (vertices.size() >= 6 && vertices.size() % 2 == 0) {
            List<Point> points = new ArrayList<>();
            for (int i = 0; i < vertices.size(); i += 2) {
                points.add(point(vertices.get(i), vertices.get(i + 1)));
            }
            return points;
        }
        List<Float> base = representation.floats(Tags.THREAT_ROI_BASE);
        List<Float> extents = representation.floats(Tags.THREAT_ROI_EXTENTS);
        if (base.size() == 3 && extents.size() == 3) {
            float x0 = base.get(0);
            float y0 = base.get(1);
            float x1 = x0 + extents.get(0);
            float y1 = y0 + extents.get(1);
            return List.of(point(x0, y0), point(x1, y0), point(x1, y1), point(x0, y1));
        }
        return List.of();
    }

    private static Optional<String> referencedImage(DatasetItem item) {
        return item.items(Tags.REFERENCED_INSTANCE_SEQUENCE).stream()
                .map(reference -> reference.string(Tags.REFERENCED_SOP_INSTANCE_UID))
                .filter(uid -> !uid.isEmpty()).findFirst();
    }

    private static List<DatasetItem> orOneEmpty(List<DatasetItem> items) {
        return items.isEmpty() ? List.of(new DatasetItem()) : items;
    }

    private static double first(List<Float> values) {
        return values.isEmpty() ? 0 : decimal(values.get(0));
    }

    private static Point point(float x, float y) {
        return Point.newBuilder().setX(decimal(x)).setY(decimal(y)).build();
    }

    /** The float's shortest decimal (0.87f becomes 0.87, not 0.8700000047683716). */
    private static double decimal(float value) {
        return Double.parseDouble(Float.toString(value));
    }

    private static void putIfPresent(XrayScan.Builder scan, String key, String value) {
        if (!value.isEmpty()) {
            scan.putAttributes(key, value);
        }
    }
}
