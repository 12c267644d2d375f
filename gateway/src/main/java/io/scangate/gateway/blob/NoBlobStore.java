package io.scangate.gateway.blob;

import io.scangate.driver.BlobStore;
import io.scangate.driver.BlobStoreFullException;
import io.scangate.driver.BlobWriter;

/** The store of a gateway configured without one: every blob is refused, with the reason. */
public enum NoBlobStore implements BlobStore {
    INSTANCE;

    @Override
    public BlobWriter create(String mediaType, long expectedBytes) throws BlobStoreFullException {
        throw new BlobStoreFullException("this gateway has no blob store (config section blobs:), so it cannot take " + mediaType);
    }
}
