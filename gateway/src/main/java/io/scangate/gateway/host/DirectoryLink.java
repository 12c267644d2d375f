package io.scangate.gateway.host;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalServerChannel;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import io.scangate.driver.Driver;
import io.scangate.gateway.config.TransportConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A drop directory a device exports files into (N42 documents, for example). Each file, once its size and
 * modification time held still for one poll, reaches the driver as one in-process (Netty local) connection
 * carrying its bytes, so the driver sees the same pipeline events as over TCP. The file is moved to
 * {@code processed/} only when everything the driver emitted for it is durable in the journal: a crash
 * before that re-reads it (at least once, as everywhere else). Files are handled one at a time, in order of
 * modification time; names starting with '.' or ending in .tmp / .part are left alone (writers in progress).
 * A file the driver could not fully decode, or one that is unreadable or over {@code maxFileBytes}, goes to
 * {@code rejected/} instead, counted and logged with the reason, so that an operator finds it.
 */
final class DirectoryLink implements DeviceLink {

    private static final Logger log = LoggerFactory.getLogger(DirectoryLink.class);
    static final String PROCESSED = "processed";
    static final String REJECTED = "rejected";

    private record Seen(long size, long modified) {
    }

    private final DeviceRuntime runtime;
    private final TransportConfig transport;
    private final Driver driver;
    private final Path directory;
    private final LocalAddress address;
    private final Map<Path, Seen> lastSeen = new HashMap<>();
    private Channel server;
    private ScheduledFuture<?> poller;
    private Path delivering;
    private long decodeErrorsBefore;
    private boolean stopped;
    private boolean paused;

    DirectoryLink(DeviceRuntime runtime, TransportConfig transport, Driver driver) {
        this.runtime = runtime;
        this.transport = transport;
        this.driver = driver;
        this.directory = Path.of(transport.path());
        this.address = new LocalAddress("scangate-directory-" + runtime.device().getDeviceId() + "-" + UUID.randomUUID());
    }

    @Override
    public void start() {
        new ServerBootstrap()
                .group(runtime.eventLoop(), runtime.eventLoop())
                .channel(LocalServerChannel.class)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel file) {
                        driver.initPipeline(file.pipeline());
                        file.pipeline().addLast("guard", new ExceptionGuard(runtime));
                        file.pipeline().addLast("file-done", new FileDone());
                    }
                })
                .bind(address).addListener((ChannelFutureListener) bound -> {
                    if (!bound.isSuccess()) {
                        runtime.link(false, "cannot start watching " + directory + ": " + bound.cause());
                        return;
                    }
                    server = bound.channel();
                    long every = transport.pollInterval().toMillis();
                    poller = runtime.eventLoop().scheduleWithFixedDelay(this::poll, 0, every, TimeUnit.MILLISECONDS);
                });
    }

    @Override
    public Future<?> stop() {
        stopped = true;
        if (poller != null) {
            poller.cancel(false);
        }
        return server != null ? server.close() : runtime.eventLoop().newSucceededFuture(null);
    }

    /** Back-pressure: take no new file; the device's files wait on its disk. */
    @Override
    public void paused(boolean value) {
        paused = value;
    }

    private void poll() {
        if (stopped || paused || delivering != null) {
            return;
        }
        if (!Files.isDirectory(directory) || !Files.isReadable(directory)) {
            runtime.link(false, "drop directory " + directory + " is missing or unreadable");
            return;
        }
        runtime.link(true, "watching " + directory);
        try {
            Path stable = nextStableFile();
            if (stable != null) {
                deliver(stable);
            }
        } catch (IOException e) {
            runtime.link(false, "cannot list " + directory + ": " + e.getMessage());
        }
    }

    /** The oldest file that has not changed since the last poll; remembers what the others look like now. */
    private Path nextStableFile() throws IOException {
        Map<Path, Seen> now = new HashMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(DirectoryLink::isCandidate).toList()) {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                if (a.isRegularFile()) {
                    now.put(file, new Seen(a.size(), a.lastModifiedTime().toMillis()));
                }
            }
        }
        List<Path> stable = now.entrySet().stream()
                .filter(e -> e.getValue().equals(lastSeen.get(e.getKey())))
                .sorted(Comparator.comparingLong((Map.Entry<Path, Seen> e) -> e.getValue().modified())
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).toList();
        lastSeen.clear();
        lastSeen.putAll(now);
        return stable.isEmpty() ? null : stable.get(0);
    }

    private static boolean isCandidate(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith(".") && !name.endsWith(".tmp") && !name.endsWith(".part");
    }

    private void deliver(Path file) {
        byte[] bytes;
        try {
            bytes = readBounded(file);
        } catch (IOException e) {
            runtime.decodeError("unreadable_file", file + ": " + e.getMessage());
            moveAside(file, REJECTED, "unreadable: " + e.getMessage());
            return;
        }
        if (bytes == null) {
            runtime.decodeError("file_too_large", file + " is larger than maxFileBytes " + transport.maxFileBytes());
            moveAside(file, REJECTED, "larger than maxFileBytes " + transport.maxFileBytes());
            return;
        }
        delivering = file;
        decodeErrorsBefore = runtime.decodeErrors();
        new Bootstrap().group(runtime.eventLoop()).channel(LocalChannel.class)
                .handler(new ChannelInboundHandlerAdapter())
                .connect(address).addListener((ChannelFutureListener) connected -> {
                    if (!connected.isSuccess()) {
                        delivering = null;
                        runtime.decodeError("file_not_delivered", file + ": " + connected.cause());
                        return;
                    }
                    connected.channel().writeAndFlush(Unpooled.wrappedBuffer(bytes))
                            .addListener(ChannelFutureListener.CLOSE);
                });
    }

    /** The file's bytes, or null when it is over the limit: never more than the limit in memory, even if it grew. */
    private byte[] readBounded(Path file) throws IOException {
        long limit = transport.maxFileBytes().bytes();
        if (Files.size(file) > limit) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) limit + 1);
            return bytes.length > limit ? null : bytes;
        }
    }

    /** Last in a file's pipeline: once the driver has seen the whole file, wait until it is durable, then move it. */
    private final class FileDone extends ChannelInboundHandlerAdapter {
        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            moveWhenDurable();
        }
    }

    private void moveWhenDurable() {
        if (runtime.pendingAppends() > 0) {
            runtime.eventLoop().schedule(this::moveWhenDurable, 20, TimeUnit.MILLISECONDS);
            return;
        }
        Path file = delivering;
        delivering = null;
        long errors = runtime.decodeErrors() - decodeErrorsBefore;
        if (errors > 0) {
            moveAside(file, REJECTED, "the driver reported " + errors + " decode error(s); what it could read was forwarded");
        } else {
            moveAside(file, PROCESSED, null);
        }
    }

    /**
     * Moves a handled file out of the watched directory, to {@code processed/} or, when it needs a person's
     * look, to {@code rejected/}. A file that cannot be moved would be read again and again: stop watching
     * and say why.
     */
    private void moveAside(Path file, String folder, String reason) {
        lastSeen.remove(file);
        try {
            Path target = Files.createDirectories(directory.resolve(folder));
            Files.move(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            runtime.link(false, "cannot move " + file + " to " + folder + "/: " + e.getMessage());
            stopped = true;
            return;
        }
        if (reason == null) {
            log.info("device={} event=file_processed file={}", runtime.device().getDeviceId(), file.getFileName());
        } else {
            log.warn("device={} event=file_rejected file={} reason=\"{}\"", runtime.device().getDeviceId(),
                    file.getFileName(), reason);
        }
    }
}
