package io.scangate.driver.dicos;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.scangate.gateway.blob.BlobStoreSettings;
import io.scangate.gateway.blob.FileBlobStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The driver the way the host runs a TCP_SERVER device: a listening socket on 127.0.0.1, every accepted
 * connection registered on the device's single event loop with a pipeline from initPipeline, and a real
 * FileBlobStore whose commits run on a small I/O executor.
 */
final class ScpHarness implements AutoCloseable {

    private final EventLoopGroup acceptor = new NioEventLoopGroup(1);
    private final EventLoopGroup deviceLoop = new NioEventLoopGroup(1);
    private final ExecutorService blobIo = Executors.newSingleThreadExecutor();
    private final Path blobDirectory;
    private final FileBlobStore store;
    private final RecordingDeviceContext device;
    private final Channel server;

    ScpHarness(DicosConfig config, Path blobDirectory, long maxBlobBytes) throws IOException, InterruptedException {
        this.blobDirectory = blobDirectory;
        this.store = FileBlobStore.open(new BlobStoreSettings(blobDirectory, maxBlobBytes), blobIo);
        this.device = new RecordingDeviceContext(deviceLoop.next(), store);
        DicosDriver driver = new DicosDriver(config, device);
        this.server = new ServerBootstrap().group(acceptor, deviceLoop).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        driver.initPipeline(channel.pipeline());
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
    }

    int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    RecordingDeviceContext device() {
        return device;
    }

    FileBlobStore store() {
        return store;
    }

    List<Path> committedBlobs() throws IOException {
        try (Stream<Path> files = Files.walk(blobDirectory.resolve("sha256"))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    List<Path> temporaryBlobs() throws IOException {
        try (Stream<Path> files = Files.list(blobDirectory.resolve("tmp"))) {
            return files.toList();
        }
    }

    @Override
    public void close() throws InterruptedException {
        server.close().sync();
        deviceLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        blobIo.shutdown();
        blobIo.awaitTermination(5, TimeUnit.SECONDS);
    }
}
