package io.scangate.launcher.serial;

import io.scangate.launcher.GatewayProcess;
import java.io.IOException;
import java.nio.file.Path;

/** The gateway as its own JVM ({@link GatewayProcess}) with one VM-250 on a serial port. */
final class SerialGateway implements AutoCloseable {

    static final String DEVICE = "lane-1-rpm";

    private final GatewayProcess process;

    private SerialGateway(GatewayProcess process) {
        this.process = process;
    }

    static SerialGateway start(Path workDir, Path serialPort, int baudRate, String brokerUri, String maxHeap)
            throws IOException {
        return new SerialGateway(GatewayProcess.start(workDir, String.join("\n",
                "site: test-port",
                "gatewayId: gw-serial",
                "journal: {directory: '" + workDir.resolve("journal") + "', maxBytes: 64MiB, segmentBytes: 4MiB, maxRecordBytes: 1MiB}",
                "mqtt: {serverUri: '" + brokerUri + "', reconnectMin: 200ms, reconnectMax: 2s}",
                "devices:",
                "  - id: " + DEVICE,
                "    driver: vm250",
                "    lane: lane-1",
                "    transport: {kind: serial, port: '" + serialPort + "', baudRate: " + baudRate
                        + ", reconnectMin: 100ms, reconnectMax: 1s}",
                ""), maxHeap));
    }

    /** The device's state in /health: UP, DOWN, ... */
    boolean deviceIs(String state) {
        String health = process.health();
        return health != null && health.contains("\"" + DEVICE + "\":\"" + state + "\"");
    }

    double metric(String nameAndLabelsPrefix) {
        return process.metric(nameAndLabelsPrefix);
    }

    boolean alive() {
        return process.alive();
    }

    String logText() {
        return process.logText();
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
