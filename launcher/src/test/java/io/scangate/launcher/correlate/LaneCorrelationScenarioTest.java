package io.scangate.launcher.correlate;

import static io.scangate.proto.v1.InspectionPart.INSPECTION_PART_CONVEYANCE;
import static io.scangate.proto.v1.InspectionPart.INSPECTION_PART_RADIATION;
import static io.scangate.proto.v1.InspectionPart.INSPECTION_PART_XRAY;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import io.scangate.gateway.correlate.CorrelationSettings;
import io.scangate.gateway.correlate.Correlator;
import io.scangate.gateway.correlate.ExpectedPart;
import io.scangate.gateway.correlate.LaneSettings;
import io.scangate.proto.v1.CheckDigitResult;
import io.scangate.proto.v1.ContainerCode;
import io.scangate.proto.v1.Envelope;
import io.scangate.proto.v1.Inspection;
import io.scangate.proto.v1.MissingPart;
import io.scangate.proto.v1.MissingReason;
import io.scangate.proto.v1.PartJoin;
import io.scangate.simulator.scenario.Draws;
import io.scangate.simulator.vehicle.PartEvent;
import io.scangate.simulator.vehicle.PartKind;
import io.scangate.simulator.vehicle.VehiclePassage;
import io.scangate.simulator.vehicle.VehicleLaneScenario;
import io.scangate.simulator.vehicle.VehicleLaneSettings;
import io.scangate.simulator.vehicle.VehicleTruth;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator's vehicle lane (OCR, then radiation portal, then X-ray, with missed reads, wrong check digits,
 * missing and late X-rays) fed as driver-built envelopes into the gateway's real correlator, checked against the
 * simulator's ground truth vehicle by vehicle.
 */
class LaneCorrelationScenarioTest {

    private static final int VEHICLES = 600;
    private static final long START = Instant.parse("2026-11-26T06:00:00Z").toEpochMilli();

    private final EventLoop loop = new DefaultEventLoop();

