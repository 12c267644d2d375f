package io.scangate.simulator.n42;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One N42 portal lane as a TCP server (the portal is the server; the gateway connects): sends each document
 * of its {@link N42Scenario} framed STX (0x02) ... ETX (0x03) when its measurement ends in simulated time.
 * Simulated time runs only while a client is connected and can take more bytes, so the ground truth lists
 * exactly what was handed to a connection. The newest client takes the lane over. Everything runs on the
 * server's one event loop.
 */
public final class N42LaneServer implements AutoCloseable {

    static final byte STX = 0x02;
    static final byte ETX = 0x03;
    private static final Logger log = LoggerFactory.getLogger(N42LaneServer.class);
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final int MAX_DOCUMENTS_PER_TICK = 50;
    private static final byte[] GARBAGE = "SPECTRO-PORTAL READY\r\n".getBytes(StandardCharsets.US_ASCII);

    private final N42LaneSettings settings;
    private final N42Scenario scenario;
    private final N42DocumentWriter writer;
    private final EventLoopGroup group = new NioEventLoopGroup(1);
    private final Channel serverChannel;
    private final List<SentDocument> sent = new ArrayList<>();
    private final FaultDraws faults;
    private volatile Channel client;
    private ScheduledFuture<?> ticker;
    private double simulatedMillis;
    private long lastTickNanos;
    private SimulatedDocument pending;
    private int connections;

    private N42LaneServer(N42LaneSettings settings) {
        this.settings = settings;
        this.scenario = new N42Scenario(settings);
        this.faults = new FaultDraws(settings.seed());
        this.writer = new N42DocumentWriter(settings.laneId(), N42Scenario.GAMMA_DETECTORS,
                N42Scenario.NEUTRON_DETECTORS, settings.countedZeroes());
        this.serverChannel = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new Session());
                    }
                })
                .bind(settings.host(), settings.port()).syncUninterruptibly().channel();
        log.info("lane={} event=listening port={} seed={} acceleration={}", settings.laneId(), port(),
                settings.seed(), settings.acceleration());
    }

    /** Binds at once. */
    public static N42LaneServer start(N42LaneSettings settings) {
        return new N42LaneServer(settings);
    }

    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    public boolean clientConnected() {
        return client != null;
    }

    /** What the lane has handed to connections so far, in order; safe from any thread. */
    public List<SentDocument> groundTruth() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private void attach(Channel newClient) {
        Channel previous = client;
        if (previous != null) {
            log.warn("lane={} reason=new-client-takes-over previous={} remote={}", settings.laneId(),
                    previous.remoteAddress(), newClient.remoteAddress());
            detach(previous);
            previous.close();
        }
        client = newClient;
        connections++;
        lastTickNanos = System.nanoTime();
        ticker = newClient.eventLoop().scheduleAtFixedRate(this::tick, 0, TICK_NANOS, TimeUnit.NANOSECONDS);
        log.info("lane={} event=client-connected remote={}", settings.laneId(), newClient.remoteAddress());
    }

    private void detach(Channel oldClient) {
        if (client != oldClient) {
            return;
        }
        ticker.cancel(false);
        client = null;
        log.info("lane={} event=client-disconnected sent={}", settings.laneId(), groundTruth().size());
    }

    private void tick() {
        Channel channel = client;
        if (channel == null) {
            return;
        }
        long now = System.nanoTime();
        if (channel.isWritable()) {
            simulatedMillis += (now - lastTickNanos) / 1e6 * settings.acceleration();
        }
        lastTickNanos = now;
        Instant simulatedNow = settings.startTime().plusMillis((long) simulatedMillis);
        int written = 0;
        while (written < MAX_DOCUMENTS_PER_TICK && channel.isActive() && channel.isWritable() && !finished()) {
            if (pending == null) {
                pending = scenario.next();
            }
            if (pending.start().plus(pending.realTime()).isAfter(simulatedNow)) {
                break;
            }
            boolean connectionKept = send(channel, pending);
            pending = null;
            written++;
            if (!connectionKept) {
                break;
            }
        }
        channel.flush();
    }

    private boolean finished() {
        if (settings.maxDocuments() == 0) {
            return false;
        }
        synchronized (sent) {
            return sent.size() >= settings.maxDocuments();
        }
    }

    /** @return false when a fault closed the connection */
    private boolean send(Channel channel, SimulatedDocument document) {
        byte[] bytes = writer.write(document);
        N42Fault fault = faults.chance(settings.faultProbability()) ? faults.pick() : null;
        byte[] payload = fault == N42Fault.MALFORMED_DOCUMENT ? Arrays.copyOf(bytes, bytes.length / 2) : bytes;
        ByteBuf frame = channel.alloc().buffer(payload.length + GARBAGE.length + 2);
        if (fault == N42Fault.GARBAGE_BEFORE_FRAME) {
            frame.writeBytes(GARBAGE);
        }
        frame.writeByte(STX).writeBytes(payload).writeByte(ETX);
        synchronized (sent) {
            sent.add(SentDocument.of(sent.size() + 1, connections, document, bytes.length, fault));
        }
        if (fault == N42Fault.DROP_MID_DOCUMENT) {
            log.info("lane={} event=fault-drop-mid-document uuid={}", settings.laneId(), document.uuid());
            channel.writeAndFlush(frame.retainedSlice(0, frame.readableBytes() / 2)).addListener(ChannelFutureListener.CLOSE);
            frame.release();
            return false;
        }
        channel.write(frame);
        log.debug("lane={} event=document-sent kind={} uuid={} bytes={} fault={}", settings.laneId(), document.kind(),
                document.uuid(), bytes.length, fault);
        return true;
    }

    /** Fault draws from their own generator, so that turning faults on does not change the documents. */
    private static final class FaultDraws {

        private final SplittableRandom random;

        FaultDraws(long seed) {
            random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        }

        boolean chance(double probability) {
            return probability > 0 && random.nextDouble() < probability;
        }

        N42Fault pick() {
            N42Fault[] all = N42Fault.values();
            return all[random.nextInt(all.length)];
        }
    }

    /** Binds one accepted connection to the lane; the device ignores what a client sends. */
    private final class Session extends ChannelInboundHandlerAdapter {

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            attach(ctx.channel());
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            detach(ctx.channel());
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            log.warn("lane={} reason=connection-error remote={} detail={}", settings.laneId(),
                    ctx.channel().remoteAddress(), cause.toString());
            ctx.close();
        }
    }
}
