package io.scangate.bench;

import com.google.protobuf.InvalidProtocolBufferException;
import io.scangate.gateway.publish.MessageFactory;
import io.scangate.gateway.testing.MosquittoBroker;
import io.scangate.proto.v1.Envelope;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * The ceiling: a bare Paho MQTT 5 client publishing one pre-encoded payload over and over at QoS 1, with
 * as many publishes in flight as the broker's Receive Maximum allows, and the same MQTT 5 properties the
 * gateway sets. No journal, no parsing, no protobuf encoding.
 */
final class RawCeiling {

    /** What one run measured. */
    record Result(int window, int payloadBytes, double ackedPerSecond, double deliveredPerSecond,
                  CpuBudget cpu, double publisherMicrosPerMessage) {
    }

    private static final String CLIENT_ID = "bench-raw-publisher";

    private RawCeiling() {
    }

    static Result run(MosquittoBroker broker, BenchSubscriber subscriber, byte[] payload, Duration warmUp, Duration measure)
            throws MqttException, InterruptedException, InvalidProtocolBufferException {
        MqttAsyncClient client = new MqttAsyncClient(broker.uri(), CLIENT_ID, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        IMqttToken connected = client.connect(options);
        connected.waitForCompletion(10_000);
        Integer receiveMaximum = connected.getResponseProperties() == null ? null
                : connected.getResponseProperties().getReceiveMaximum();
        int window = receiveMaximum == null ? 65_535 : receiveMaximum;
        Envelope envelope = Envelope.parseFrom(payload);
        MqttMessage message = new MqttMessage(payload, MessageFactory.QOS, false, MessageFactory.properties(envelope));
        Semaphore slots = new Semaphore(window);
        AtomicLong acked = new AtomicLong();
        MqttActionListener onAck = new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                acked.incrementAndGet();
                slots.release();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable cause) {
                slots.release();
            }
        };
        long warmUpEnds = System.nanoTime() + warmUp.toNanos();
        long measureEnds = warmUpEnds + measure.toNanos();
        long ackedAtStart = -1;
        long deliveredAtStart = -1;
        CpuBudget.Meter cpu = null;
        long publisherCpuAtStart = 0;
        while (System.nanoTime() < measureEnds) {
            if (ackedAtStart < 0 && System.nanoTime() >= warmUpEnds) {
                ackedAtStart = acked.get();
                deliveredAtStart = subscriber.rawCount();
                cpu = CpuBudget.start(null, broker);
                publisherCpuAtStart = publisherCpuNanos();
            }
            if (!slots.tryAcquire(10, TimeUnit.MILLISECONDS)) {
                continue;
            }
            try {
                client.publish(BenchSubscriber.RAW_TOPIC, message, null, onAck);
            } catch (MqttException e) {
                slots.release();
                if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                    throw e;
                }
                Thread.onSpinWait();
            }
        }
        double seconds = measure.toNanos() / 1e9;
        long ackedInWindow = acked.get() - ackedAtStart;
        double publisherMicros = (publisherCpuNanos() - publisherCpuAtStart) / 1e3 / Math.max(1, ackedInWindow);
        Result result = new Result(window, payload.length, ackedInWindow / seconds,
                (subscriber.rawCount() - deliveredAtStart) / seconds, cpu.stop(ackedInWindow), publisherMicros);
        client.disconnect().waitForCompletion(10_000);
        client.close();
        return result;
    }

    /**
     * CPU of the bare publisher alone, without the subscriber that shares this JVM: the publishing thread
     * (this one) plus Paho's threads for this client.
     */
    private static long publisherCpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() + CpuBudget.threadsCpuNanos(CLIENT_ID);
    }
}
