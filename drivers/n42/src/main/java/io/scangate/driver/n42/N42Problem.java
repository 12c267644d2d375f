package io.scangate.driver.n42;

/**
 * Something in a document that could not be used as it stands; it goes to
 * {@link io.scangate.driver.DeviceContext#decodeError}.
 *
 * @param reason short, low-cardinality reason, e.g. {@code malformed_document}
 * @param detail free text for the log line
 */
public record N42Problem(String reason, String detail) {
}
