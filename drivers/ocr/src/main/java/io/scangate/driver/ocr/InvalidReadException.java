package io.scangate.driver.ocr;

/** A body or line that breaks the documented rules; the message names the field and the rule. */
final class InvalidReadException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String reason;

    /** @param reason low-cardinality metric tag, e.g. {@code invalid_json} or {@code invalid_read} */
    InvalidReadException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
