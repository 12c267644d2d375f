package io.scangate.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.scangate.proto.v1.DeviceState;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gateway's own meters, named once here so that dashboards and docs have one list
 * (README "Metrics"). Prometheus names: dots become underscores, counters end in {@code _total}.
 */
public final class GatewayMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    // Per-event meters, found by two lookups on strings whose hash is cached instead of a joined key per call.
    private final Map<String, Counter> frames = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Counter>> emitted = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Counter>> journalled = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> deviceStates = new ConcurrentHashMap<>();

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public MeterRegistry registry() {
        return registry;
    }

    public void frameReceived(String device) {
        Counter counter = frames.get(device);
        (counter != null ? counter
                : frames.computeIfAbsent(device, d -> counter("scangate.device.frames", "device", d))).increment();
    }

    public void decodeError(String device, String reason) {
        counter("scangate.device.decode.errors", "device", device, "reason", reason).increment();
    }

    public void reconnect(String device) {
        counter("scangate.device.reconnects", "device", device).increment();
    }

    public void eventEmitted(String device, String kind) {
        byKind(emitted, "scangate.events.emitted", device, kind).increment();
    }

    public void eventJournalled(String device, String kind) {
        byKind(journalled, "scangate.events.journalled", device, kind).increment();
    }

    /** The journal refused a single-attempt append; the driver refuses the result to the device. */
    public void appendRefused(String device, String reason) {
        counter("scangate.events.append.refused", "device", device, "reason", reason).increment();
    }

    /** The journal refused an append (full, disk error); the outbox keeps the event and retries it. */
    public void appendRetried(String device, String reason) {
        counter("scangate.events.append.retried", "device", device, "reason", reason).increment();
    }

    /** The device's state as a number (the DeviceState enum value: 1 UP, 2 DOWN, 3 FAULT, 4 TAMPER, 5 PAUSED). */
    public void deviceState(String device, DeviceState state) {
        deviceStates.computeIfAbsent(device, d -> {
            AtomicInteger holder = new AtomicInteger();
            Gauge.builder("scangate.device.state", holder, AtomicInteger::get)
                    .description("1 UP, 2 DOWN, 3 FAULT, 4 TAMPER, 5 PAUSED")
                    .tags("device", d)
                    .register(registry);
            return holder;
        }).set(state.getNumber());
    }

    private Counter byKind(Map<String, Map<String, Counter>> table, String name, String device, String kind) {
        Map<String, Counter> kinds = table.computeIfAbsent(device, d -> new ConcurrentHashMap<>());
        Counter counter = kinds.get(kind);
        return counter != null ? counter
                : kinds.computeIfAbsent(kind, k -> counter(name, "device", device, "kind", k));
    }

    private Counter counter(String name, String... tags) {
        String key = name + String.join("|", tags);
        return counters.computeIfAbsent(key, k -> Counter.builder(name).tags(Tags.of(tags)).register(registry));
    }
}
