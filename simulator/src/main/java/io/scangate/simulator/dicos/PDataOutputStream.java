package io.scangate.simulator.dicos;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Cuts what is written into P-DATA-TF PDUs of one PDV each (PS3.8 9.3.5, annex E), none longer than the
 * peer's maximum PDU length; {@link #close()} sends the last fragment with the last-fragment bit set. Holds
 * one fragment in heap, whatever the size of the message.
 */
final class PDataOutputStream extends OutputStream {

    /** PDV item length field, presentation context id and message control header. */
    private static final int PDV_OVERHEAD = 6;

    private final OutputStream socket;
    private final int contextId;
    private final boolean command;
    private final byte[] fragment;
    private int fill;
    private boolean closed;

    /** @param maxPduLength the peer's maximum length of a P-DATA-TF variable field */
    PDataOutputStream(OutputStream socket, int contextId, boolean command, int maxPduLength) {
        this.socket = socket;
        this.contextId = contextId;
        this.command = command;
        this.fragment = new byte[maxPduLength - PDV_OVERHEAD];
    }

    @Override
    public void write(int b) throws IOException {
        if (fill == fragment.length) {
            send(false);
        }
        fragment[fill++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            if (fill == fragment.length) {
                send(false);
            }
            int copied = Math.min(length, fragment.length - fill);
            System.arraycopy(bytes, offset, fragment, fill, copied);
            fill += copied;
            offset += copied;
            length -= copied;
        }
    }

    /** Sends what remains as the last fragment; the socket itself stays open. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            send(true);
            socket.flush();
        }
    }

    private void send(boolean last) throws IOException {
        socket.write(UpperLayer.pDataHeader(contextId, command, last, fill));
        socket.write(fragment, 0, fill);
        fill = 0;
    }
}
