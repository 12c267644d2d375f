package io.scangate.driver;

/** How bytes reach a driver. The host owns the transport; the driver only sees a Netty pipeline. */
public enum TransportKind {
    /** The device is a TCP server; the gateway connects and reconnects. */
    TCP_CLIENT,
    /** The device connects to a port the gateway listens on (e.g. DICOM C-STORE). */
    TCP_SERVER,
    /** RS-232/RS-485 through jSerialComm. */
    SERIAL,
    /**
     * A directory the device (or its export job) drops files into: each complete file reaches the
     * driver as one connection carrying the file's bytes, so a driver frames it as "one document per
     * connection".
     */
    DIRECTORY
}
