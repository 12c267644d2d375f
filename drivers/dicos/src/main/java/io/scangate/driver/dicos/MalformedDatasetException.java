package io.scangate.driver.dicos;

/** A dataset whose encoding cannot be followed; the C-STORE is answered "cannot understand". */
final class MalformedDatasetException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedDatasetException(String message) {
        super(message);
    }
}
