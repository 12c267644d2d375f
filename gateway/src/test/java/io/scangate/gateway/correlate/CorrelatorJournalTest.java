package io.scangate.gateway.correlate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import io.scangate.gateway.journal.JournalEntry;
import io.scangate.gateway.journal.JournalSettings;
import io.scangate.gateway.journal.SegmentJournal;
import io.scangate.gateway.metrics.GatewayMetrics;
import io.scangate.gateway.pipeline.EventPipeline;
import io.scangate.gateway.pipeline.Outbox;
import io.scangate.gateway.publish.TopicScheme;
import io.scangate.proto.v1.Envelope;
import io.scangate.proto.v1.Inspection;
import io.scangate.proto.v1.MissingReason;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The correlator wired as in the gateway: device results go through the pipeline into a real journal on disk, the
 * correlator sees them only once durable, and its inspections are journalled the same way.
 */
class CorrelatorJournalTest {

    @TempDir
    Path dir;

    private final EventLoop deviceLoop = new DefaultEventLoop();
    private final List<EventLoop> correlatorLoops = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<Envelope> journalled = new ArrayList<>();
    private SegmentJournal journal;
    private EventPipeline pipeline;
    private Outbox device;

    @AfterEach
    void close() {
        deviceLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        correlatorLoops.forEach(l -> l.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly());
        if (journal != null) {
            journal.close();
        }
    }

    @Test
    void inspectionsAreJournalledFromDurablePartsAndSurviveAnOrderlyStopAndACrash() throws Exception {
        journal = SegmentJournal.open(JournalSettings.defaults(dir.resolve("journal")), registry);
        pipeline = new EventPipeline("gw", 1, journal, new GatewayMetrics(registry), () -> { }, Duration.ofMillis(50));
        device = pipeline.outbox("lane1-any", deviceLoop);
        Path stateFile = dir.resolve("correlation-state.bin");
        Correlator correlator = start(stateFile);

        List<String> vehicleA = submit(LaneParts.conveyance(0, "A", "CSQU3054383"), LaneParts.radiation(8, false),
                LaneParts.xray(48, "s-a", "TOP"));

        Inspection a = awaitInspection(i -> i.getLicencePlate().equals("A"));
        assertThat(a.getComplete()).isTrue();
        assertThat(a.getJoinsList()).extracting(j -> j.getEventId()).containsExactlyElementsOf(vehicleA);
        Envelope envelopeOfA = journalled.stream().filter(e -> e.hasInspection()).findFirst().orElseThrow();
        assertThat(new TopicScheme("port", "gw").topicFor(envelopeOfA)).isEqualTo("scangate/v1/port/lane1/inspection/inspection");
        assertThat(registry.find("scangate.inspections").tags("lane", "lane1", "outcome", "complete").counter().count())
                .isEqualTo(1);

        submit(LaneParts.conveyance(300, "B"));
        await().atMost(Duration.ofSeconds(10)).until(() -> openInStateFile(stateFile) == 1);
        correlator.stop(5_000);
        Inspection b = awaitInspection(i -> i.getLicencePlate().equals("B"));
        assertThat(b.getClosedBy()).isEqualTo("gateway stopped");
        assertThat(b.getMissingList()).extracting(m -> m.getReason()).containsOnly(MissingReason.MISSING_REASON_GATEWAY_STOPPED);

        pipeline.onJournalled(e -> { });
        start(stateFile);
        submit(LaneParts.radiation(308, false));
        Inspection amendedB = awaitInspection(i -> i.getLicencePlate().equals("B") && i.getRevision() == 2);
        assertThat(amendedB.getAmendsInspectionId()).isEqualTo(b.getInspectionId());

        submit(LaneParts.conveyance(600, "C"));
        await().atMost(Duration.ofSeconds(10)).until(() -> openInStateFile(stateFile) == 1);
        pipeline.onJournalled(e -> { });
        // a crash: the correlator's loop dies with C open, nothing is flushed
        correlatorLoops.get(1).shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
        start(stateFile);
        Inspection c = awaitInspection(i -> i.getLicencePlate().equals("C"));
        assertThat(c.getClosedBy()).isEqualTo("gateway restarted");
        assertThat(c.getMissingList()).extracting(m -> m.getReason()).containsOnly(MissingReason.MISSING_REASON_GATEWAY_RESTARTED);
        assertThat(journalled.stream().filter(Envelope::hasInspection).map(e -> e.getInspection().getInspectionId()))
                .as("one record per vehicle plus one amendment").hasSize(4);
    }

    private Correlator start(Path stateFile) {
        EventLoop correlatorLoop = new DefaultEventLoop();
        correlatorLoops.add(correlatorLoop);
        LaneSettings lane = LaneParts.lane(8);
        LaneSettings quick = new LaneSettings(lane.lane(), lane.parts(), lane.deadline(), Duration.ofMillis(200),
                lane.maxOpen(), lane.maxRecent(), lane.amendFor());
        Correlator correlator = new Correlator(new CorrelationSettings(List.of(quick), Duration.ofMillis(100), stateFile),
                "port", correlatorLoop, Clock.systemUTC(), new JournalSink(pipeline, "port", correlatorLoop, Clock.systemUTC()),
                registry);
        correlator.start();
        pipeline.onJournalled(correlator::journalled);
        return correlator;
    }

    /** Submits parts as a device would and returns their event ids once they are durable. */
    private List<String> submit(Part... parts) {
        List<String> ids = new ArrayList<>();
        deviceLoop.submit(() -> {
            for (Part p : parts) {
                Envelope stamped = pipeline.stamp(p.envelope().toBuilder(), p.envelope().getDevice(), Instant.now());
                ids.add(stamped.getEventId());
                device.submit(stamped);
            }
        }).syncUninterruptibly();
        await().atMost(Duration.ofSeconds(10)).until(() -> deviceLoop.submit(device::pending).get() == 0);
        return ids;
    }

    private Inspection awaitInspection(java.util.function.Predicate<Inspection> which) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (JournalEntry entry : journal.take(100)) {
                journalled.add(Envelope.parseFrom(entry.payload()));
                journal.confirm(entry.id());
            }
            return journalled.stream().filter(Envelope::hasInspection).map(Envelope::getInspection).filter(which)
                    .findFirst().orElse(null);
        }, i -> i != null);
    }

    private static int openInStateFile(Path file) throws Exception {
        StateFile.LaneState state = StateFile.read(file).get(LaneParts.LANE);
        return state == null ? -1 : state.open().size();
    }
}
