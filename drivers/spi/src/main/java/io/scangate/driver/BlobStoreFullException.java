package io.scangate.driver;

import java.io.IOException;

/** The blob store's disk quota leaves no room for a new blob. */
public final class BlobStoreFullException extends IOException {
    private static final long serialVersionUID = 1L;

    public BlobStoreFullException(String message) {
        super(message);
    }
}
