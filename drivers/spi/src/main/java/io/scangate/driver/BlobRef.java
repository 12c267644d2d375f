package io.scangate.driver;

/**
 * A committed blob.
 *
 * @param sha256 lower-case hex SHA-256 of the content: its name in the store
 * @param sizeBytes content length
 * @param mediaType what the driver said it is, e.g. {@code application/dicom}
 */
public record BlobRef(String sha256, long sizeBytes, String mediaType) {
}
