package io.scangate.simulator.vehicle;

import io.scangate.simulator.scenario.Draws;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Vehicles passing a lane's OCR portal, radiation portal and X-ray scanner in that order, with realistic gaps,
 * jitter and faults (missed OCR read, wrong check digit, missing X-ray, late X-ray). A seed replays the same
 * traffic. Each vehicle comes with its ground truth; the part events are plain values for device simulators.
 */
public final class VehicleLaneScenario {

    private static final double METRES_PER_SECOND_PER_MPH = 0.44704;
    private static final double SPEED_MEDIAN_MPH = 5;
    private static final double SPEED_P90_MPH = 20;
    private static final double DURATION_MEDIAN_S = 10.4;
    private static final double DURATION_P10_S = 4.2;
    private static final double DURATION_P90_S = 13.9;
    private static final double DURATION_MIN_S = 2;
    private static final double DURATION_MAX_S = 21;

    private final VehicleLaneSettings settings;
    private final Draws draws;
    private final VehicleGenerator traffic;
    private long nextArrivalMillis;
    private long nextIndex;

    public VehicleLaneScenario(VehicleLaneSettings settings, long seed, long startMillis) {
        this.settings = settings;
        this.draws = new Draws(seed);
        this.traffic = new VehicleGenerator(draws, settings.noContainerShare(),
                1 - settings.noContainerShare() - settings.twoContainerShare(), settings.twoContainerShare());
        this.nextArrivalMillis = startMillis;
    }

    /** The next {@code count} vehicles. */
    public List<VehiclePassage> vehicles(int count) {
        List<VehiclePassage> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(next());
        }
        return out;
    }

    /** Every part event of the given vehicles in the order the devices deliver them. */
    public static List<PartEvent> inDeliveryOrder(List<VehiclePassage> vehicles) {
        return vehicles.stream().flatMap(v -> v.parts().stream())
                .sorted(Comparator.comparingLong(PartEvent::deliverMillis).thenComparingLong(PartEvent::vehicle))
                .toList();
    }

    public VehiclePassage next() {
        long index = nextIndex++;
        long t0 = nextArrivalMillis;
        double meanGap = 3600 / settings.arrivalsPerHour() - settings.minHeadwaySeconds();
        nextArrivalMillis += millis(settings.minHeadwaySeconds() + draws.exponentialSeconds(1 / meanGap));

        Vehicle vehicle = traffic.next();
        String plate = vehicle.plate();
        List<String> containers = vehicle.containers();
        List<PartEvent> parts = new ArrayList<>();
        Set<PartKind> present = EnumSet.noneOf(PartKind.class);

        boolean noRead = draws.chance(settings.missedOcrRate());
        boolean wrongDigit = !noRead && !containers.isEmpty() && draws.chance(settings.wrongCheckDigitRate());
        List<String> read = new ArrayList<>(containers);
        if (wrongDigit) {
            int which = draws.uniformInt(0, read.size() - 1);
            read.set(which, Iso6346.withWrongCheckDigit(read.get(which), draws));
        }
        parts.add(new PartEvent.OcrRead(index, t0, t0 + millis(draws.uniform(0.2, 1.5)),
                noRead ? List.of() : read, noRead ? "" : plate, noRead ? "" : vehicle.plateCountry()));
        present.add(PartKind.OCR);

        double speedMph = Math.min(settings.speedMaxMph(), Math.max(settings.speedMinMph(),
                draws.lognormal(SPEED_MEDIAN_MPH, SPEED_P90_MPH)));
        long rpmStart = t0 + millis(settings.ocrToRpmMetres() / (speedMph * METRES_PER_SECOND_PER_MPH));
        long duration = millis(Math.min(DURATION_MAX_S, Math.max(DURATION_MIN_S,
                draws.splitLognormal(DURATION_MEDIAN_S, DURATION_P10_S, DURATION_P90_S))));
        boolean alarm = draws.chance(settings.gammaAlarmRate());
        parts.add(new PartEvent.RpmOccupancy(index, rpmStart, rpmStart + duration + millis(draws.uniform(0, 0.3)),
                duration, alarm));
        present.add(PartKind.RPM);

        boolean xrayMissing = draws.chance(settings.missingXrayRate());
        boolean late = !xrayMissing && draws.chance(settings.lateXrayRate());
        int views = xrayMissing ? 0 : draws.chance(settings.twoViewShare()) ? 2 : 1;
        if (!xrayMissing) {
            long acquired = rpmStart + millis(draws.uniform(settings.rpmToXrayMinSeconds(), settings.rpmToXrayMaxSeconds()));
            long delivered = acquired + millis(draws.uniform(settings.xrayTransferMinSeconds(), settings.xrayTransferMaxSeconds()));
            if (late) {
                delivered += millis(draws.uniform(settings.lateXrayMinSeconds(), settings.lateXrayMaxSeconds()));
            }
            String study = "2.25." + draws.uniformInt(100_000_000, 999_999_999) + "." + index;
            parts.add(new PartEvent.XrayImage(index, acquired, delivered, study, "TOP", late));
            if (views == 2) {
                parts.add(new PartEvent.XrayImage(index, acquired, delivered + millis(draws.uniform(1, 4)), study, "SIDE", late));
            }
            present.add(PartKind.XRAY);
        }
        VehicleTruth truth = new VehicleTruth(index, t0, plate, vehicle.plateCountry(), containers, present, noRead, wrongDigit, xrayMissing,
                late, alarm, views);
        return new VehiclePassage(truth, parts.stream().sorted(Comparator.comparingLong(PartEvent::deliverMillis)).toList());
    }

    private static long millis(double seconds) {
        return Math.round(seconds * 1000);
    }
}
