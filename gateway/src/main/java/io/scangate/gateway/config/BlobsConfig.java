package io.scangate.gateway.config;

import io.scangate.gateway.blob.BlobStoreSettings;
import java.nio.file.Path;

/**
 * {@code blobs:} where large results (X-ray images) are stored, content-addressed, before their
 * references are journalled. Without this section the gateway refuses blobs (a DICOM scanner gets
 * "out of resources"), so a gateway with X-ray devices must have it.
 *
 * @param directory on a disk with room for the images of the longest broker outage
 * @param maxBytes quota; a full store refuses new images rather than deleting unconfirmed ones
 */
public record BlobsConfig(String directory, DataSize maxBytes) {

    public BlobStoreSettings toSettings() {
        return new BlobStoreSettings(directory == null ? null : Path.of(directory),
                maxBytes == null ? BlobStoreSettings.DEFAULT_MAX_BYTES : maxBytes.bytes());
    }
}
