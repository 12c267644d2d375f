package io.scangate.bench;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.EventExecutor;
import io.scangate.driver.BlobStore;
import io.scangate.driver.DeviceCondition;
import io.scangate.driver.DeviceContext;
import io.scangate.driver.vm250.Vm250Config;
import io.scangate.driver.vm250.Vm250Driver;
import io.scangate.driver.vm250.Vm250LineParser;
import io.scangate.driver.vm250.Vm250Record;
import io.scangate.proto.v1.DeviceRef;
import io.scangate.proto.v1.Envelope;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * VM-250 lines per second on one thread (one core), through the line parser alone and through the whole
 * driver (parser, occupancy tracking, mapping to the contract, the envelope built as the host builds it).
 * The score is lines/s ({@code @OperationsPerInvocation}); {@code events} is what the driver emitted per
 * second (measurements, scans, conditions, decode errors).
 *
 * <p>The line mix repeats one lane's traffic: ten seconds of empty lane (GB and NB every second), then a
 * ten-second passage (five pre-trigger GS lines, fifty GS at 200 ms, an NS every second, one SP, GX); every
 * fourth passage alarms (GA/NA lines). Values are six-digit zero-padded as the device sends them, and one
 * GB in ten carries a missing detector ({@code ***}). No line is invalid: bad input is not the hot path.
 *
 * <pre>./bench/run vm250 -f 1 -wi 3 -i 5 -w 2s -r 2s</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx256m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class Vm250IngestBenchmark {

    static final int PASSAGES = 8;
    /** Lines in {@link Traffic#lines}: checked at set-up so that the per-line score stays true. */
    static final int LINES = PASSAGES * (2 * 10 + 5 + 50 + 10 + 1 + 1);

    @State(Scope.Benchmark)
    public static class Traffic {
        byte[][] lines;

        @Setup
        public void build() {
            lines = laneTraffic(new SplittableRandom(250));
            if (lines.length != LINES) {
                throw new IllegalStateException("line mix has " + lines.length + " lines, LINES says " + LINES);
            }
        }
    }

    /** One driver with its device context, as the host keeps one per device. */
    @State(Scope.Thread)
    public static class Lane {
        final EmbeddedChannel loop = new EmbeddedChannel();
        CountingDeviceContext device;
        Vm250Driver driver;

        @Setup
        public void start() {
            loop.freezeTime();
            device = new CountingDeviceContext(loop.eventLoop());
            driver = new Vm250Driver(Vm250Config.defaults(), device);
            driver.linkUp();
        }

        @TearDown
        public void stop() {
            driver.stop();
            loop.finishAndReleaseAll();
        }
    }

    /** Driver output per second, next to the lines/s score. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Output {
        public long events;

        @Setup(Level.Iteration)
        public void reset() {
            events = 0;
        }
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public void parse(Traffic traffic, Blackhole sink) {
        for (byte[] line : traffic.lines) {
            sink.consume(Vm250LineParser.parse(line));
        }
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public void driver(Traffic traffic, Lane lane, Output output) {
        long before = lane.device.events;
        for (byte[] line : traffic.lines) {
            lane.device.tick();
            lane.driver.accept(Vm250LineParser.parse(line));
        }
        output.events += lane.device.events - before;
    }

    static byte[][] laneTraffic(SplittableRandom random) {
        List<String> lines = new ArrayList<>();
        for (int passage = 0; passage < PASSAGES; passage++) {
            boolean alarm = passage % 4 == 3;
            for (int second = 0; second < 10; second++) {
                String missing = second == 7 ? "***" : counts(random, 420, 1);
                lines.add("GB," + counts(random, 400, 1) + "," + counts(random, 410, 1) + "," + missing + ","
                        + counts(random, 390, 1));
                lines.add("NB," + counts(random, 2, 1) + "," + counts(random, 1, 1) + "," + counts(random, 2, 1)
                        + "," + counts(random, 1, 1));
            }
            for (int interval = 0; interval < 55; interval++) {
                boolean live = interval >= 5;
                String tag = alarm && live ? "GA" : "GS";
                lines.add(tag + "," + counts(random, 80, 4) + "," + counts(random, 82, 4) + ","
                        + counts(random, 85, 4) + "," + counts(random, 81, 4));
                if (live && interval % 5 == 4) {
                    lines.add((alarm ? "NA" : "NS") + "," + counts(random, 1, 1) + "," + counts(random, 1, 1)
                            + "," + counts(random, 2, 1) + "," + counts(random, 1, 1));
                }
            }
            lines.add("SP,0.1281,05.323,008.57,000000");
            lines.add(String.format("GX,%06d,002500,000000,000000", 100 + passage));
        }
        return lines.stream().map(line -> line.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
    }

    private static String counts(SplittableRandom random, int mean, int spread) {
        return String.format("%06d", Math.max(0, mean + random.nextInt(-spread * 8, spread * 8 + 1)));
    }

    /**
     * What the host gives a driver, cut down to counting: each envelope is built, as the host builds it
     * before journaling, then dropped. The clock moves 200 ms a line so that occupancies look real.
     */
    static final class CountingDeviceContext implements DeviceContext {
        private static final Duration LINE_PERIOD = Duration.ofMillis(200);
        private static final DeviceRef DEVICE = DeviceRef.newBuilder()
                .setDeviceId("bench-lane").setDriver("vm250").setSite("bench").setLane("lane1").build();

        private final EventExecutor executor;
        private Instant now = Instant.parse("2026-11-26T08:00:00Z");
        long events;
        private long checksum;

        CountingDeviceContext(EventExecutor executor) {
            this.executor = executor;
        }

        void tick() {
            now = now.plus(LINE_PERIOD);
        }

        @Override
        public DeviceRef device() {
            return DEVICE;
        }

        @Override
        public EventExecutor executor() {
            return executor;
        }

        @Override
        public Instant now() {
            return now;
        }

        @Override
        public void emit(Envelope.Builder message) {
            // The serialized size keeps the JIT from dropping the build; the host serializes too.
            checksum += message.build().getSerializedSize();
            events++;
        }

        @Override
        public CompletionStage<Void> emitDurably(Envelope.Builder message) {
            emit(message);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public BlobStore blobs() {
            throw new IllegalStateException("the VM-250 driver stores no blobs");
        }

        @Override
        public void frameReceived() {
        }

        @Override
        public void decodeError(String reason, String detail) {
            events++;
        }

        @Override
        public void condition(DeviceCondition condition, boolean active, String reason) {
            events++;
        }
    }
}
