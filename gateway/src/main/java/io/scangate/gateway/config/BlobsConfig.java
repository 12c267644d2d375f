package io.scangate.gateway.config;

import io.scangate.gateway.blob.BlobStoreSettings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code blobs:} where large results (X-ray images) are stored, content-addressed, before their
 * references are journalled. Without this section the gateway refuses blobs (a DICOM scanner gets
 * "out of resources"), so a gateway with X-ray devices must have it.
 *
 * @param directory on a disk with room for the images of the longest broker outage
 * @param maxBytes quota; a full store refuses new images rather than deleting unconfirmed ones
 * @param chunkSize bytes per image-chunk message (default 256KiB); must fit the broker's maximum packet size
 * @param retention how long a fully delivered image is kept before it is deleted (default 10m)
 */
public record BlobsConfig(String directory, DataSize maxBytes, DataSize chunkSize, Duration retention) {

    public BlobStoreSettings toSettings() {
        long chunk = chunkSize == null ? BlobStoreSettings.DEFAULT_CHUNK_SIZE : chunkSize.bytes();
        return new BlobStoreSettings(directory == null ? null : Path.of(directory),
                maxBytes == null ? BlobStoreSettings.DEFAULT_MAX_BYTES : maxBytes.bytes(),
                (int) Math.min(Integer.MAX_VALUE, chunk),
                retention == null ? BlobStoreSettings.DEFAULT_RETENTION : retention);
    }
}
