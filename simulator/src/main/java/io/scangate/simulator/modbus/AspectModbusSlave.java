package io.scangate.simulator.modbus;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.scangate.simulator.scenario.ScenarioSettings;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A simulated Aspect-style radiation portal monitor (or an RS-485 gateway with several of them) as a
 * Modbus TCP server: each unit id is one monitor with its own {@link AspectScenario}; every connection
 * may read holding registers 0..7 (header) and the 21-register monitor block at 100 of any unit.
 * The monitors run in simulated time, {@code acceleration} times faster than real time, from the moment
 * the slave starts, whether or not anyone is connected (a real device counts on its own).
 */
public final class AspectModbusSlave implements AutoCloseable {

    /**
     * @param host address to bind, e.g. 127.0.0.1
     * @param port 0 for an ephemeral port (502 is the device convention)
     * @param unitIds monitors to simulate, each 1..32
     * @param scenario traffic and physics of every monitor
     * @param seed base seed; each unit uses {@code seed + unitId}
     * @param acceleration simulated time per real time (1 = real time)
     * @param maxOccupancies vehicles per monitor before its lane stays empty; 0 = no limit
     * @param maxMbapLength largest request MBAP length accepted; a longer one closes the connection
     */
    public record Options(String host, int port, Set<Integer> unitIds, ScenarioSettings scenario, long seed,
            double acceleration, long maxOccupancies, int maxMbapLength) {

        public Options {
            unitIds = Collections.unmodifiableSet(new TreeSet<>(unitIds));
            if (unitIds.isEmpty() || unitIds.stream().anyMatch(id -> id < 1 || id > 32)) {
                throw new IllegalArgumentException("unitIds must be 1..32 and at least one, got " + unitIds);
            }
            if (!(acceleration > 0)) {
                throw new IllegalArgumentException("acceleration must be > 0, got " + acceleration);
            }
            if (port < 0 || port > 65535 || maxMbapLength < 6 || maxMbapLength > 260) {
                throw new IllegalArgumentException("port must be 0..65535 and maxMbapLength 6..260");
            }
        }

        /** 127.0.0.1, an ephemeral port, unit 1, the VM-250 statistics, real time, no limit. */
        public static Options defaults() {
            return new Options("127.0.0.1", 0, Set.of(1), ScenarioSettings.defaults(), 1L, 1.0, 0, 260);
        }

        public Options withUnits(Set<Integer> ids) {
            return new Options(host, port, ids, scenario, seed, acceleration, maxOccupancies, maxMbapLength);
        }

        public Options withAcceleration(double factor) {
            return new Options(host, port, unitIds, scenario, seed, factor, maxOccupancies, maxMbapLength);
        }

        public Options withScenario(ScenarioSettings settings, long newSeed, long occupancies) {
            return new Options(host, port, unitIds, settings, newSeed, acceleration, occupancies, maxMbapLength);
        }
    }

    private final Map<Integer, AspectScenario> units = new LinkedHashMap<>();
    private final Queue<SlaveFault> faults = new ConcurrentLinkedQueue<>();
    private final EventLoopGroup group;
    private final boolean ownsGroup;
    private final Channel server;

    /** Starts on its own single-threaded event loop, with the real clock times {@code acceleration}. */
    public AspectModbusSlave(Options options) {
        this(options, new NioEventLoopGroup(1), true, realClock(options.acceleration()));
    }

    /**
     * Starts on {@code group} with {@code simulatedMillis} as the monitors' clock (tests pass a clock they
     * move themselves).
     */
    public AspectModbusSlave(Options options, EventLoopGroup group, LongSupplier simulatedMillis) {
        this(options, group, false, simulatedMillis);
    }

    private AspectModbusSlave(Options options, EventLoopGroup group, boolean ownsGroup, LongSupplier clock) {
        for (int unitId : options.unitIds()) {
            units.put(unitId, new AspectScenario(unitId, options.scenario(), options.seed() + unitId,
                    options.maxOccupancies()));
        }
        this.group = group;
        this.ownsGroup = ownsGroup;
        Map<Integer, AspectScenario> served = Collections.unmodifiableMap(units);
        this.server = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new SlaveSession(served, clock, options.maxMbapLength(), faults));
                    }
                })
                .bind(options.host(), options.port())
                .syncUninterruptibly()
                .channel();
    }

    private static LongSupplier realClock(double acceleration) {
        long start = System.nanoTime();
        return () -> (long) ((System.nanoTime() - start) / 1e6 * acceleration);
    }

    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** The monitor behind {@code unitId}, to read its ground truth or inject faults. */
    public AspectScenario unit(int unitId) {
        AspectScenario scenario = units.get(unitId);
        if (scenario == null) {
            throw new IllegalArgumentException("unit " + unitId + " is not simulated; units: " + units.keySet());
        }
        return scenario;
    }

    /** Makes the next request (on any connection, for any unit) misbehave as {@code fault} says. */
    public void inject(SlaveFault fault) {
        faults.add(fault);
    }

    /** Ground truth of every monitor, by unit id, then in order. */
    public List<AspectOccupancyTruth> groundTruth() {
        List<AspectOccupancyTruth> all = new ArrayList<>();
        units.values().forEach(unit -> all.addAll(unit.groundTruth()));
        return all;
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        if (ownsGroup) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
