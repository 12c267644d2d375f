package io.scangate.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.scangate.proto.v1.CheckDigitResult;
import io.scangate.proto.v1.ContainerCode;
import io.scangate.proto.v1.Decision;
import io.scangate.proto.v1.ImageRef;
import io.scangate.proto.v1.Inspection;
import io.scangate.proto.v1.InspectionPart;
import io.scangate.proto.v1.MissingPart;
import io.scangate.proto.v1.MissingReason;
import io.scangate.proto.v1.RadiationResult;
import io.scangate.proto.v1.Verdict;
import io.scangate.proto.v1.XrayResult;
import org.junit.jupiter.api.Test;

class InspectionLineTest {

    @Test
    void aCompleteInspectionShowsPlateContainersRadiationAndXray() {
        Inspection i = Inspection.newBuilder().setRevision(1).setComplete(true).setLicencePlate("BX482KL")
                .addContainers(ContainerCode.newBuilder().setCode("CSQU3054383").setCheck(CheckDigitResult.CHECK_DIGIT_VALID))
                .addContainers(ContainerCode.newBuilder().setCode("ABCU1234561").setCheck(CheckDigitResult.CHECK_DIGIT_INVALID))
                .setRadiation(RadiationResult.newBuilder().setAlarm(true))
                .addXray(XrayResult.newBuilder().setStudyInstanceUid("2.25.986416302.0")
                        .addImages(ImageRef.getDefaultInstance()).addImages(ImageRef.getDefaultInstance())
                        .addDecisions(Decision.newBuilder().setVerdict(Verdict.VERDICT_CLEAR).setByMachine(true)))
                .build();

        assertThat(InspectionLine.describe(i)).isEqualTo("INSPECTION plate=BX482KL"
                + " containers=CSQU3054383(ok),ABCU1234561(check digit invalid) radiation=ALARM"
                + " xray=study 2.25.986416302.0 2 images CLEAR (machine)  complete");
    }

    @Test
    void anIncompleteAmendedInspectionNamesWhatIsMissing() {
        Inspection i = Inspection.newBuilder().setRevision(2).setClosedBy("late part").setComplete(false)
                .setRadiation(RadiationResult.getDefaultInstance())
                .addMissing(MissingPart.newBuilder().setPart(InspectionPart.INSPECTION_PART_CONVEYANCE)
                        .setReason(MissingReason.MISSING_REASON_NO_READ))
                .build();

        assertThat(InspectionLine.describe(i)).isEqualTo("INSPECTION rev 2 (amended: late part) plate=- containers=-"
                + " radiation=clear xray=-  INCOMPLETE, missing conveyance (no read)");
    }
}
