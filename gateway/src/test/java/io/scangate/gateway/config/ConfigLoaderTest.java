package io.scangate.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scangate.gateway.host.DriverRegistry;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

    private final ConfigLoader loader = new ConfigLoader(DriverRegistry.fromClassPath());

    private static final String MINIMAL = """
            site: test-site
            gatewayId: gw-1
            devices:
              - id: lane1-rpm
                driver: vm250
                lane: lane1
                transport: {kind: tcp-client, host: 127.0.0.1, port: 1601}
            """;

    @Test
    void theCommentedExampleInTheRepositoryIsValid() throws Exception {
        Path example = Path.of(System.getProperty("scangate.repo.root", ".."), "config", "example.yaml");

        LoadedConfig loaded = loader.load(example);

        assertThat(loaded.gateway().site()).isEqualTo("rotterdam-maasvlakte");
        assertThat(loaded.devices()).extracting(d -> d.config().id()).containsExactly("lane1-rpm", "lane2-rpm");
        assertThat(loaded.devices().get(0).factory().type()).isEqualTo("vm250");
        assertThat(loaded.gateway().mqtt().sessionExpiry()).isEqualTo(Duration.ofDays(7));
        assertThat(loaded.gateway().journal().maxBytes().bytes()).isEqualTo(1L << 30);
    }

    @Test
    void defaultsFillEveryOptionalSection() throws Exception {
        LoadedConfig loaded = loader.parse(MINIMAL);

        GatewayConfig c = loaded.gateway();
        assertThat(c.journal().highWater()).isEqualTo(0.9);
        assertThat(c.mqtt().toSettings(c.site(), c.gatewayId()).maxInFlight()).isEqualTo(64);
        assertThat(c.journal().toSettings().maxBytes()).isEqualTo(1L << 30);
        assertThat(c.ops().httpPort()).isEqualTo(9100);
        assertThat(c.devices().get(0).transport().idleTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void anUnknownKeyIsNamedWithItsPathAndTheKnownKeys() {
        ConfigException e = problems(MINIMAL.replace("lane: lane1", "lane: lane1\n    colour: red"));

        assertThat(e.problems()).singleElement().asString()
                .startsWith("devices[0]: unknown key 'colour'")
                .contains("known keys: driver, family, id, lane");
    }

    @Test
    void aMalformedDurationNamesTheKeyAndTheAcceptedForms() {
        ConfigException e = problems(MINIMAL.replace("port: 1601}", "port: 1601, idleTimeout: soon}"));

        assertThat(e.problems()).singleElement().asString()
                .startsWith("devices[0].transport.idleTimeout:")
                .contains("10s");
    }

    @Test
    void everySemanticProblemIsListedAtOnceWithItsKey() {
        String yaml = """
                site: "bad site/with slash"
                devices:
                  - id: lane1-rpm
                    driver: vm250
                    lane: lane1
                    transport: {kind: tcp-client, port: 70000}
                  - id: lane1-rpm
                    driver: nosuchdriver
                    lane: lane2
                    transport: {kind: tcp-client, host: 10.0.0.2, port: 1600}
                journal: {highWater: 0.5, lowWater: 0.6}
                """;

        ConfigException e = problems(yaml);

        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("site: 'bad site/with slash' may use only"))
                .anySatisfy(p -> assertThat(p).startsWith("gatewayId: required"))
                .anySatisfy(p -> assertThat(p).startsWith("devices[0].transport.host: required"))
                .anySatisfy(p -> assertThat(p).startsWith("devices[0].transport.port: required for tcp-client, 1-65535"))
                .anySatisfy(p -> assertThat(p).startsWith("devices[1].id: 'lane1-rpm' is used by another device"))
                .anySatisfy(p -> assertThat(p).startsWith("devices[1].driver: unknown driver 'nosuchdriver' (installed: ")
                        .contains("vm250"))
                .anySatisfy(p -> assertThat(p).startsWith("journal.highWater/lowWater:"));
    }

    @Test
    void driverParamsAreBoundToTheDriversTypeAndValidatedByIt() {
        ConfigException e = problems(MINIMAL + "    params: {maxLineLength: 5}\n");

        assertThat(e.problems()).singleElement().asString().startsWith("devices[0].params.maxLineLength");
    }

    @Test
    void anUnknownDriverParamIsNamedUnderParams() {
        ConfigException e = problems(MINIMAL + "    params: {maxLineLenght: 300}\n");

        assertThat(e.problems()).singleElement().asString().startsWith("devices[0].params: unknown key 'maxLineLenght'");
    }

    @Test
    void anEmptyFileSaysWhereToStart() {
        assertThat(problems("").problems()).singleElement().asString().contains("config/example.yaml");
    }

    private ConfigException problems(String yaml) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.parse(yaml));
        assertThat(e).as("expected the config to be refused").isNotNull();
        return e;
    }

    @Test
    void aListeningDeviceNeedsAPortAndServerKeysStayOnServers() {
        String yaml = """
                site: s
                gatewayId: g
                blobs: {directory: var/blobs, maxBytes: 1KiB, chunkSize: 1KiB, retention: PT-1S}
                devices:
                  - {id: xray, driver: dicos, lane: l1, transport: {kind: tcp-server, maxConnections: 0}}
                  - {id: rpm, driver: vm250, lane: l2, transport: {kind: tcp-client, host: h, port: 1600, maxConnections: 4}}
                """;

        ConfigException e = problems(yaml);

        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("devices[0].transport.port: required for tcp-server"))
                .anySatisfy(p -> assertThat(p).startsWith("devices[0].transport.maxConnections: 0 is out of range"))
                .anySatisfy(p -> assertThat(p).startsWith("devices[1].transport.maxConnections: only for kind: tcp-server"))
                .anySatisfy(p -> assertThat(p).startsWith("blobs.maxBytes: 1024 is below"))
                .anySatisfy(p -> assertThat(p).startsWith("blobs.chunkSize: 1024 is outside 4096..16777216"))
                .anySatisfy(p -> assertThat(p).startsWith("blobs.retention: PT-1S is negative"));
    }

    @Test
    void aDriverThatCannotRunOverTheTransportIsRefused() {
        ConfigException e = problems(MINIMAL.replace("transport: {kind: tcp-client, host: 127.0.0.1, port: 1601}",
                "transport: {kind: tcp-server, port: 1601}"));

        assertThat(e.problems()).singleElement().asString()
                .startsWith("devices[0].transport.kind: driver 'vm250' cannot run over 'tcp-server'");
    }

    @Test
    void aDropDirectoryNeedsAPathAndKeepsItsKeysToItself() {
        String yaml = """
                site: s
                gatewayId: g
                devices:
                  - {id: export, driver: n42, lane: l1, transport: {kind: directory, pollInterval: 10ms, port: 1}}
                  - {id: rpm, driver: vm250, lane: l2, transport: {kind: tcp-client, host: h, port: 1600, path: /x}}
                """;

        ConfigException e = problems(yaml);

        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("devices[0].transport.path: required for directory"))
                .anySatisfy(p -> assertThat(p).startsWith("devices[0].transport.pollInterval: PT0.01S is too short"))
                .anySatisfy(p -> assertThat(p).startsWith("devices[0].transport: host and port are not for kind: directory"))
                .anySatisfy(p -> assertThat(p).startsWith("devices[1].transport: path, pollInterval and maxFileBytes are only for kind: directory"));
    }
}
