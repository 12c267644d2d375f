package io.scangate.gateway.journal;

/** A quota (bytes or entries) leaves no room even after purging confirmed entries. */
public final class JournalFullException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JournalFullException(String message) {
        super(message);
    }
}