    @AfterEach
    void stop() {
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void everyVehicleYieldsExactlyOneInspectionThatMatchesTheGroundTruth() throws Exception {
        VehicleLaneSettings settings = VehicleLaneSettings.defaults();
        List<VehiclePassage> vehicles = new VehicleLaneScenario(settings, 20261126, START).vehicles(VEHICLES);

        Result r = correlate(vehicles, VehicleLaneScenario.inDeliveryOrder(vehicles));

        r.assertOneInspectionPerVehicleMatchingTheTruth(vehicles);
        long complete = r.finals.values().stream().filter(Inspection::getComplete).count();
        double share = complete / (double) VEHICLES;
        double expected = (1 - settings.missedOcrRate()) * (1 - settings.missingXrayRate());
        long amended = r.finals.values().stream().filter(i -> i.getRevision() > 1).count();
        System.out.printf(Locale.ROOT, "lane correlation: vehicles=%d inspections=%d complete=%d (%.1f%%, expected from"
                        + " the fault rates %.1f%%) incomplete=%d amended=%d published_records=%d%n", VEHICLES, r.finals.size(),
                complete, share * 100, expected * 100, VEHICLES - complete, amended, r.records.size());
        assertThat(share).isBetween(expected - 0.04, expected + 0.04);
        long late = vehicles.stream().filter(v -> v.truth().xrayLate()).count();
        assertThat(amended).isEqualTo(late).isPositive();
        assertThat(r.registry.find("scangate.inspections").tags("lane", "lane1", "outcome", "complete").counter().count()
                + r.registry.find("scangate.inspections").tags("lane", "lane1", "outcome", "incomplete").counter().count())
                .isEqualTo(VEHICLES);
        assertThat(r.registry.find("scangate.inspections.amended").tags("lane", "lane1").counter().count()).isEqualTo(late);
    }

    @Test
    void outOfOrderDeliveriesFromASlowRadiationLinkStillMakeOneInspectionPerVehicle() throws Exception {
        List<VehiclePassage> vehicles = new VehicleLaneScenario(VehicleLaneSettings.defaults(), 77, START).vehicles(VEHICLES);
        Draws draws = new Draws(5);
        List<PartEvent> delayed = new ArrayList<>();
        for (PartEvent p : VehicleLaneScenario.inDeliveryOrder(vehicles)) {
            delayed.add(p instanceof PartEvent.RpmOccupancy rpm
                    ? new PartEvent.RpmOccupancy(rpm.vehicle(), rpm.atMillis(),
                            rpm.deliverMillis() + Math.round(draws.uniform(0, 90_000)), rpm.durationMillis(), rpm.gammaAlarm())
                    : p);
        }
        delayed.sort(Comparator.comparingLong(PartEvent::deliverMillis));
        long overtaken = vehicles.stream().filter(v -> {
            long rpm = delayed.stream().filter(p -> p.vehicle() == v.truth().vehicle() && p.kind() == PartKind.RPM)
                    .mapToLong(PartEvent::deliverMillis).findFirst().orElseThrow();
            return v.parts().stream().anyMatch(p -> p.kind() == PartKind.XRAY && p.deliverMillis() < rpm);
        }).count();

        Result r = correlate(vehicles, delayed);

        assertThat(overtaken).as("X-rays delivered before their vehicle's radiation scan").isGreaterThan(50);
        r.assertOneInspectionPerVehicleMatchingTheTruth(vehicles);
        System.out.printf(Locale.ROOT, "out of order: vehicles=%d x-ray_before_radiation=%d inspections=%d amended=%d%n",
                VEHICLES, overtaken, r.finals.size(), r.finals.values().stream().filter(i -> i.getRevision() > 1).count());
    }

    private Result correlate(List<VehiclePassage> vehicles, List<PartEvent> deliveries) throws Exception {
        ScenarioEnvelopes envelopes = new ScenarioEnvelopes();
        MutableClock clock = new MutableClock(Instant.ofEpochMilli(START));
        Result result = new Result(envelopes);
        Correlator correlator = new Correlator(new CorrelationSettings(List.of(lane()), Duration.ofSeconds(1), null),
                ScenarioEnvelopes.SITE, loop, clock, result, result.registry);
        correlator.start();
        loop.submit(() -> {
            for (PartEvent part : deliveries) {
                advance(clock, correlator, Instant.ofEpochMilli(part.deliverMillis()));
                correlator.journalled(envelopes.envelope(part));
            }
            advance(clock, correlator, clock.instant().plus(Duration.ofMinutes(40)));
        }).get(60, TimeUnit.SECONDS);
        return result;
    }

    /** The sweeps a running gateway makes every second while time passes. */
    private static void advance(MutableClock clock, Correlator correlator, Instant to) {
        while (clock.instant().plusSeconds(1).isBefore(to)) {
            clock.now = clock.now.plusSeconds(1);
            correlator.sweep();
        }
        clock.now = to;
    }

    /** Geometry of the simulated lane: OCR, radiation portal 20 m on (4-12 mph), X-ray 35-45 s after it. */
    private static LaneSettings lane() {
        return new LaneSettings(ScenarioEnvelopes.LANE, List.of(
                new ExpectedPart(INSPECTION_PART_CONVEYANCE, Duration.ZERO, Duration.ofSeconds(5)),
                new ExpectedPart(INSPECTION_PART_RADIATION, Duration.ofMillis(7500), Duration.ofSeconds(5)),
                new ExpectedPart(INSPECTION_PART_XRAY, Duration.ofSeconds(40), Duration.ofSeconds(7))),
                Duration.ofMinutes(3), Duration.ofSeconds(5), 32, 256, Duration.ofMinutes(30));
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    /** Every published record, the last revision per inspection, and the checks against the truth. */
    private static final class Result implements Correlator.Sink {
        final SimpleMeterRegistry registry = new SimpleMeterRegistry();
        final List<Inspection> records = new ArrayList<>();
        final Map<String, Inspection> finals = new HashMap<>();
        final Map<String, Inspection> firsts = new HashMap<>();
        final Map<String, String> eventIdOf = new HashMap<>();
        private final ScenarioEnvelopes envelopes;
        private long next;

        Result(ScenarioEnvelopes envelopes) {
            this.envelopes = envelopes;
        }

        @Override
        public String emit(String lane, Inspection inspection) {
            String eventId = "inspection-" + next++;
            Inspection previous = finals.get(inspection.getInspectionId());
            if (previous != null) {
                assertThat(inspection.getRevision()).isEqualTo(previous.getRevision() + 1);
                assertThat(inspection.getAmendsInspectionId()).isEqualTo(inspection.getInspectionId());
                assertThat(inspection.getSupersedesEventId()).isEqualTo(eventIdOf.get(inspection.getInspectionId()));
            } else {
                assertThat(inspection.getRevision()).isEqualTo(1);
                firsts.put(inspection.getInspectionId(), inspection);
            }
            records.add(inspection);
            finals.put(inspection.getInspectionId(), inspection);
            eventIdOf.put(inspection.getInspectionId(), eventId);
            return eventId;
        }

        @Override
        public long pending() {
            return 0;
        }

        void assertOneInspectionPerVehicleMatchingTheTruth(List<VehiclePassage> vehicles) {
            Map<Long, Inspection> byVehicle = new HashMap<>();
            for (Inspection i : finals.values()) {
                Set<Long> sources = i.getJoinsList().stream().map(j -> envelopes.vehicleOf.get(j.getEventId()))
                        .collect(Collectors.toSet());
                assertThat(sources).as("vehicles joined in inspection %s", i.getInspectionId()).hasSize(1);
                Inspection other = byVehicle.put(sources.iterator().next(), i);
                assertThat(other).as("a second inspection for vehicle %s", sources).isNull();
            }
            assertThat(byVehicle).hasSize(vehicles.size());
            for (VehiclePassage v : vehicles) {
                check(v.truth(), v, byVehicle.get(v.truth().vehicle()));
            }
        }

        private void check(VehicleTruth truth, VehiclePassage v, Inspection i) {
            String what = "vehicle " + truth;
            Set<String> joined = new HashSet<>();
            i.getJoinsList().stream().map(PartJoin::getEventId).forEach(joined::add);
            long sent = envelopes.vehicleOf.values().stream().filter(x -> x == truth.vehicle()).count();
            assertThat(joined).as(what).hasSize((int) sent);
            assertThat(i.getComplete()).as(what).isEqualTo(truth.completeExpected());
            if (truth.ocrNoRead()) {
                assertThat(i.getMissingList()).as(what).anySatisfy(m -> assertMissing(m, INSPECTION_PART_CONVEYANCE,
                        MissingReason.MISSING_REASON_NO_READ));
            } else {
                assertThat(i.getLicencePlate()).as(what).isEqualTo(truth.plate());
                List<String> codes = i.getContainersList().stream().map(ContainerCode::getCode).toList();
                if (truth.wrongCheckDigit()) {
                    assertThat(i.getContainersList()).as(what).filteredOn(c -> c.getCheck() == CheckDigitResult.CHECK_DIGIT_INVALID)
                            .singleElement().satisfies(c -> assertThat(truth.containers()).contains(c.getCode().substring(0, 10)
                                    + io.scangate.simulator.vehicle.Iso6346.checkDigit(c.getCode())));
                } else {
                    assertThat(codes).as(what).isEqualTo(truth.containers());
                }
            }
            assertThat(i.getRadiation().getAlarm()).as(what).isEqualTo(truth.gammaAlarm());
            assertThat(i.getXrayList()).as(what).hasSize(truth.xrayViews());
            if (truth.xrayMissing()) {
                assertThat(i.getMissingList()).as(what).anySatisfy(m -> assertMissing(m, INSPECTION_PART_XRAY,
                        MissingReason.MISSING_REASON_TIMEOUT));
            }
            if (truth.xrayLate()) {
                Inspection first = firsts.get(i.getInspectionId());
                assertThat(first.getMissingList()).as(what).anySatisfy(m -> assertMissing(m, INSPECTION_PART_XRAY,
                        MissingReason.MISSING_REASON_TIMEOUT));
                assertThat(i.getRevision()).as(what).isEqualTo(2);
            } else {
                assertThat(i.getRevision()).as(what).isEqualTo(1);
            }
            if (!i.getComplete()) {
                assertThat(i.getMissingList()).as(what).isNotEmpty()
                        .allSatisfy(m -> assertThat(m.getDetail()).isNotBlank());
            }
            assertThat(i.getRadiation().getEventId()).isNotEmpty();
            assertThat(v.parts()).isNotEmpty();
            assertThat(i.getJoinsList()).extracting(PartJoin::getConfidence).allSatisfy(c -> assertThat(c).isBetween(0.05, 1.0));
            assertThat(i.getExpectedList()).containsExactly(INSPECTION_PART_CONVEYANCE, INSPECTION_PART_RADIATION,
                    INSPECTION_PART_XRAY);
            assertThat(Envelope.newBuilder().setInspection(i).build().getBodyCase()).isEqualTo(Envelope.BodyCase.INSPECTION);
        }

        private static void assertMissing(MissingPart m, io.scangate.proto.v1.InspectionPart part, MissingReason reason) {
            assertThat(m.getPart()).isEqualTo(part);
            assertThat(m.getReason()).isEqualTo(reason);
            assertThat(m.getDetail()).isNotBlank();
        }
    }
}
