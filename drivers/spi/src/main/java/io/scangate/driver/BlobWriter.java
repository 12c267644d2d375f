package io.scangate.driver;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.util.concurrent.CompletionStage;

/**
 * One blob being written. Not thread-safe: use it from the device's event loop. Exactly one of
 * {@link #commit()} and {@link #abort()} ends it; a writer neither committed nor aborted is aborted
 * by the host when the device's connection closes, so an aborted transfer leaves no partial blob.
 */
public interface BlobWriter extends AutoCloseable {

    /** Appends the readable bytes of {@code data} (the caller keeps ownership of the buffer). */
    void write(ByteBuf data) throws IOException;

    /** Bytes written so far. */
    long size();

    /**
     * Makes the blob durable (fsync) under its content address and returns its reference. Blocking I/O:
     * the host runs it off the event loop, so the returned stage completes later.
     */
    CompletionStage<BlobRef> commit();

    /** Discards what was written. Idempotent. */
    void abort();

    /** Same as {@link #abort()} unless committed. */
    @Override
    void close();
}
