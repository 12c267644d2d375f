package io.scangate.gateway.journal;

import java.io.IOException;

/** The journal directory is held by another open journal: a running gateway, or a second open in this process. */
public final class JournalLockedException extends IOException {
    private static final long serialVersionUID = 1L;

    public JournalLockedException(String message) {
        super(message);
    }
}
