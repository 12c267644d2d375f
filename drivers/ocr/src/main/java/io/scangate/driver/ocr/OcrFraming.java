package io.scangate.driver.ocr;

/** How reads reach the driver. Both carry the same fields ({@code docs/ocr.md}). */
public enum OcrFraming {
    /** The portal POSTs one JSON read per request to the gateway's webhook ({@code tcp-server} transport). */
    HTTP,
    /** One {@code key=value;...} line per read, LF or CR LF terminated, over TCP (either direction). */
    TCP
}
