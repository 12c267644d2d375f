package io.scangate.driver.dicos;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one connection negotiated, shared by its handlers: the accepted presentation contexts, the peer's
 * identity and limits, how many DIMSE operations still owe the peer a response (a release or an idle
 * abort waits for them), and the images stored so far (by SOP Instance UID, for threat reports). Used on
 * the connection's event loop only.
 */
final class Association {

    /** Images remembered per association, for the TDRs that follow them: a scanner sends a scan at a time. */
    static final int MAX_REMEMBERED_IMAGES = 256;

    private final Map<Integer, PresentationContext> contexts = new HashMap<>();
    private final Map<String, String> storedImages = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX_REMEMBERED_IMAGES;
        }
    };
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

    /** An instance stored on this association, so that a later threat report can name its image by SHA-256. */
    void stored(String sopInstanceUid, String sha256) {
        storedImages.put(sopInstanceUid, sha256);
    }

    /** The SHA-256 of an instance stored earlier on this association, or null. */
    String storedSha256(String sopInstanceUid) {
        return storedImages.get(sopInstanceUid);
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
