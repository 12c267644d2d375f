package io.scangate.launcher;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;

/**
 * The demo's MQTT 5 broker: HiveMQ CE embedded, bound to loopback only, in-memory, with its usage
 * statistics off (the port edge has no internet, and a demo must not phone home).
 */
final class DemoBroker implements AutoCloseable {

    private final EmbeddedHiveMQ hivemq;
    private final int port;

    private DemoBroker(EmbeddedHiveMQ hivemq, int port) {
        this.hivemq = hivemq;
        this.port = port;
    }

    static DemoBroker start(Path workDir, int port) throws IOException, ExecutionException, InterruptedException {
        Path conf = Files.createDirectories(workDir.resolve("broker/conf"));
        Path data = Files.createDirectories(workDir.resolve("broker/data"));
        Path extensions = Files.createDirectories(workDir.resolve("broker/extensions"));
        Files.writeString(conf.resolve("config.xml"), """
                <?xml version="1.0"?>
                <hivemq>
                  <listeners>
                    <tcp-listener>
                      <port>%d</port>
                      <bind-address>127.0.0.1</bind-address>
                    </tcp-listener>
                  </listeners>
                  <persistence><mode>in-memory</mode></persistence>
                  <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                </hivemq>
                """.formatted(port));
        EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(conf)
                .withDataFolder(data)
                .withExtensionsFolder(extensions)
                .withoutLoggingBootstrap()
                .build();
        hivemq.start().get();
        return new DemoBroker(hivemq, port);
    }

    String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() throws ExecutionException, InterruptedException {
        hivemq.close();
    }
}
