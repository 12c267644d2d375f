package io.scangate.bench;

import io.scangate.gateway.testing.MosquittoBroker;
import io.scangate.simulator.Simulator;
import io.scangate.simulator.SimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Not a test: prints figures. In one run, against one Mosquitto (persistence on, no queue limit):
 * <ol>
 *   <li>realistic traffic: N VM-250 lanes in real time through the gateway JVM (-Xmx256m) to a QoS 1
 *       subscriber; latency from the envelope's gateway receive time to arrival at the subscriber;</li>
 *   <li>saturation: a ramp of runs with lanes at rising acceleration; per step events per second
 *       journalled, acknowledged by the broker and delivered, the journal backlog's growth, gateway CPU and
 *       peak heap. The highest step whose backlog stayed flat is the sustained throughput; the last step is
 *       the overload;</li>
 *   <li>the ceiling: a bare Paho client publishing pre-encoded envelopes of the sizes seen in the
 *       overload run (a median occupancy, a background measurement) at QoS 1 with the broker's whole
 *       Receive Maximum in flight.</li>
 * </ol>
 *
 * <pre>
 * ./bench/run delivery [--realistic-lanes 50] [--realistic-seconds 60] [--saturation-lanes 8]
 *     [--saturation-accelerations 2000,4000,6000,8000] [--saturation-seconds 10] [--raw-seconds 15]
 *     [--broker-inflight 100] [--gateway-inflight (as broker)] [--gateway-io-threads (the gateway's default)]
 * </pre>
 */
public final class DeliveryBenchmark {

    private static final Duration REALISTIC_WARM_UP = Duration.ofSeconds(10);
    /** Long enough for the gateway's JIT: C2 alone took 8 s of CPU in a saturated gateway's first 30 s. */
    private static final Duration STEP_WARM_UP = Duration.ofSeconds(10);
    /** A step kept up when its journal backlog grew by less than this share of what it published. */
    private static final double KEPT_UP_GROWTH = 0.05;
    /** Issue #3's target: the gateway's acknowledged rate at saturation over the bare client's. */
    private static final double TARGET_RATIO = 0.8;
    private static final String STORED = "scangate_journal_entries{state=\"stored\"";
    private static final Pattern UP_DEVICE = Pattern.compile("\"[^\"]+-rpm\":\"UP\"");

    private DeliveryBenchmark() {
    }

    /** What one gateway run measured over its measurement window. */
    private record Run(String name, int lanes, double acceleration, double seconds, long delivered,
                       double journalledPerSecond, double ackedPerSecond, double backlogGrowthPerSecond,
                       double commitMaxMillis, double publishLatencyMaxMillis, CpuBudget cpu, long peakHeapBytes,
                       long backlogAtEnd, BenchSubscriber.Recording recording) {

        double cpuSeconds() {
            return cpu.gatewayCpu();
        }

        double benchCpuSeconds() {
            return cpu.benchCpu();
        }

        double deliveredPerSecond() {
            return delivered / seconds;
        }

        boolean keptUp() {
            return backlogGrowthPerSecond < KEPT_UP_GROWTH * ackedPerSecond;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int realisticLanes = Integer.parseInt(options.getOrDefault("realistic-lanes", "50"));
        int realisticSeconds = Integer.parseInt(options.getOrDefault("realistic-seconds", "60"));
        int saturationLanes = Integer.parseInt(options.getOrDefault("saturation-lanes", "8"));
        String[] saturationSteps = options.getOrDefault("saturation-accelerations", "2000,4000,6000,8000").split(",");
        int saturationSeconds = Integer.parseInt(options.getOrDefault("saturation-seconds", "10"));
        int rawSeconds = Integer.parseInt(options.getOrDefault("raw-seconds", "15"));
        int brokerInflight = Integer.parseInt(options.getOrDefault("broker-inflight", "100"));
        int gatewayInflight = Integer.parseInt(options.getOrDefault("gateway-inflight", Integer.toString(brokerInflight)));
        String ioThreads = options.get("gateway-io-threads");
        String opsSettings = ioThreads == null ? "" : "ioThreads: " + Integer.parseInt(ioThreads);
        Path work = Files.createTempDirectory("scangate-bench-");

        try (MosquittoBroker broker = MosquittoBroker.start(brokerInflight);
             BenchSubscriber subscriber = BenchSubscriber.connect(broker.uri())) {
            System.out.printf("broker: mosquitto on %s, max_inflight_messages %d, persistence on, max_queued_messages 0%n",
                    broker.uri(), brokerInflight);
            Run realistic = gatewayRun("realistic", broker, subscriber, work.resolve("realistic"), realisticLanes, 1,
                    gatewayInflight, opsSettings, REALISTIC_WARM_UP, Duration.ofSeconds(realisticSeconds));
            print(realistic);
            subscriber.discardBacklog();
            List<Run> ramp = new ArrayList<>();
            for (String step : saturationSteps) {
                Run run = gatewayRun("saturation x" + step.strip(), broker, subscriber, work.resolve("x" + step.strip()),
                        saturationLanes, Double.parseDouble(step), gatewayInflight, opsSettings, STEP_WARM_UP,
                        Duration.ofSeconds(saturationSeconds));
                print(run);
                subscriber.discardBacklog();
                ramp.add(run);
            }
            Run overload = ramp.get(ramp.size() - 1);
            Run saturation = ramp.stream().filter(Run::keptUp).max(Comparator.comparingDouble(Run::ackedPerSecond))
                    .orElse(ramp.get(0));

            byte[] occupancy = overload.recording().typicalOccupancy();
            byte[] telemetry = overload.recording().typicalTelemetry();
            if (occupancy == null || telemetry == null) {
                throw new IllegalStateException("the saturation run delivered no occupancy or no measurement to copy");
            }
            Duration rawWarmUp = Duration.ofSeconds(3);
            RawCeiling.Result rawOccupancy = RawCeiling.run(broker, subscriber, occupancy, rawWarmUp,
                    Duration.ofSeconds(rawSeconds));
            print("raw, occupancy-size payload", rawOccupancy);
            subscriber.discardBacklog();
            RawCeiling.Result rawTelemetry = RawCeiling.run(broker, subscriber, telemetry, rawWarmUp,
                    Duration.ofSeconds(rawSeconds));
            print("raw, measurement-size payload", rawTelemetry);

            double occupancyShare = (double) saturation.recording().occupancyLatencyMicros.size()
                    / Math.max(1, saturation.recording().allLatencyMicros.size());
            double ackedCeiling = mix(occupancyShare, rawOccupancy.ackedPerSecond(), rawTelemetry.ackedPerSecond());
            double deliveredCeiling = mix(occupancyShare, rawOccupancy.deliveredPerSecond(),
                    rawTelemetry.deliveredPerSecond());
            System.out.println();
            System.out.println("SUMMARY");
            System.out.printf(Locale.ROOT, "  raw ceiling, occupancy envelopes (%d B, window %d): %.0f acked/s, %.0f delivered/s%n",
                    rawOccupancy.payloadBytes(), rawOccupancy.window(), rawOccupancy.ackedPerSecond(),
                    rawOccupancy.deliveredPerSecond());
            System.out.printf(Locale.ROOT, "  raw ceiling, measurement envelopes (%d B): %.0f acked/s, %.0f delivered/s%n",
                    rawTelemetry.payloadBytes(), rawTelemetry.ackedPerSecond(), rawTelemetry.deliveredPerSecond());
            System.out.printf(Locale.ROOT, "  raw ceiling for the gateway's mix (%.1f %% occupancies): %.0f acked/s, %.0f delivered/s%n",
                    occupancyShare * 100, ackedCeiling, deliveredCeiling);
            System.out.printf(Locale.ROOT, "  scangate, highest step that kept up (%d lanes x%.0f%s): %.0f acked/s, %.0f delivered/s%n",
                    saturation.lanes(), saturation.acceleration(), saturation.keptUp() ? "" : ", none kept up",
                    saturation.ackedPerSecond(), saturation.deliveredPerSecond());
            System.out.printf(Locale.ROOT, "  scangate, overload (%d lanes x%.0f): %.0f journalled/s, %.0f acked/s, %.0f delivered/s%n",
                    overload.lanes(), overload.acceleration(), overload.journalledPerSecond(), overload.ackedPerSecond(),
                    overload.deliveredPerSecond());
            System.out.printf(Locale.ROOT, "  ratio scangate / raw (same mix): acked %.2f, delivered %.2f;"
                            + " vs occupancy-size raw: acked %.2f%n", saturation.ackedPerSecond() / ackedCeiling,
                    saturation.deliveredPerSecond() / deliveredCeiling,
                    saturation.ackedPerSecond() / rawOccupancy.ackedPerSecond());
            System.out.printf(Locale.ROOT, "  ratio under overload / raw (same mix): acked %.2f%n",
                    overload.ackedPerSecond() / ackedCeiling);
            printBudget(overload, rawOccupancy, rawTelemetry, occupancyShare, ackedCeiling);
            System.out.printf(Locale.ROOT, "  gateway CPU: saturation %.1f s in %.0f s (%.2f ms per event); realistic %.1f s in %.0f s%n",
                    saturation.cpuSeconds(), saturation.seconds(), 1000 * saturation.cpuSeconds()
                            / (saturation.ackedPerSecond() * saturation.seconds()),
                    realistic.cpuSeconds(), realistic.seconds());
            System.out.printf(Locale.ROOT, "  latency receive_time -> subscriber, %d lanes real time: p50 %.1f ms, p99 %.1f ms"
                            + " (all events); occupancies p50 %.1f ms, p99 %.1f ms (n=%d)%n", realistic.lanes(),
                    ms(realistic.recording().allLatencyMicros.quantile(0.5)),
                    ms(realistic.recording().allLatencyMicros.quantile(0.99)),
                    ms(realistic.recording().occupancyLatencyMicros.quantile(0.5)),
                    ms(realistic.recording().occupancyLatencyMicros.quantile(0.99)),
                    realistic.recording().occupancyLatencyMicros.size());
            System.out.printf(Locale.ROOT, "  gateway-side maxima in the realistic run: journal commit %.1f ms, receive -> PUBACK %.1f ms%n",
                    realistic.commitMaxMillis(), realistic.publishLatencyMaxMillis());
            System.out.printf(Locale.ROOT, "  gateway peak heap: realistic %.0f MiB, ramp %s MiB (-Xmx256m)%n",
                    realistic.peakHeapBytes() / 1048576.0, ramp.stream().map(r -> String.format(Locale.ROOT, "%.0f",
                            r.peakHeapBytes() / 1048576.0)).toList());
        }
    }

    private static Run gatewayRun(String name, MosquittoBroker broker, BenchSubscriber subscriber, Path dir, int lanes,
                                  double acceleration, int maxInFlight, String opsSettings, Duration warmUp,
                                  Duration measure)
            throws Exception {
        try (Simulator simulator = Simulator.start(SimulatorOptions.builder().lanes(lanes).seed(7)
                .acceleration(acceleration).progressInterval(Duration.ZERO).build());
             GatewayJvm gateway = GatewayJvm.start(dir, gatewayYaml(simulator, broker.uri(), maxInFlight, dir.resolve("journal")),
                     "256m", opsSettings)) {
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (upDevices(gateway.health()) < lanes) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("devices not all UP within a minute: " + gateway.health());
                }
                Thread.sleep(100);
            }
            Thread.sleep(warmUp.toMillis());
            BenchSubscriber.Recording recording = subscriber.record();
            long deliveredBefore = subscriber.envelopeCount();
            Sample journalledBefore = Sample.of(gateway, "scangate_events_journalled_total");
            Sample ackedBefore = Sample.of(gateway, "scangate_publish_acked_total");
            Sample storedBefore = Sample.of(gateway, STORED);
            CpuBudget.Meter cpu = CpuBudget.start(gateway, broker);
            long started = System.nanoTime();
            Thread.sleep(measure.toMillis());
            double seconds = (System.nanoTime() - started) / 1e9;
            long delivered = subscriber.envelopeCount() - deliveredBefore;
            Sample journalledAfter = Sample.of(gateway, "scangate_events_journalled_total");
            CpuBudget budget = cpu.stop((long) (journalledAfter.value() - journalledBefore.value()));
            double journalledPerSecond = journalledAfter.ratePerSecondSince(journalledBefore);
            double ackedPerSecond = Sample.of(gateway, "scangate_publish_acked_total").ratePerSecondSince(ackedBefore);
            Sample storedAfter = Sample.of(gateway, STORED);
            double commitMaxMillis = 1000 * gateway.metric("scangate_journal_commit_seconds_max");
            double publishMaxMillis = 1000 * gateway.metric("scangate_publish_latency_seconds_max");
            subscriber.stop();
            long backlog = (long) storedAfter.value();
            if (!gateway.alive()) {
                throw new IllegalStateException("gateway died during the " + name + " run; log " + gateway.log());
            }
            return new Run(name, lanes, acceleration, seconds, delivered, journalledPerSecond, ackedPerSecond,
                    storedAfter.ratePerSecondSince(storedBefore), commitMaxMillis, publishMaxMillis, budget,
                    gateway.peakHeapBytes(), backlog, recording);
        }
    }

    /**
     * A counter read from the gateway's /metrics, timed at the middle of the request: a saturated gateway
     * answers late, and the rate must use the moments the values were read, not the measurement window.
     */
    private record Sample(double value, long nanos) {

        static Sample of(GatewayJvm gateway, String prefix) {
            long sent = System.nanoTime();
            double value = gateway.metric(prefix);
            return new Sample(value, sent + (System.nanoTime() - sent) / 2);
        }

        double ratePerSecondSince(Sample earlier) {
            return (value - earlier.value) / ((nanos - earlier.nanos) / 1e9);
        }
    }

    private static String gatewayYaml(Simulator simulator, String brokerUri, int maxInFlight, Path journal) {
        StringBuilder yaml = new StringBuilder()
                .append("site: bench\ngatewayId: gw-bench\n")
                .append("journal: {directory: '").append(journal).append("'}\n")
                .append("mqtt: {serverUri: '").append(brokerUri).append("', maxInFlight: ").append(maxInFlight).append("}\n")
                .append("devices:\n");
        for (String lane : simulator.laneIds()) {
            yaml.append("  - {id: ").append(lane).append("-rpm, driver: vm250, lane: ").append(lane)
                    .append(", transport: {kind: tcp-client, host: 127.0.0.1, port: ").append(simulator.port(lane))
                    .append("}}\n");
        }
        return yaml.toString();
    }

    private static int upDevices(String health) {
        if (health == null) {
            return 0;
        }
        Matcher matcher = UP_DEVICE.matcher(health);
        int up = 0;
        while (matcher.find()) {
            up++;
        }
        return up;
    }

    private static void print(Run run) {
        BenchSubscriber.Recording r = run.recording();
        System.out.printf(Locale.ROOT, "%s: %d lanes x%.0f, %.1f s measured: delivered %.0f events/s (journalled %.0f/s,"
                        + " acked by the broker %.0f/s, backlog at end %d, %s); latency p50 %.1f ms p99 %.1f ms; occupancies %d (p50 %.1f ms, p99 %.1f ms);"
                        + " mean payload %.0f B; gateway CPU %.1f s (%.0f %% of one core); this JVM (simulator, subscriber)"
                        + " CPU %.1f s; peak heap %.0f MiB%n",
                run.name(), run.lanes(), run.acceleration(), run.seconds(), run.deliveredPerSecond(),
                run.journalledPerSecond(), run.ackedPerSecond(), run.backlogAtEnd(),
                run.keptUp() ? "kept up" : String.format(Locale.ROOT, "backlog growing %.0f/s", run.backlogGrowthPerSecond()), ms(r.allLatencyMicros.quantile(0.5)),
                ms(r.allLatencyMicros.quantile(0.99)), r.occupancyLatencyMicros.size(),
                ms(r.occupancyLatencyMicros.quantile(0.5)), ms(r.occupancyLatencyMicros.quantile(0.99)),
                r.payloadBytes.mean(), run.cpuSeconds(), 100 * run.cpuSeconds() / run.seconds(), run.benchCpuSeconds(),
                run.peakHeapBytes() / 1048576.0);
        System.out.println("  " + run.cpu().describe("simulator") + ", per event journalled");
    }

    private static void print(String name, RawCeiling.Result result) {
        System.out.printf(Locale.ROOT, "%s: %d B, window %d: %.0f acks/s, %.0f msg/s delivered%n", name,
                result.payloadBytes(), result.window(), result.ackedPerSecond(), result.deliveredPerSecond());
        System.out.println("  " + result.cpu().describe("bare publisher") + ", per message acked; of the bare publisher,"
                + String.format(Locale.ROOT, " its own threads (Paho's and the publishing loop) %.1f µs",
                result.publisherMicrosPerMessage()));
    }

    /**
     * The target as a CPU budget. At {@code TARGET_RATIO} of the ceiling every event costs the simulator what
     * it cost in the overload step, and the subscriber and Mosquitto what a message cost them in the raw runs
     * (every message delivered, as the target needs); what is left of the machine's cores per event is what
     * the gateway may spend to ingest, journal and publish one. Costs are weighted by the gateway's mix.
     */
    private static void printBudget(Run overload, RawCeiling.Result occupancy, RawCeiling.Result telemetry,
                                    double occupancyShare, double ackedCeiling) {
        double rate = TARGET_RATIO * ackedCeiling;
        double simulator = overload.cpu().generatorMicros();
        double subscriber = weighted(occupancyShare, occupancy.cpu().subscriberMicros(), telemetry.cpu().subscriberMicros());
        double broker = weighted(occupancyShare, occupancy.cpu().brokerMicros(), telemetry.cpu().brokerMicros());
        double publisher = weighted(occupancyShare, occupancy.publisherMicrosPerMessage(),
                telemetry.publisherMicrosPerMessage());
        double others = simulator + subscriber + broker;
        double left = 1e6 * CpuBudget.cores() / rate - others;
        System.out.printf(Locale.ROOT, "  CPU budget at %.1f x the ceiling (%.0f events/s, %d cores = %.1f µs per event):"
                        + " simulator %.1f + subscriber %.1f + mosquitto %.1f = %.1f µs, leaving %.1f µs per event for the"
                        + " gateway to ingest, journal and publish it%n", TARGET_RATIO, rate, CpuBudget.cores(),
                1e6 * CpuBudget.cores() / rate, simulator, subscriber, broker, others, left);
        System.out.printf(Locale.ROOT, "  the gateway spent %.1f µs per event journalled in the overload step (acked / journalled"
                        + " %.2f); the bare client's own threads spend %.1f µs per message on publishing alone%n",
                overload.cpu().gatewayMicros(), overload.ackedPerSecond() / overload.journalledPerSecond(), publisher);
    }

    private static double weighted(double share, double occupancyValue, double measurementValue) {
        return share * occupancyValue + (1 - share) * measurementValue;
    }

    /** Messages per second of a publisher whose time per message is that of the sizes it sends, weighted. */
    private static double mix(double occupancyShare, double occupancyRate, double measurementRate) {
        return 1 / (occupancyShare / occupancyRate + (1 - occupancyShare) / measurementRate);
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
