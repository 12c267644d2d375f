package io.scangate.driver.dicos;

import java.util.HashMap;
import java.util.Map;

/**
 * What one connection negotiated, shared by its handlers: the accepted presentation contexts, the peer's
 * identity and limits, and how many DIMSE operations still owe the peer a response (a release or an idle
 * abort waits for them). Used on the connection's event loop only.
 */
final class Association {

    private final Map<Integer, PresentationContext> contexts = new HashMap<>();
    private String callingAeTitle = "";
    private String calledAeTitle = "";
    private long peerMaxPduBytes;
    private int pendingOperations;
    private Runnable whenQuiet;

    void established(AssociateRequest request, Negotiation.Accept accept) {
        callingAeTitle = request.callingAeTitle();
        calledAeTitle = request.calledAeTitle();
        peerMaxPduBytes = request.maxPduBytes();
        for (Negotiation.ContextResult result : accept.contexts()) {
            if (result.accepted()) {
                contexts.put(result.id(), new PresentationContext(result.id(), result.abstractSyntax(),
                        result.transferSyntax()));
            }
        }
    }

    /** The accepted context with this id, or null. */
    PresentationContext context(int id) {
        return contexts.get(id);
    }

    String callingAeTitle() {
        return callingAeTitle;
    }

    String calledAeTitle() {
        return calledAeTitle;
    }

    /** The peer's maximum length received; 0 means unlimited. */
    long peerMaxPduBytes() {
        return peerMaxPduBytes;
    }

    void operationStarted() {
        pendingOperations++;
    }

    void operationFinished() {
        pendingOperations--;
        if (pendingOperations == 0 && whenQuiet != null) {
            Runnable action = whenQuiet;
            whenQuiet = null;
            action.run();
        }
    }

    int pendingOperations() {
        return pendingOperations;
    }

    /** Runs {@code action} now if no operation is pending, else once the last one has answered. */
    void whenQuiet(Runnable action) {
        if (pendingOperations == 0) {
            action.run();
        } else {
            whenQuiet = action;
        }
    }
}
