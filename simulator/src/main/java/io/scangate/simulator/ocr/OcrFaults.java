package io.scangate.simulator.ocr;

/**
 * How often each fault happens, per container ({@code missedContainer}, {@code wrongCheckDigit},
 * {@code lookAlike} exclusive of each other; {@code lowConfidence} on top), per plate ({@code noPlate}) or
 * per vehicle ({@code missedVehicle}). Each is a probability from 0 to 1.
 */
public record OcrFaults(double missedVehicle, double missedContainer, double wrongCheckDigit, double lookAlike,
                        double lowConfidence, double noPlate) {

    public OcrFaults {
        double exclusive = missedContainer + wrongCheckDigit + lookAlike;
        for (double p : new double[] {missedVehicle, missedContainer, wrongCheckDigit, lookAlike, lowConfidence, noPlate}) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("fault probabilities must be from 0 to 1, got " + p);
            }
        }
        if (exclusive > 1) {
            throw new IllegalArgumentException("missedContainer + wrongCheckDigit + lookAlike must not exceed 1, got " + exclusive);
        }
    }

    public static OcrFaults none() {
        return new OcrFaults(0, 0, 0, 0, 0, 0);
    }

    /** A working portal on a busy day: most reads right, a few of every kind wrong. */
    public static OcrFaults realistic() {
        return new OcrFaults(0.01, 0.02, 0.02, 0.03, 0.05, 0.04);
    }

    /** Every probability times {@code factor} (capped), for "more faults" on the command line. */
    public OcrFaults scaled(double factor) {
        double exclusive = Math.max(1, (missedContainer + wrongCheckDigit + lookAlike) * factor);
        return new OcrFaults(Math.min(1, missedVehicle * factor), missedContainer * factor / exclusive,
                wrongCheckDigit * factor / exclusive, lookAlike * factor / exclusive,
                Math.min(1, lowConfidence * factor), Math.min(1, noPlate * factor));
    }
}
