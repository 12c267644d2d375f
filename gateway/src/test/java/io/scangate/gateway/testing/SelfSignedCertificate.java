package io.scangate.gateway.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for 127.0.0.1 made by the JDK's {@code keytool}, as an operator would make one:
 * as a PKCS#12 key store with its password in a file, and the same key and certificate as PEM files.
 */
public final class SelfSignedCertificate {

    public static final String PASSWORD = "changeit-ocr";

    private final Path keyStore;
    private final Path passwordFile;
    private final Path certPem;
    private final Path keyPem;

    private SelfSignedCertificate(Path keyStore, Path passwordFile, Path certPem, Path keyPem) {
        this.keyStore = keyStore;
        this.passwordFile = passwordFile;
        this.certPem = certPem;
        this.keyPem = keyPem;
    }

    public static SelfSignedCertificate create(Path dir) throws IOException, InterruptedException, GeneralSecurityException {
        Path keyStore = dir.resolve("gateway.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "gateway",
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(keytool + " failed (it ships with every JDK; use a full JDK 17+, not a JRE): " + output);
        }
        Path passwordFile = Files.writeString(dir.resolve("gateway.p12.password"), PASSWORD + "\n");
        KeyStore store = load(keyStore);
        Path certPem = Files.writeString(dir.resolve("gateway.crt"), pem("CERTIFICATE", store.getCertificate("gateway").getEncoded()));
        PrivateKey key = (PrivateKey) store.getKey("gateway", PASSWORD.toCharArray());
        Path keyPem = Files.writeString(dir.resolve("gateway.key"), pem("PRIVATE KEY", key.getEncoded()));
        return new SelfSignedCertificate(keyStore, passwordFile, certPem, keyPem);
    }

    public Path keyStore() {
        return keyStore;
    }

    public Path passwordFile() {
        return passwordFile;
    }

    public Path certPem() {
        return certPem;
    }

    public Path keyPem() {
        return keyPem;
    }

    /** A client context that trusts exactly this certificate. */
    public SSLContext clientContext() throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("gateway", load(keyStore).getCertificate("gateway"));
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers.getTrustManagers(), null);
        return context;
    }

    private static KeyStore load(Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
