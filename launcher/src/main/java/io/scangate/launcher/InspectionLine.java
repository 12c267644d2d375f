package io.scangate.launcher;

import io.scangate.proto.v1.CheckDigitResult;
import io.scangate.proto.v1.ContainerCode;
import io.scangate.proto.v1.Decision;
import io.scangate.proto.v1.Inspection;
import io.scangate.proto.v1.MissingPart;
import io.scangate.proto.v1.XrayResult;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** One readable line per inspection: plate, containers with their check flags, radiation, X-ray, completeness. */
final class InspectionLine {

    private InspectionLine() {
    }

    static String describe(Inspection i) {
        return "INSPECTION" + (i.getRevision() > 1 ? " rev " + i.getRevision() + " (amended: " + i.getClosedBy() + ")" : "")
                + " plate=" + (i.getLicencePlate().isEmpty() ? "-" : i.getLicencePlate())
                + " containers=" + containers(i.getContainersList())
                + " radiation=" + (!i.hasRadiation() ? "-" : i.getRadiation().getAlarm() ? "ALARM" : "clear")
                + " xray=" + xray(i.getXrayList())
                + (i.getComplete() ? "  complete" : "  INCOMPLETE, missing " + missing(i.getMissingList()));
    }

    private static String containers(List<ContainerCode> codes) {
        if (codes.isEmpty()) {
            return "-";
        }
        return codes.stream().map(c -> c.getCode() + "(" + check(c) + ")").collect(Collectors.joining(","));
    }

    private static String check(ContainerCode c) {
        if (c.getCheck() == CheckDigitResult.CHECK_DIGIT_VALID) {
            return "ok";
        }
        String flag = c.getCheck().name().substring("CHECK_DIGIT_".length()).toLowerCase(Locale.ROOT);
        return c.getSuggestedCorrection().isEmpty() ? "check digit " + flag
                : "check digit " + flag + ", suggested " + c.getSuggestedCorrection();
    }

    private static String xray(List<XrayResult> scans) {
        if (scans.isEmpty()) {
            return "-";
        }
        String study = scans.get(0).getStudyInstanceUid();
        long images = scans.stream().mapToLong(XrayResult::getImagesCount).sum();
        List<Decision> decisions = scans.stream().flatMap(s -> s.getDecisionsList().stream()).toList();
        String decision = decisions.isEmpty() ? "no decision" : decisions.stream()
                .map(d -> d.getVerdict().name().substring("VERDICT_".length()) + (d.getByMachine() ? " (machine)" : ""))
                .collect(Collectors.joining(","));
        String shortStudy = study.length() <= 32 ? study : "..." + study.substring(study.length() - 29);
        return "study " + shortStudy + " " + images
                + (images == 1 ? " image " : " images ") + decision;
    }

    private static String missing(List<MissingPart> parts) {
        return parts.stream().map(m -> m.getPart().name().substring("INSPECTION_PART_".length()).toLowerCase(Locale.ROOT)
                + " (" + m.getReason().name().substring("MISSING_REASON_".length()).toLowerCase(Locale.ROOT)
                .replace('_', ' ') + ")").collect(Collectors.joining(", "));
    }
}
