package io.scangate.gateway.publish;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/** Builds the TLS socket factory from PEM files, the form brokers and PKI tooling hand out. */
final class TlsSocketFactories {

    private static final char[] IN_MEMORY_STORE_PASSWORD = new char[0];

    private TlsSocketFactories() {
    }

    static SSLSocketFactory fromPem(Path caFile, Path certFile, Path keyFile) throws IOException {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (caFile == null) {
                trust.init((KeyStore) null);
            } else {
                KeyStore trusted = emptyStore();
                int index = 0;
                for (Certificate ca : certificates(caFile)) {
                    trusted.setCertificateEntry("ca-" + index++, ca);
                }
                trust.init(trusted);
            }
            KeyManagerFactory keys = null;
            if (certFile != null && keyFile != null) {
                KeyStore identity = emptyStore();
                identity.setKeyEntry("client", privateKey(keyFile), IN_MEMORY_STORE_PASSWORD,
                        certificates(certFile).toArray(Certificate[]::new));
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(identity, IN_MEMORY_STORE_PASSWORD);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot build TLS context from ca=" + caFile + " cert=" + certFile + " key="
                    + keyFile + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, IN_MEMORY_STORE_PASSWORD);
        return store;
    }

    private static Collection<? extends Certificate> certificates(Path pem)
            throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> certificates =
                    CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new GeneralSecurityException(pem + " holds no certificate");
            }
            return certificates;
        }
    }

    private static PrivateKey privateKey(Path pem) throws IOException, GeneralSecurityException {
        String text = Files.readString(pem, StandardCharsets.US_ASCII);
        String begin = "-----BEGIN PRIVATE KEY-----";
        int start = text.indexOf(begin);
        int end = text.indexOf("-----END PRIVATE KEY-----");
        if (start < 0 || end < start) {
            throw new GeneralSecurityException(pem + " is not an unencrypted PKCS#8 PEM key (convert it with "
                    + "`openssl pkcs8 -topk8 -nocrypt -in key.pem -out key.pk8.pem`)");
        }
        byte[] der = Base64.getMimeDecoder().decode(text.substring(start + begin.length(), end));
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        GeneralSecurityException last = null;
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw new GeneralSecurityException(pem + ": unsupported key algorithm (use RSA, EC or Ed25519)", last);
    }
}
