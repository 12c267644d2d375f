package io.scangate.gateway.publish;

/**
 * Forwards journalled envelopes to the back-ends and confirms each in the journal only once the
 * broker has acknowledged it. Implementations own their connection and reconnect on their own.
 */
public interface Publisher extends AutoCloseable {

    /** Connects (in the background) and starts draining the journal. Returns at once. */
    void start();

    /** Whether the broker connection is up now. */
    boolean connected();

    /** Stops taking from the journal, waits briefly for acknowledgements in flight, disconnects. */
    @Override
    void close();
}
