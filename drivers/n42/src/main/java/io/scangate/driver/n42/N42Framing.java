package io.scangate.driver.n42;

/** How documents are delimited on a byte stream. The standard defines no transport (DESIGN 4.3). */
public enum N42Framing {
    /** Each document between STX (0x02) and ETX (0x03), as one vendor family sends over TCP. */
    STX_ETX,
    /**
     * One document per connection: everything between connect and close. What a watched drop directory
     * delivers (one file, one connection), and what devices that connect once per document send.
     */
    PER_CONNECTION
}
