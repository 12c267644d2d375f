package io.scangate.simulator.n42;

import io.scangate.simulator.n42.SimulatedDocument.GammaSpectrum;
import io.scangate.simulator.n42.SimulatedDocument.Kind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The documents of one lane in the order they are sent (each when its measurement ends): background
 * measurements back to back while the lane is empty, one Foreground document per passage, an alarm
 * document for the passages that carry a source. A background measurement overlapped by a passage is
 * abandoned and restarted after it, as portals do. Deterministic for a seed.
 */
public final class N42Scenario {

    public static final List<String> GAMMA_DETECTORS = List.of("Gamma1", "Gamma2");
    public static final List<String> NEUTRON_DETECTORS = List.of("Neutron1", "Neutron2");
    static final double GAMMA_BACKGROUND_CPS = 400;
    static final double NEUTRON_BACKGROUND_CPS = 2.5;
    private static final double MEDIAN_OCCUPANCY_S = 10.4;
    private static final double P90_OCCUPANCY_S = 13.9;
    private static final double Z90 = 1.2815515655446004;
    private static final double LIVE_FRACTION = 0.985;

    private final N42LaneSettings settings;
    private final SpectrumModel model;
    private Instant backgroundStart;
    private Instant nextOccupancy;
    private int index;

    public N42Scenario(N42LaneSettings settings) {
        this.settings = settings;
        this.model = new SpectrumModel(settings.seed());
        this.backgroundStart = settings.startTime();
        this.nextOccupancy = settings.startTime().plus(arrivalGap());
    }

    /** The next document; it is due when its measurement ends ({@code start + realTime}). */
    public SimulatedDocument next() {
        index++;
        Instant backgroundEnd = backgroundStart.plus(settings.backgroundInterval());
        if (!nextOccupancy.isBefore(backgroundEnd)) {
            SimulatedDocument background = document(Kind.BACKGROUND, backgroundStart, settings.backgroundInterval(), 1);
            backgroundStart = backgroundEnd;
            return background;
        }
        Instant start = nextOccupancy;
        Duration length = occupancyLength();
        Kind kind = model.random().nextDouble() < settings.alarmProbability() ? Kind.ALARM : Kind.FOREGROUND;
        double depression = 0.6 + 0.15 * model.random().nextDouble();
        SimulatedDocument passage = document(kind, start, length, depression);
        Instant end = start.plus(length);
        backgroundStart = end;
        nextOccupancy = end.plus(arrivalGap());
        return passage;
    }

    private SimulatedDocument document(Kind kind, Instant start, Duration realTime, double gammaFactor) {
        double seconds = realTime.toNanos() / 1e9;
        Duration live = Duration.ofMillis(Math.round(seconds * LIVE_FRACTION * 1000));
        double sourceCps = kind == Kind.ALARM ? 300 + 1200 * model.random().nextDouble() : 0;
        List<GammaSpectrum> spectra = new ArrayList<>();
        for (String detector : GAMMA_DETECTORS) {
            int[] channels = model.spectrum(GAMMA_BACKGROUND_CPS * gammaFactor, sourceCps, live.toNanos() / 1e9);
            spectra.add(new GammaSpectrum(detector, live, channels));
        }
        Map<String, Long> neutrons = new LinkedHashMap<>();
        for (String detector : NEUTRON_DETECTORS) {
            neutrons.put(detector, (long) model.poisson(NEUTRON_BACKGROUND_CPS * seconds));
        }
        String uuid = UUID.nameUUIDFromBytes((settings.laneId() + "/" + settings.seed() + "/" + index)
                .getBytes(StandardCharsets.UTF_8)).toString();
        int confidence = kind == Kind.ALARM ? 70 + model.random().nextInt(29) : 0;
        return new SimulatedDocument(uuid, kind, start, realTime, spectra, neutrons,
                kind == Kind.ALARM ? "Cs-137" : null, confidence);
    }

    private Duration arrivalGap() {
        double meanSeconds = 3600 / settings.occupanciesPerHour();
        double gap = -Math.log(1 - model.random().nextDouble()) * meanSeconds;
        return Duration.ofMillis(Math.max(1_000, Math.round(gap * 1000)));
    }

    /** Lognormal, median 10.4 s and p90 13.9 s as measured on a real lane (DESIGN 4.1), 2 s to 30 s. */
    private Duration occupancyLength() {
        double sigma = Math.log(P90_OCCUPANCY_S / MEDIAN_OCCUPANCY_S) / Z90;
        double seconds = MEDIAN_OCCUPANCY_S * Math.exp(sigma * model.random().nextGaussian());
        return Duration.ofMillis(Math.round(Math.min(30, Math.max(2, seconds)) * 1000));
    }
}
