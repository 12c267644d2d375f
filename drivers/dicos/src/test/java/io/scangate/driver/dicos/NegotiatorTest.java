package io.scangate.driver.dicos;

import static org.assertj.core.api.Assertions.assertThat;

import io.scangate.driver.dicos.AssociateRequest.ProposedContext;
import io.scangate.driver.dicos.Negotiation.ContextResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every outcome of A-ASSOCIATE negotiation, with the result/source/reason PS3.8 prescribes. */
class NegotiatorTest {

    private static final String EXPLICIT = "1.2.840.10008.1.2.1";
    private static final String IMPLICIT = "1.2.840.10008.1.2";
    private static final String BIG_ENDIAN = "1.2.840.10008.1.2.2";
    private static final String JPEG = "1.2.840.10008.1.2.4.50";

    private final Negotiator negotiator = new Negotiator(
            new DicosConfig(null, List.of("SCANNER1"), null, null, null, null, null, null));

    @Test
    void eachContextGetsItsOwnResultAndExplicitVrIsPreferred() {
        Negotiation answer = negotiator.negotiate(request(1, Uids.APPLICATION_CONTEXT, "SCANGATE", "SCANNER1",
                new ProposedContext(1, Uids.DICOS_DX_FOR_PROCESSING, List.of(IMPLICIT, EXPLICIT)),
                new ProposedContext(3, Uids.VERIFICATION, List.of(IMPLICIT)),
                new ProposedContext(5, "1.2.840.10008.5.1.4.1.1.4", List.of(EXPLICIT)),
                new ProposedContext(7, Uids.DICOS_CT, List.of(BIG_ENDIAN, JPEG))));

        assertThat(answer).isInstanceOf(Negotiation.Accept.class);
        assertThat(((Negotiation.Accept) answer).contexts()).containsExactly(
                new ContextResult(1, 0, Uids.DICOS_DX_FOR_PROCESSING, EXPLICIT),
                new ContextResult(3, 0, Uids.VERIFICATION, IMPLICIT),
                new ContextResult(5, 3, "1.2.840.10008.5.1.4.1.1.4", EXPLICIT),
                new ContextResult(7, 4, Uids.DICOS_CT, BIG_ENDIAN));
    }

    @Test
    void rejectionsCarryTheStandardsSourceAndReason() {
        assertReject(request(1, Uids.APPLICATION_CONTEXT, "PACS", "SCANNER1"), 1, 7);
        assertReject(request(1, Uids.APPLICATION_CONTEXT, "SCANGATE", "INTRUDER"), 1, 3);
        assertReject(request(1, "1.2.3.4", "SCANGATE", "SCANNER1"), 1, 2);
        assertReject(request(2, Uids.APPLICATION_CONTEXT, "SCANGATE", "SCANNER1"), 2, 2);
    }

    @Test
    void anEmptyListOfCallingTitlesAcceptsAnyCaller() {
        Negotiator open = new Negotiator(DicosConfig.defaults());

        assertThat(open.negotiate(request(1, Uids.APPLICATION_CONTEXT, "SCANGATE", "ANYONE")))
                .isInstanceOf(Negotiation.Accept.class);
    }

    private void assertReject(AssociateRequest request, int source, int reason) {
        Negotiation answer = negotiator.negotiate(request);
        assertThat(answer).isInstanceOf(Negotiation.Reject.class);
        Negotiation.Reject reject = (Negotiation.Reject) answer;
        assertThat(reject.result()).isEqualTo(1);
        assertThat(reject.source()).isEqualTo(source);
        assertThat(reject.reason()).isEqualTo(reason);
    }

    private static AssociateRequest request(int version, String applicationContext, String called, String calling,
            ProposedContext... contexts) {
        return new AssociateRequest(version, called, calling, applicationContext, List.of(contexts), 16_384, "", "");
    }
}
