package io.scangate.simulator.ocr;

import java.io.IOException;

/** The device end of one framing: sends a read, says how the gateway answered. Not thread-safe. */
public interface OcrPortal extends AutoCloseable {

    /**
     * How one read fared.
     *
     * @param status the last HTTP status; 0 over TCP, which has no answers, or when no answer came
     * @param attempts how many times it was sent
     */
    record Delivery(int status, int attempts) {
        public boolean stored() {
            return status == 200 || status == 0 && attempts > 0;
        }
    }

    Delivery send(PortalRead read) throws IOException, InterruptedException;

    /** Sends a body as is (for bad-input tests and fault injection over HTTP); TCP writes it as a line. */
    Delivery sendRaw(String body) throws IOException, InterruptedException;

    @Override
    void close() throws IOException;
}
