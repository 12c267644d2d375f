package io.scangate.simulator.n42;

/** Damage the lane can do to one document, so that a gateway's error paths can be exercised (DESIGN 5). */
public enum N42Fault {
    /** A device banner's worth of bytes sent before the document's STX. */
    GARBAGE_BEFORE_FRAME,
    /** The document's XML cut in the middle of an element, then framed as usual. */
    MALFORMED_DOCUMENT,
    /** Half of the framed document sent, then the connection closed. */
    DROP_MID_DOCUMENT
}
