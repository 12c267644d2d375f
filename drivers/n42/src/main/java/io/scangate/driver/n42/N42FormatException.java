package io.scangate.driver.n42;

/** A document refused as a whole: not well-formed, not N42, or unsafe (a DTD). */
final class N42FormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String reason;

    N42FormatException(String reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
