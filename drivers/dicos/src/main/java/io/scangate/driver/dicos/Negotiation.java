package io.scangate.driver.dicos;

import java.util.List;

/** The SCP's answer to an A-ASSOCIATE-RQ: accept (with one result per presentation context) or reject. */
sealed interface Negotiation {

    /** PS3.8 9.3.3.2 presentation context results. */
    int ACCEPTANCE = 0;
    int ABSTRACT_SYNTAX_NOT_SUPPORTED = 3;
    int TRANSFER_SYNTAXES_NOT_SUPPORTED = 4;

    /** PS3.8 9.3.4 A-ASSOCIATE-RJ fields. */
    int REJECTED_PERMANENT = 1;
    int SOURCE_SERVICE_USER = 1;
    int SOURCE_SERVICE_PROVIDER_ACSE = 2;
    int REASON_APPLICATION_CONTEXT_NOT_SUPPORTED = 2;
    int REASON_CALLING_AE_NOT_RECOGNIZED = 3;
    int REASON_CALLED_AE_NOT_RECOGNIZED = 7;
    int REASON_PROTOCOL_VERSION_NOT_SUPPORTED = 2;

    /**
     * One presentation context's outcome; {@code transferSyntax} is the chosen one when accepted, else the
     * first proposed (its value is not significant, PS3.8 9.3.3.2, but peers expect the sub-item).
     */
    record ContextResult(int id, int result, String abstractSyntax, String transferSyntax) {
        boolean accepted() {
            return result == ACCEPTANCE;
        }
    }

    /** The association is accepted, even when every context is refused (PS3.8: that is not a rejection). */
    record Accept(List<ContextResult> contexts) implements Negotiation {
    }

    record Reject(int result, int source, int reason, String why) implements Negotiation {
    }
}
