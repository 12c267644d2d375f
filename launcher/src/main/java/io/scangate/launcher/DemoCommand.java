package io.scangate.launcher;

import io.scangate.gateway.Gateway;
import io.scangate.gateway.config.ConfigLoader;
import io.scangate.gateway.config.LoadedConfig;
import io.scangate.gateway.host.DriverRegistry;
import io.scangate.simulator.Simulator;
import io.scangate.simulator.SimulatorOptions;
import io.scangate.simulator.lanerun.LaneRun;
import io.scangate.simulator.modbus.AspectModbusSlave;
import io.scangate.simulator.n42.N42LaneServer;
import io.scangate.simulator.n42.N42LaneSettings;
import io.scangate.simulator.scenario.ScenarioSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Everything on one machine, nothing to install: an embedded MQTT 5 broker, simulated VM-250 lanes, the
 * gateway between them, and a console back-end printing what arrives. The first VM-250 lane is a whole
 * correlated lane: an OCR portal and an X-ray scanner (small images) stand beside its radiation portal, all
 * driven by the vehicle scenario, and the gateway joins them into inspections.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Embedded MQTT 5 broker + simulated VM-250 lanes (the first with an OCR portal and an X-ray"
                + " scanner, joined into inspections) + gateway + a console that prints decoded events.")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--lanes", defaultValue = "3", description = "Simulated lanes (default: ${DEFAULT-VALUE}).")
    int lanes;

    @Option(names = "--acceleration", defaultValue = "20",
            description = "Simulated time per real time; 20 shows a vehicle every few seconds (default: ${DEFAULT-VALUE}).")
    double acceleration;

    @Option(names = "--seed", defaultValue = "2026", description = "Scenario seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--duration", description = "Stop after this many seconds (default: run until Ctrl-C).")
    Long durationSeconds;

    @Option(names = "--broker-port", defaultValue = "1883",
            description = "Port of the embedded broker on 127.0.0.1; a free one if taken (default: ${DEFAULT-VALUE}).")
    int brokerPort;

    @Option(names = "--work-dir", description = "Where the journal and broker data go (default: a new temporary directory).")
    Path workDir;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        Path dir = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("scangate-demo-");
        int port = portOrFree(brokerPort);
        DemoBroker broker = DemoBroker.start(dir, port);
        SimulatorOptions vm250 = SimulatorOptions.builder().lanes(lanes).seed(seed).acceleration(acceleration)
                .groundTruthFile(dir.resolve("ground-truth.jsonl")).build();
        String correlated = vm250.laneIds().get(0);
        Simulator simulator = Simulator.start(vm250.toBuilder().scheduledLanes(Set.of(correlated)).build());
        CorrelatedLane lane = CorrelatedLane.plan(correlated, acceleration, seed, dir);
        AspectModbusSlave aspect = new AspectModbusSlave(AspectModbusSlave.Options.defaults()
                .withAcceleration(acceleration).withScenario(ScenarioSettings.defaults(), seed, 0));
        N42LaneServer spectroscopic = N42LaneServer.start(N42LaneSettings.defaults().withSeed(seed)
                .withAcceleration(acceleration).withAlarmProbability(0.05));
        DemoConsole console = DemoConsole.subscribe(broker.uri(), out);
        LoadedConfig config = new ConfigLoader(DriverRegistry.fromClassPath())
                .parse(gatewayYaml(simulator, aspect, spectroscopic, broker, dir) + lane.gatewayYaml(dir));
        Gateway gateway = Gateway.start(config, Clock.systemUTC());
        LaneRun laneRun = lane.start(simulator);
        long readyMillis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();

        out.printf("%nscangate demo ready in %d ms (JVM start to gateway running)%n", readyMillis);
        out.printf("  broker   %s  (try: ./scangate tail --broker %s)%n", broker.uri(), broker.uri());
        out.printf("  lanes    %d simulated VM-250 lanes, an Aspect portal (Modbus TCP) and an N42 spectroscopic portal,"
                + " at %.0fx, seed %d%n", lanes, acceleration, seed);
        out.printf("  %s   %s%n", correlated, lane.describe());
        out.printf("  metrics  http://127.0.0.1:%d/metrics   health http://127.0.0.1:%d/health%n",
                gateway.opsPort(), gateway.opsPort());
        out.printf("  files    %s (journal, blobs, ground truth, vehicles.jsonl)%n%n", dir);

        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        // On Ctrl-C the JVM exits once its hooks return: hold it until the orderly stop below is done.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            awaitQuietly(stopped, 20);
        }, "scangate-demo-stop"));
        if (durationSeconds == null) {
            stop.await();
        } else {
            stop.await(durationSeconds, TimeUnit.SECONDS);
        }
        laneRun.close();
        gateway.close();
        out.printf("%ndemo summary: simulator wrote %d occupancies; %s lane run: %d vehicles, %s; console received %s%n",
                simulator.completedOccupancies(), correlated, laneRun.vehicles().size(), laneRun.counts(),
                console.summary());
        console.close();
        simulator.close();
        aspect.close();
        spectroscopic.close();
        broker.close();
        stopped.countDown();
        return 0;
    }

    private static void awaitQuietly(CountDownLatch latch, long seconds) {
        try {
            latch.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String gatewayYaml(Simulator simulator, AspectModbusSlave aspect, N42LaneServer spectroscopic,
                               DemoBroker broker, Path dir) {
        StringBuilder yaml = new StringBuilder()
                .append("site: demo-port\n")
                .append("gatewayId: gw-demo\n")
                .append("journal: {directory: '").append(dir.resolve("journal")).append("', maxBytes: 256MiB, segmentBytes: 16MiB, maxRecordBytes: 1MiB}\n")
                .append("mqtt: {serverUri: '").append(broker.uri()).append("'}\n")
                .append("ops: {httpBind: 127.0.0.1, httpPort: 0}\n")
                .append("devices:\n");
        for (String lane : simulator.laneIds()) {
            yaml.append("  - id: ").append(lane).append("-rpm\n")
                    .append("    driver: vm250\n")
                    .append("    lane: ").append(lane).append('\n')
                    .append("    vendor: Simulated\n")
                    .append("    model: VM-250\n")
                    .append("    transport: {kind: tcp-client, host: 127.0.0.1, port: ").append(simulator.port(lane)).append("}\n");
        }
        // Polled faster than a real site would, so that accelerated passages are not missed between polls.
        yaml.append("  - {id: aspect-rpm, driver: aspect-modbus, lane: lane-m, vendor: Simulated, model: Aspect,\n")
                .append("     transport: {kind: tcp-client, host: 127.0.0.1, port: ").append(aspect.port()).append("},\n")
                .append("     params: {pollOccupied: 50ms, pollIdle: 250ms}}\n")
                .append("  - {id: spectro-1, driver: n42, lane: lane-s, vendor: Simulated, model: N42 portal,\n")
                .append("     transport: {kind: tcp-client, host: 127.0.0.1, port: ").append(spectroscopic.port())
                .append(", idleTimeout: 5m}}\n");
        return yaml.toString();
    }

    static int portOrFree(int wanted) throws IOException {
        try (ServerSocket probe = new ServerSocket(wanted, 1, java.net.InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException taken) {
            try (ServerSocket any = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                return any.getLocalPort();
            }
        }
    }
}
