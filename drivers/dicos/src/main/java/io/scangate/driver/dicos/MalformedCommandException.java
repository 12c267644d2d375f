package io.scangate.driver.dicos;

/** A DIMSE command set that cannot be read; the association is aborted. */
final class MalformedCommandException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedCommandException(String message) {
        super(message);
    }
}
