package io.scangate.simulator.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.scangate.simulator.vehicle.Vehicle;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The portal's HTTP side against the JDK's own HTTP server on 127.0.0.1. */
class HttpOcrPortalTest {

    private final HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> tokens = new CopyOnWriteArrayList<>();
    private final AtomicInteger busyAnswers = new AtomicInteger();

    HttpOcrPortalTest() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ocr/reads", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            tokens.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            int status = busyAnswers.getAndDecrement() > 0 ? 503 : 200;
            if (status == 503) {
                exchange.getResponseHeaders().set("Retry-After", "1");
            }
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void a503IsRetriedAfterItsRetryAfterAndTheSameBodyIsSentAgain() throws Exception {
        busyAnswers.set(2);
        PortalRead read = new OcrReadGenerator(OcrFaults.none(), 1)
                .read(new Vehicle("BX482KL", "NL", List.of("CSQU3054383")), "lane-1", Instant.parse("2026-11-26T08:00:00Z"))
                .read().orElseThrow();
        try (HttpOcrPortal portal = new HttpOcrPortal(webhook(), "t0ken", 5, Duration.ofMillis(50))) {
            OcrPortal.Delivery delivery = portal.send(read);
            assertThat(delivery.status()).isEqualTo(200);
            assertThat(delivery.attempts()).isEqualTo(3);
            assertThat(delivery.stored()).isTrue();
        }
        assertThat(bodies).hasSize(3).containsOnly(ReadEncoders.json(read));
        assertThat(tokens).containsOnly("Bearer t0ken");
    }

    @Test
    void aPortalThatStaysBusyGivesUpAfterItsAttempts() throws Exception {
        busyAnswers.set(100);
        try (HttpOcrPortal portal = new HttpOcrPortal(webhook(), null, 2, Duration.ofMillis(10))) {
            OcrPortal.Delivery delivery = portal.sendRaw("{}");
            assertThat(delivery).isEqualTo(new OcrPortal.Delivery(503, 2));
            assertThat(delivery.stored()).isFalse();
        }
    }

    private URI webhook() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ocr/reads");
    }
}
