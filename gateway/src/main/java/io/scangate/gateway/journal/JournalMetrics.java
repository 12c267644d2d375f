package io.scangate.gateway.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The journal's meters, all under {@code scangate.journal.*}; a private registry when none is given. */
final class JournalMetrics {

    private final MeterRegistry registry;
    private final List<Meter> gauges = new ArrayList<>();
    final Counter appends;
    final Counter confirms;
    final Counter releases;
    final Counter deadLetters;
    final Counter ignoredSettlements;
    final Counter tornTails;
    final Counter tornBytes;
    final Counter segmentsDeleted;
    final Counter corruptReads;
    final Timer commit;
    final DistributionSummary commitRecords;

    JournalMetrics(MeterRegistry given) {
        registry = given == null ? new SimpleMeterRegistry() : given;
        appends = Counter.builder("scangate.journal.appends").description("durable appends")
                .register(registry);
        confirms = Counter.builder("scangate.journal.confirms").register(registry);
        releases = Counter.builder("scangate.journal.releases").register(registry);
        deadLetters = Counter.builder("scangate.journal.dead.letters").register(registry);
        ignoredSettlements = Counter.builder("scangate.journal.settlements.ignored")
                .description("confirm/release/deadLetter for ids neither in flight nor released").register(registry);
        tornTails = Counter.builder("scangate.journal.torn.tails").description("torn or corrupt tails cut at open")
                .register(registry);
        tornBytes = Counter.builder("scangate.journal.torn.bytes").baseUnit("bytes").register(registry);
        segmentsDeleted = Counter.builder("scangate.journal.segments.deleted").register(registry);
        corruptReads = Counter.builder("scangate.journal.read.corrupt")
                .description("records failing their checksum when taken; dead-lettered").register(registry);
        commit = Timer.builder("scangate.journal.commit").description("write + fsync of one group commit")
                .register(registry);
        commitRecords = DistributionSummary.builder("scangate.journal.commit.records")
                .description("records made durable by one fsync").register(registry);
    }

    void rejected(String reason) {
        Counter.builder("scangate.journal.append.rejected").tag("reason", reason).register(registry).increment();
    }

    /** Registers the gauges of one open journal; {@link #close} removes them so that a reopen can re-register. */
    void gauges(JournalState state, Supplier<JournalStats> stats) {
        gauges.add(Gauge.builder("scangate.journal.entries", state, JournalState::stored).tag("state", "stored")
                .register(registry));
        gauges.add(Gauge.builder("scangate.journal.entries", state, JournalState::inFlight).tag("state", "inflight")
                .register(registry));
        gauges.add(Gauge.builder("scangate.journal.entries", state, JournalState::deadLetteredCount)
                .tag("state", "deadlettered").register(registry));
        gauges.add(Gauge.builder("scangate.journal.disk", stats, s -> s.get().bytesOnDisk()).baseUnit("bytes")
                .register(registry));
        gauges.add(Gauge.builder("scangate.journal.used.fraction", stats, s -> s.get().usedFraction())
                .register(registry));
        gauges.add(Gauge.builder("scangate.journal.index.heap", state, JournalState::indexHeapBytes)
                .baseUnit("bytes").register(registry));
    }

    void close() {
        gauges.forEach(registry::remove);
        gauges.clear();
    }

    void committed(long nanos, int records) {
        commit.record(nanos, TimeUnit.NANOSECONDS);
        commitRecords.record(records);
        appends.increment(records);
    }
}
