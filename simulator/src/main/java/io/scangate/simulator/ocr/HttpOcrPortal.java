package io.scangate.simulator.ocr;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * POSTs reads to the gateway's webhook with the JDK's HTTP client, as a portal does: a 503 is retried after
 * its Retry-After (capped), a lost connection after one second; any other answer is final.
 */
public final class HttpOcrPortal implements OcrPortal {

    private final HttpClient http;
    private final URI webhook;
    private final String bearerToken;
    private final int maxAttempts;
    private final Duration maxRetryDelay;

    /**
     * @param bearerToken null for none
     * @param tls for an https webhook whose certificate the JDK's default trust store does not know; null = default
     */
    public HttpOcrPortal(URI webhook, String bearerToken, int maxAttempts, Duration maxRetryDelay, SSLContext tls) {
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1);
        if (tls != null) {
            client.sslContext(tls);
        }
        this.http = client.build();
        this.webhook = webhook;
        this.bearerToken = bearerToken;
        this.maxAttempts = maxAttempts;
        this.maxRetryDelay = maxRetryDelay;
    }

    public HttpOcrPortal(URI webhook, String bearerToken, int maxAttempts, Duration maxRetryDelay) {
        this(webhook, bearerToken, maxAttempts, maxRetryDelay, null);
    }

    public HttpOcrPortal(URI webhook) {
        this(webhook, null, 5, Duration.ofSeconds(5));
    }

    @Override
    public Delivery send(PortalRead read) throws IOException, InterruptedException {
        return sendRaw(ReadEncoders.json(read));
    }

    @Override
    public Delivery sendRaw(String body) throws IOException, InterruptedException {
        IOException lastFailure = null;
        int status = 0;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            if (bearerToken != null) {
                request.header("Authorization", "Bearer " + bearerToken);
            }
            Duration wait;
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                if (status != 503) {
                    return new Delivery(status, attempt);
                }
                wait = response.headers().firstValue("Retry-After").map(HttpOcrPortal::seconds).orElse(Duration.ofSeconds(1));
            } catch (IOException e) {
                lastFailure = e;
                wait = Duration.ofSeconds(1);
            }
            if (attempt < maxAttempts) {
                Thread.sleep(Math.min(wait.toMillis(), maxRetryDelay.toMillis()));
            }
        }
        if (status == 0 && lastFailure != null) {
            throw lastFailure;
        }
        return new Delivery(status, maxAttempts);
    }

    private static Duration seconds(String header) {
        try {
            return Duration.ofSeconds(Long.parseLong(header.strip()));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }

    @Override
    public void close() {
        // HttpClient of Java 17 has no close; its connections end with the client
    }
}
