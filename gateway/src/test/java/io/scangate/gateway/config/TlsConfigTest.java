package io.scangate.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scangate.gateway.host.DriverRegistry;
import io.scangate.gateway.testing.SelfSignedCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS on a tcp-server transport: files made by keytool load at start-up; wrong ones stop it with the reason. */
class TlsConfigTest {

    private final ConfigLoader loader = new ConfigLoader(DriverRegistry.fromClassPath());

    @Test
    void aPkcs12KeyStoreAndPemFilesBothLoad(@TempDir Path dir) throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir);
        LoadedConfig pkcs12 = loader.parse(yaml("{keyStoreFile: '" + cert.keyStore() + "', keyStorePasswordFile: '"
                + cert.passwordFile() + "'}"));
        assertThat(pkcs12.devices().get(0).config().transport().tls().serverContext().isServer()).isTrue();
        LoadedConfig pem = loader.parse(yaml("{certFile: '" + cert.certPem() + "', keyFile: '" + cert.keyPem() + "'}"));
        assertThat(pem.devices().get(0).config().transport().tls().serverContext().isServer()).isTrue();
    }

    @Test
    void aWrongPasswordOrAMissingFileIsNamedAtStartUp(@TempDir Path dir) throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir);
        Path wrong = Files.writeString(dir.resolve("wrong"), "not-the-password");
        assertThatThrownBy(() -> loader.parse(yaml("{keyStoreFile: '" + cert.keyStore() + "', keyStorePasswordFile: '" + wrong + "'}")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).singleElement().asString()
                        .startsWith("devices[0].transport.tls: cannot load " + cert.keyStore()).contains("(check the paths"));
        assertThatThrownBy(() -> loader.parse(yaml("{certFile: '" + dir.resolve("none.crt") + "', keyFile: '" + cert.keyPem() + "'}")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).singleElement().asString()
                        .startsWith("devices[0].transport.tls: cannot load"));
        assertThatThrownBy(() -> loader.parse(yaml("{certFile: '" + cert.certPem() + "'}")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).singleElement().asString()
                        .startsWith("devices[0].transport.tls.keyFile: required with PEM"));
    }

    @Test
    void tlsIsOnlyForTcpServers() {
        String yaml = """
                site: s
                gatewayId: g
                devices:
                  - {id: rpm, driver: vm250, lane: l1, transport: {kind: tcp-client, host: h, port: 1600, tls: {certFile: a, keyFile: b}}}
                """;
        assertThatThrownBy(() -> loader.parse(yaml)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.problems()).contains("devices[0].transport.tls: only for kind: tcp-server (remove it)"));
    }

    private static String yaml(String tls) {
        return """
                site: s
                gatewayId: g
                devices:
                  - {id: ocr, driver: ocr, lane: l1, transport: {kind: tcp-server, port: 8443, tls: %s}}
                """.formatted(tls);
    }
}
