package io.scangate.simulator.lane;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;

import java.net.InetSocketAddress;

/**
 * One lane's TCP server: the RPM is the server, the gateway connects as client (DESIGN 4.1). The listening
 * socket, the accepted connection and the pump all live on one event loop, so lane state needs no locks.
 */
public final class Vm250LaneServer implements AutoCloseable {

    private final String laneId;
    private final Channel serverChannel;
    private final LanePump pump;

    /**
     * Binds at once.
     *
     * @param port 0 for an ephemeral port
     */
    public Vm250LaneServer(String laneId, String host, int port, EventLoop loop, LanePump pump) {
        this.laneId = laneId;
        this.pump = pump;
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(loop, loop)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new LaneSessionHandler(laneId, pump));
                    }
                });
        this.serverChannel = bootstrap.bind(host, port).syncUninterruptibly().channel();
    }

    public String laneId() {
        return laneId;
    }

    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** Whether a client is connected to this lane now. */
    public boolean clientConnected() {
        return pump.clientConnected();
    }

    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
    }
}
