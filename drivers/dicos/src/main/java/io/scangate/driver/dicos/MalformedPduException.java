package io.scangate.driver.dicos;

/** A PDU whose structure contradicts PS3.8; the association is aborted. */
final class MalformedPduException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedPduException(String message) {
        super(message);
    }
}
