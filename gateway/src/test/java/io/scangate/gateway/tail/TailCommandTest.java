package io.scangate.gateway.tail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.util.JsonFormat;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scangate.gateway.journal.Lane;
import io.scangate.gateway.publish.MqttPublisher;
import io.scangate.gateway.publish.MqttSettings;
import io.scangate.gateway.testing.Envelopes;
import io.scangate.gateway.testing.MemoryJournal;
import io.scangate.gateway.testing.MosquittoBroker;
import io.scangate.proto.v1.Envelope;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TailCommandTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void printsOneDecodableJsonLinePerMessageAndSurvivesGarbage() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start(); MemoryJournal journal = new MemoryJournal()) {
            MqttPublisher publisher = new MqttPublisher(
                    MqttSettings.of(broker.uri(), Envelopes.SITE, Envelopes.GATEWAY), journal,
                    new SimpleMeterRegistry());
            publisher.start();
            await().atMost(PATIENCE).until(publisher::connected);

            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine tail = new CommandLine(new TailCommand())
                    .setOut(new PrintWriter(out, true))
                    .setErr(new PrintWriter(err, true));
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                    () -> tail.execute("--broker", broker.uri(), "--count", "5"));
            await().atMost(PATIENCE).until(() -> out.toString().contains("/gateway/gw-test/status"));

            List<Envelope> sent = List.of(Envelopes.radiationScan("lane1", "rpm-1", true),
                    Envelopes.measurement("lane2", "rpm-2"), Envelopes.conveyance("lane1", "ocr-1"));
            sent.forEach(envelope -> journal.add(Lane.RESULT, envelope.toByteArray()));
            await().atMost(PATIENCE).until(() -> journal.confirmedCount() == 3);
            byte[] garbage = "not protobuf \u00ff".getBytes(StandardCharsets.ISO_8859_1);
            MqttClient rogue = new MqttClient(broker.uri(), "rogue", new MemoryPersistence());
            rogue.connect();
            rogue.publish("scangate/v1/test-port/lane9/rogue/raw", garbage, 1, false);
            rogue.disconnect();
            rogue.close();

            assertThat(exit.get(PATIENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)).isZero();
            publisher.close();

            List<JsonNode> lines = new ArrayList<>();
            for (String line : out.toString().split("\n")) {
                lines.add(mapper.readTree(line));
            }
            assertThat(lines).hasSize(5);
            JsonNode birth = lines.get(0);
            assertThat(birth.get("retained").asBoolean()).isTrue();
            assertThat(birth.at("/message/deviceStatus/state").asText()).isEqualTo("DEVICE_STATE_UP");
            for (int i = 0; i < sent.size(); i++) {
                JsonNode line = lines.get(i + 1);
                assertThat(line.get("qos").asInt()).isEqualTo(1);
                assertThat(line.get("retained").asBoolean()).isFalse();
                assertThat(line.at("/properties/contentType").asText()).isEqualTo("application/x-protobuf");
                assertThat(line.at("/properties/userProperties/scangate-event-id").asText())
                        .isEqualTo(sent.get(i).getEventId());
                Envelope.Builder decoded = Envelope.newBuilder();
                JsonFormat.parser().merge(line.get("message").toString(), decoded);
                assertThat(decoded.build()).isEqualTo(sent.get(i));
            }
            JsonNode rejected = lines.get(4);
            assertThat(rejected.get("topic").asText()).isEqualTo("scangate/v1/test-port/lane9/rogue/raw");
            assertThat(rejected.get("error").asText()).startsWith("payload is not a scangate.v1.Envelope");
            assertThat(Base64.getDecoder().decode(rejected.get("payloadBase64").asText())).isEqualTo(garbage);
        }
    }

    @Test
    void sessionExpiryWithoutClientIdIsAUsageError() {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new TailCommand()).setErr(new PrintWriter(err, true))
                .execute("--session-expiry", "PT1H");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--session-expiry needs --client-id");
    }

    @Test
    void unreachableBrokerIsReportedNotThrown() {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new TailCommand()).setErr(new PrintWriter(err, true))
                .execute("--broker", "tcp://127.0.0.1:1", "--count", "1");
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("tail: cannot subscribe to scangate/v1/# at tcp://127.0.0.1:1");
    }
}
