package io.scangate.gateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.scangate.gateway.journal.Lane;
import io.scangate.proto.v1.Decision;
import io.scangate.proto.v1.Envelope;
import io.scangate.proto.v1.Inspection;
import io.scangate.proto.v1.RadiationResult;
import io.scangate.proto.v1.Verdict;
import io.scangate.proto.v1.XrayResult;
import org.junit.jupiter.api.Test;

class InspectionLaneTest {

    @Test
    void anInspectionWithARadiationAlarmOrAnXrayAlarmDecisionGoesFirst() {
        Inspection clear = Inspection.newBuilder().setRadiation(RadiationResult.newBuilder().setAlarm(false))
                .addXray(XrayResult.newBuilder().addDecisions(Decision.newBuilder().setVerdict(Verdict.VERDICT_CLEAR))).build();
        Inspection radiationAlarm = clear.toBuilder().setRadiation(RadiationResult.newBuilder().setAlarm(true)).build();
        Inspection xrayAlarm = clear.toBuilder().addXray(XrayResult.newBuilder()
                .addDecisions(Decision.newBuilder().setVerdict(Verdict.VERDICT_ALARM).setByMachine(true))).build();

        assertThat(LanePolicy.of(Envelope.newBuilder().setInspection(clear).build())).isEqualTo(Lane.RESULT);
        assertThat(LanePolicy.of(Envelope.newBuilder().setInspection(radiationAlarm).build())).isEqualTo(Lane.ALARM);
        assertThat(LanePolicy.of(Envelope.newBuilder().setInspection(xrayAlarm).build())).isEqualTo(Lane.ALARM);
    }
}
