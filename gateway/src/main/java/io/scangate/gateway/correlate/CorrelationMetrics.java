package io.scangate.gateway.correlate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Per lane: inspections published complete or incomplete, amendments, evictions, open vehicles, ignored parts. */
final class CorrelationMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();

    CorrelationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void published(String lane, boolean amendment, boolean complete) {
        if (amendment) {
            counter("scangate.inspections.amended", "lane", lane).increment();
        } else {
            counter("scangate.inspections", "lane", lane, "outcome", complete ? "complete" : "incomplete").increment();
        }
    }

    void evicted(String lane) {
        counter("scangate.correlation.evicted", "lane", lane).increment();
    }

    /** A part of a kind the lane does not expect: published on its own, not joined. */
    void ignored(String lane, String kind) {
        counter("scangate.correlation.ignored", "lane", lane, "kind", kind).increment();
    }

    void open(String lane, int count) {
        open.computeIfAbsent(lane, l -> {
            AtomicInteger holder = new AtomicInteger();
            Gauge.builder("scangate.correlation.open", holder, AtomicInteger::get).tags("lane", l).register(registry);
            return holder;
        }).set(count);
    }

    double count(String name, String... tags) {
        Counter c = registry.find(name).tags(tags).counter();
        return c == null ? 0 : c.count();
    }

    private Counter counter(String name, String... tags) {
        return counters.computeIfAbsent(name + String.join("|", tags),
                k -> Counter.builder(name).tags(tags).register(registry));
    }
}
