package io.scangate.driver;

import io.netty.channel.ChannelPipeline;

/**
 * One device's protocol logic. All methods are called on the device's event loop
 * ({@link DeviceContext#executor()}), so a driver needs no locks.
 *
 * <p>The host adds its own handlers around the driver's: byte and idle accounting before, an exception
 * guard after. A driver adds framing (with a size limit from its config), decoding and its state machine,
 * and hands results to {@link DeviceContext#emit}. State that outlives a connection (an open occupancy)
 * belongs in the driver object, not in a handler.
 */
public interface Driver {

    /** Adds the driver's handlers to the pipeline of a new connection. Called for every (re)connection. */
    void initPipeline(ChannelPipeline pipeline);

    /** The link to the device is up (connected, or port open). */
    default void linkUp() {
    }

    /** The link is gone; the host reconnects on its own. {@code reason} is for logs. */
    default void linkDown(String reason) {
    }

    /** The gateway stops: cancel timers and emit whatever open state must not be lost. */
    default void stop() {
    }
}
