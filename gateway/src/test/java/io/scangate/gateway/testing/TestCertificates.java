package io.scangate.gateway.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away PKI made with the real {@code openssl} command: a CA, a server certificate for 127.0.0.1
 * and a client certificate, all PEM, keys unencrypted PKCS#8 (server RSA, client EC).
 */
public record TestCertificates(Path caFile, Path serverCert, Path serverKey, Path clientCert, Path clientKey) {

    public static final String INSTALL_HINT = "install openssl (apt-get install openssl) or run ./run-tests";

    /** Generates the files into {@code directory}. */
    public static TestCertificates generate(Path directory) {
        try {
            Path san = directory.resolve("san.ext");
            Files.writeString(san, "subjectAltName=IP:127.0.0.1\n", StandardCharsets.US_ASCII);
            run(directory, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
                    "-days", "2", "-subj", "/CN=scangate-test-ca");
            run(directory, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr",
                    "-subj", "/CN=127.0.0.1");
            run(directory, "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                    "-CAcreateserial", "-out", "server.pem", "-days", "2", "-extfile", "san.ext");
            run(directory, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
                    "client.key", "-out", "client.csr", "-subj", "/CN=gw-test");
            run(directory, "x509", "-req", "-in", "client.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                    "-CAcreateserial", "-out", "client.pem", "-days", "2");
            return new TestCertificates(directory.resolve("ca.pem"), directory.resolve("server.pem"),
                    directory.resolve("server.key"), directory.resolve("client.pem"), directory.resolve("client.key"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run openssl: " + e.getMessage() + "; " + INSTALL_HINT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating certificates", e);
        }
    }

    private static void run(Path directory, String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("openssl " + String.join(" ", arguments) + " failed:\n" + output);
        }
    }
}
