package io.scangate.driver.n42;

/** How documents are delimited on a byte stream. The standard defines no transport (DESIGN 4.3). */
public enum N42Framing {
    /** Each document between STX (0x02) and ETX (0x03), as one vendor family sends over TCP. */
    STX_ETX
}
