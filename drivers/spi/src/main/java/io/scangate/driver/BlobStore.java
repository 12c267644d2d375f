package io.scangate.driver;

import java.io.IOException;

/**
 * Where a driver puts large results (X-ray images) as they stream in, never holding them whole in heap.
 * Blobs are content-addressed: the name of a committed blob is the SHA-256 of its bytes.
 */
public interface BlobStore {

    /**
     * Starts a new blob. Fails at once, with {@link BlobStoreFullException}, when the store's quota
     * cannot take {@code expectedBytes} more (pass -1 when unknown): a protocol that can refuse (DICOM
     * 0xA7xx) refuses before the sender spends the bandwidth.
     */
    BlobWriter create(String mediaType, long expectedBytes) throws IOException;
}
