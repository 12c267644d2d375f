package io.scangate.gateway.config;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;

/**
 * {@code devices[].transport.tls:} TLS on a {@code tcp-server} transport (e.g. an HTTPS webhook). Give either
 * PEM files ({@code certFile} with the chain, {@code keyFile} an unencrypted PKCS#8 key) or a PKCS#12 key store
 * ({@code keyStoreFile}, with its password in {@code keyStorePasswordFile}). The files are loaded at start-up,
 * so that a wrong path or password stops the gateway with the reason instead of failing every handshake.
 */
public record TlsConfig(String certFile, String keyFile, String keyStoreFile, String keyStorePasswordFile) {

    /** Every problem, each as {@code key.sub: problem (fix)}; empty when the files load. */
    public List<String> problems(String key) {
        List<String> p = new ArrayList<>();
        boolean pem = certFile != null || keyFile != null;
        boolean pkcs12 = keyStoreFile != null || keyStorePasswordFile != null;
        if (pem == pkcs12) {
            p.add(key + ": give certFile and keyFile (PEM) or keyStoreFile and keyStorePasswordFile (PKCS#12), not both");
            return p;
        }
        if (pem && (certFile == null || keyFile == null)) {
            p.add(key + (certFile == null ? ".certFile" : ".keyFile") + ": required with PEM (the certificate chain and its PKCS#8 key)");
            return p;
        }
        if (pkcs12 && (keyStoreFile == null || keyStorePasswordFile == null)) {
            p.add(key + (keyStoreFile == null ? ".keyStoreFile" : ".keyStorePasswordFile")
                    + ": required with PKCS#12 (the key store and a file holding its password)");
            return p;
        }
        try {
            serverContext();
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            p.add(key + ": cannot load " + (pem ? certFile + " / " + keyFile : keyStoreFile) + ": " + e.getMessage()
                    + " (check the paths, the password and that the key matches the certificate)");
        }
        return p;
    }

    /** The server side TLS context; the configuration was checked, so the files loaded once already. */
    public SslContext serverContext() throws IOException, GeneralSecurityException {
        if (keyStoreFile == null) {
            return SslContextBuilder.forServer(Path.of(certFile).toFile(), Path.of(keyFile).toFile()).build();
        }
        char[] password = Files.readString(Path.of(keyStorePasswordFile)).strip().toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(keyStoreFile))) {
            store.load(in, password);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        return SslContextBuilder.forServer(keys).build();
    }
}
