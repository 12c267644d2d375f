package io.scangate.gateway.publish;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.atomic.AtomicInteger;

/** The publisher's meters, registered once per publisher. */
final class PublishMetrics {

    final Counter sent;
    final Counter acked;
    final Counter failed;
    final Counter deadLettered;
    final Counter backPressure;
    final Counter reconnects;
    final Timer latency;
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger connected = new AtomicInteger();
    final AtomicInteger window = new AtomicInteger();

    PublishMetrics(MeterRegistry registry) {
        sent = Counter.builder("scangate.publish.sent")
                .description("Envelopes handed to the MQTT client (retries included)").register(registry);
        acked = Counter.builder("scangate.publish.acked")
                .description("Envelopes acknowledged by the broker (PUBACK) and confirmed in the journal")
                .register(registry);
        failed = Counter.builder("scangate.publish.failed")
                .description("Publishes that failed and were released back to the journal for a retry")
                .register(registry);
        deadLettered = Counter.builder("scangate.publish.deadlettered")
                .description("Journal entries that can never be published (not a valid envelope, too large)")
                .register(registry);
        backPressure = Counter.builder("scangate.publish.backpressure")
                .description("Publishes deferred because the MQTT client had no free slot (Paho 32202)")
                .register(registry);
        reconnects = Counter.builder("scangate.mqtt.reconnects")
                .description("Connection attempts after the first").register(registry);
        latency = Timer.builder("scangate.publish.latency")
                .description("From the gateway receiving a result to the broker acknowledging it")
                .register(registry);
        Gauge.builder("scangate.publish.inflight", inFlight, AtomicInteger::get)
                .description("Publishes awaiting a PUBACK").register(registry);
        Gauge.builder("scangate.publish.window", window, AtomicInteger::get)
                .description("In-flight limit: min(maxInFlight, broker Receive Maximum)").register(registry);
        Gauge.builder("scangate.mqtt.connected", connected, AtomicInteger::get)
                .description("1 while the broker connection is up").register(registry);
    }
}
