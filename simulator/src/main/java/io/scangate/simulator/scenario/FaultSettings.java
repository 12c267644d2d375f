package io.scangate.simulator.scenario;

import io.scangate.simulator.Fault;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Faults drawn per occupancy, and the shape of the faults that have one.
 *
 * @param probabilities chance per occupancy for each fault (absent = never); default none
 * @param slowByteDelay delay between two bytes of a slow line (real time, at most one byte per tick); default 2 ms
 * @param slowLines     how many consecutive lines a {@link Fault#SLOW_DEVICE} writes slowly; default 4
 * @param oversizeBytes length of an {@link Fault#OVERSIZE_FRAME} line before its CR LF; default 1 MiB
 */
public record FaultSettings(Map<Fault, Double> probabilities, Duration slowByteDelay, int slowLines,
                            int oversizeBytes) {

    public FaultSettings {
        probabilities = Map.copyOf(probabilities);
        probabilities.forEach((fault, p) -> {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("probability of " + fault + " must be within 0..1, got " + p);
            }
        });
        if (slowByteDelay.isNegative() || slowLines < 1 || oversizeBytes < 1) {
            throw new IllegalArgumentException("slowByteDelay >= 0, slowLines >= 1 and oversizeBytes >= 1 required");
        }
    }

    public static FaultSettings none() {
        return new FaultSettings(Map.of(), Duration.ofMillis(2), 4, 1 << 20);
    }

    public FaultSettings withProbability(Fault fault, double probability) {
        Map<Fault, Double> copy = new EnumMap<>(Fault.class);
        copy.putAll(probabilities);
        copy.put(fault, probability);
        return new FaultSettings(copy, slowByteDelay, slowLines, oversizeBytes);
    }

    public FaultSettings withSlowByteDelay(Duration delay) {
        return new FaultSettings(probabilities, delay, slowLines, oversizeBytes);
    }

    public FaultSettings withOversizeBytes(int bytes) {
        return new FaultSettings(probabilities, slowByteDelay, slowLines, bytes);
    }

    public double probability(Fault fault) {
        return probabilities.getOrDefault(fault, 0.0);
    }
}
