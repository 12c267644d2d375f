package io.scangate.bench;

import com.google.protobuf.InvalidProtocolBufferException;
import io.scangate.proto.v1.Envelope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * The back-end of the benchmark: a QoS 1 Paho subscriber that counts deliveries per topic family and,
 * for scangate envelopes, records the latency from the envelope's gateway receive time to arrival here.
 * It keeps no message, so it stays cheap at tens of thousands of messages per second.
 */
final class BenchSubscriber implements AutoCloseable {

    static final String RAW_TOPIC = "bench/raw";
    /** Also how the CPU budget finds this client's threads: Paho names them after it. */
    static final String CLIENT_ID = "bench-back-end";
    private static final int MAX_KEPT_OCCUPANCIES = 2_000;

    private final MqttAsyncClient client;
    private final AtomicLong raw = new AtomicLong();
    private final AtomicLong envelopes = new AtomicLong();
    private final AtomicReference<Recording> recording = new AtomicReference<>();

    /** Latencies and sizes collected between {@link #record()} and {@link #stop()}. */
    static final class Recording {
        final LongSamples allLatencyMicros = new LongSamples();
        final LongSamples occupancyLatencyMicros = new LongSamples();
        final LongSamples payloadBytes = new LongSamples();
        private final List<byte[]> occupancies = new ArrayList<>();
        private volatile byte[] telemetry;

        /** A delivered occupancy envelope of median size, or null when none arrived. */
        synchronized byte[] typicalOccupancy() {
            if (occupancies.isEmpty()) {
                return null;
            }
            List<byte[]> bySize = new ArrayList<>(occupancies);
            bySize.sort(Comparator.comparingInt(payload -> payload.length));
            return bySize.get(bySize.size() / 2);
        }

        /** The last background measurement delivered, the most frequent message of a lane; or null. */
        byte[] typicalTelemetry() {
            return telemetry;
        }

        private synchronized void keepOccupancy(byte[] payload) {
            if (occupancies.size() < MAX_KEPT_OCCUPANCIES) {
                occupancies.add(payload);
            }
        }
    }

    private BenchSubscriber(MqttAsyncClient client) {
        this.client = client;
    }

    static BenchSubscriber connect(String serverUri) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(serverUri, CLIENT_ID, new MemoryPersistence());
        BenchSubscriber subscriber = new BenchSubscriber(client);
        client.setCallback(subscriber.new Counter());
        subscriber.startSession();
        return subscriber;
    }

    /**
     * Drops what the broker still queues for this subscriber (a clean start discards the session), so that
     * the backlog of one phase does not load the broker during the next.
     */
    void discardBacklog() throws MqttException {
        client.disconnect().waitForCompletion(10_000);
        startSession();
    }

    private void startSession() throws MqttException {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setReceiveMaximum(65_535);
        client.connect(options).waitForCompletion(10_000);
        client.subscribe(new MqttSubscription[] {new MqttSubscription("scangate/#", 1),
            new MqttSubscription(RAW_TOPIC, 1)}).waitForCompletion(10_000);
    }

    long rawCount() {
        return raw.get();
    }

    long envelopeCount() {
        return envelopes.get();
    }

    /** Starts collecting latencies and sizes of envelopes. */
    Recording record() {
        Recording fresh = new Recording();
        recording.set(fresh);
        return fresh;
    }

    void stop() {
        recording.set(null);
    }

    @Override
    public void close() throws MqttException {
        client.disconnect().waitForCompletion(5_000);
        client.close();
    }

    private void onEnvelope(byte[] payload, Instant arrived) {
        envelopes.incrementAndGet();
        Recording current = recording.get();
        if (current == null) {
            return;
        }
        Envelope envelope;
        try {
            envelope = Envelope.parseFrom(payload);
        } catch (InvalidProtocolBufferException e) {
            return;
        }
        if (!envelope.hasReceiveTime() || "GATEWAY".equals(envelope.getDevice().getFamily())) {
            return;
        }
        long micros = (arrived.getEpochSecond() - envelope.getReceiveTime().getSeconds()) * 1_000_000L
                + (arrived.getNano() - envelope.getReceiveTime().getNanos()) / 1_000L;
        current.allLatencyMicros.add(micros);
        current.payloadBytes.add(payload.length);
        if (envelope.hasRadiationScan()) {
            current.occupancyLatencyMicros.add(micros);
            current.keepOccupancy(payload);
        } else if (envelope.hasRadiationMeasurement()) {
            current.telemetry = payload;
        }
    }

    private final class Counter implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            if (topic.equals(RAW_TOPIC)) {
                raw.incrementAndGet();
            } else {
                onEnvelope(message.getPayload(), Instant.now());
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            System.err.println("bench subscriber disconnected: " + response);
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            System.err.println("bench subscriber error: " + exception);
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // Publishes nothing.
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            // Connected once; a benchmark that loses its subscriber is void anyway.
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // No enhanced authentication.
        }
    }
}
