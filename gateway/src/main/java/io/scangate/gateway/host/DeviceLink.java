package io.scangate.gateway.host;

import io.netty.util.concurrent.Future;

/**
 * The host's side of one device's transport: it keeps the link up (connect or open, detect loss, retry with
 * backoff), builds the pipeline around the driver's handlers with {@link HostHandlers}, and reports the link
 * state to the device's runtime. Every method runs on the device's event loop.
 */
interface DeviceLink {

    /** Starts connecting (or opening); failures are retried on their own. */
    void start();

    /**
     * Closes the link for good and stops retrying.
     *
     * @return completes when the link is closed; for a serial link, also when the port and its reader thread are
     *     released and the driver has seen the link go down
     */
    Future<?> stop();

    /** Back-pressure: stop or resume reading from the device. */
    void paused(boolean paused);
}
