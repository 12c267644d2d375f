package io.scangate.gateway.host;

import io.netty.buffer.ByteBuf;
import io.netty.channel.AbstractChannel;
import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelMetadata;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelPromise;
import io.netty.channel.DefaultChannelConfig;
import io.netty.channel.EventLoop;
import io.netty.channel.SingleThreadEventLoop;
import java.io.IOException;
import java.net.SocketAddress;
import java.util.concurrent.RejectedExecutionException;

/**
 * An open serial port as a Netty channel on the device's own event loop, so that a driver's handlers see what
 * they see over TCP: channelActive when the port is open, channelRead with the bytes, channelInactive when it
 * closes, auto-read for back-pressure. The bytes come from the {@link PortSession}'s reader thread; writes go to
 * the port from the event loop (they return once the OS has the bytes).
 */
final class SerialChannel extends AbstractChannel {

    private static final ChannelMetadata METADATA = new ChannelMetadata(false);

    private final PortSession session;
    private final SerialAddress address;
    private final ChannelConfig config = new SerialChannelConfig();
    private volatile boolean open = true;

    SerialChannel(PortSession session) {
        super(null);
        this.session = session;
        this.address = new SerialAddress(session.path());
    }

    PortSession session() {
        return session;
    }

    /** From the reader thread: passes one batch down the pipeline on the event loop. */
    boolean deliver(byte[] bytes, int length) {
        ByteBuf batch = alloc().buffer(length).writeBytes(bytes, 0, length);
        try {
            eventLoop().execute(() -> fire(batch));
            return true;
        } catch (RejectedExecutionException shuttingDown) {
            batch.release();
            return false;
        }
    }

    /** On the event loop: the port vanished; the close reason reaches the host's link watch. */
    void lost(String reason) {
        attr(HostHandlers.CLOSE_REASON).setIfAbsent(reason);
        close();
    }

    private void fire(ByteBuf batch) {
        if (!open) {
            batch.release();
            session.delivered();
            return;
        }
        // Netty's contract: without auto-read, one read() call yields one batch; a handler may ask again while it runs.
        if (!config.isAutoRead()) {
            session.cancelRead();
        }
        pipeline().fireChannelRead(batch);
        pipeline().fireChannelReadComplete();
        session.delivered();
    }

    @Override
    public ChannelConfig config() {
        return config;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public boolean isActive() {
        return open;
    }

    @Override
    public ChannelMetadata metadata() {
        return METADATA;
    }

    @Override
    protected AbstractUnsafe newUnsafe() {
        return new AbstractUnsafe() {
            @Override
            public void connect(SocketAddress remote, SocketAddress local, ChannelPromise promise) {
                promise.setFailure(new UnsupportedOperationException("a serial channel is created open"));
            }
        };
    }

    /** Any single-threaded loop (NIO or epoll) will do: the channel needs no selector, only the thread. */
    @Override
    protected boolean isCompatible(EventLoop loop) {
        return loop instanceof SingleThreadEventLoop;
    }

    @Override
    protected SocketAddress localAddress0() {
        return null;
    }

    @Override
    protected SocketAddress remoteAddress0() {
        return address;
    }

    @Override
    protected void doBind(SocketAddress localAddress) {
        throw new UnsupportedOperationException("a serial port cannot be bound");
    }

    @Override
    protected void doDisconnect() {
        doClose();
    }

    @Override
    protected void doClose() {
        open = false;
        session.close();
    }

    @Override
    protected void doBeginRead() {
        if (open) {
            session.requestRead();
        }
    }

    @Override
    protected void doWrite(ChannelOutboundBuffer out) throws IOException {
        for (Object message = out.current(); message != null; message = out.current()) {
            if (!(message instanceof ByteBuf buf)) {
                out.remove(new UnsupportedOperationException("a serial port takes ByteBuf only, not "
                        + message.getClass().getName()));
                continue;
            }
            int length = buf.readableBytes();
            byte[] bytes = new byte[length];
            buf.getBytes(buf.readerIndex(), bytes);
            int written = session.port().writeBytes(bytes, length);
            if (written != length) {
                String reason = "write to serial port " + address + " failed after " + Math.max(0, written) + " of "
                        + length + " bytes (error " + session.port().getLastErrorCode() + ")";
                attr(HostHandlers.CLOSE_REASON).setIfAbsent(reason);
                throw new IOException(reason);
            }
            out.remove();
        }
    }

    /** Turning auto-read off stops the reader thread after the batch at hand. */
    private final class SerialChannelConfig extends DefaultChannelConfig {
        SerialChannelConfig() {
            super(SerialChannel.this);
        }

        @Override
        protected void autoReadCleared() {
            session.cancelRead();
        }
    }

    /** The port's path as the channel's remote address, so that logs name it like a TCP peer. */
    static final class SerialAddress extends SocketAddress {
        private static final long serialVersionUID = 1L;
        private final String path;

        SerialAddress(String path) {
            this.path = path;
        }

        @Override
        public String toString() {
            return path;
        }
    }
}
