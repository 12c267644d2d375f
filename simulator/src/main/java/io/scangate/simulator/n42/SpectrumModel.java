package io.scangate.simulator.n42;

import java.util.SplittableRandom;

/**
 * Gamma spectra of a NaI portal panel, drawn with Poisson noise from a smooth model: a falling continuum
 * with its low-energy roll-off, the K-40 line at 1461 keV of natural background and, for a source, the
 * Cs-137 photopeak at 662 keV with its Compton continuum below the 477 keV edge. Energy calibration is
 * linear, {@link #KEV_PER_CHANNEL} per channel from 0.
 */
public final class SpectrumModel {

    public static final int CHANNELS = 1024;
    public static final double KEV_PER_CHANNEL = 3.0;
    public static final double CS137_KEV = 661.7;
    private static final double K40_KEV = 1460.8;
    /** NaI resolution: 7 % FWHM at 662 keV, scaling with the square root of the energy. */
    private static final double FWHM_AT_662 = 0.07 * CS137_KEV;
    private static final double CONTINUUM_SCALE_KEV = 260;
    private static final double K40_FRACTION = 0.012;
    private static final double COMPTON_EDGE_KEV = 477.3;
    private static final double PEAK_TO_TOTAL = 0.35;

    private final SplittableRandom random;

    public SpectrumModel(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /**
     * One spectrum.
     *
     * @param backgroundCps total background count rate of the panel
     * @param sourceCps     total count rate added by a Cs-137 source (0 for none)
     * @param seconds       live time
     */
    public int[] spectrum(double backgroundCps, double sourceCps, double seconds) {
        double[] background = shape(false);
        double[] source = sourceCps > 0 ? shape(true) : null;
        int[] channels = new int[CHANNELS];
        for (int ch = 0; ch < CHANNELS; ch++) {
            double mean = background[ch] * backgroundCps * seconds;
            if (source != null) {
                mean += source[ch] * sourceCps * seconds;
            }
            channels[ch] = poisson(mean);
        }
        return channels;
    }

    /** Channel probabilities (summing to 1) of the background or of a Cs-137 source. */
    private static double[] shape(boolean cs137) {
        double[] shape = new double[CHANNELS];
        double total = 0;
        for (int ch = 0; ch < CHANNELS; ch++) {
            double kev = (ch + 0.5) * KEV_PER_CHANNEL;
            double rollOff = 1 - Math.exp(-kev / 40);
            double value;
            if (cs137) {
                double compton = kev < COMPTON_EDGE_KEV ? (1 - PEAK_TO_TOTAL) / COMPTON_EDGE_KEV * KEV_PER_CHANNEL : 0;
                value = rollOff * compton + PEAK_TO_TOTAL * peak(kev, CS137_KEV);
            } else {
                value = rollOff * Math.exp(-kev / CONTINUUM_SCALE_KEV) + K40_FRACTION * peak(kev, K40_KEV) * 30;
            }
            shape[ch] = value;
            total += value;
        }
        for (int ch = 0; ch < CHANNELS; ch++) {
            shape[ch] /= total;
        }
        return shape;
    }

    /** A Gaussian line, integrated over one channel, per unit area. */
    private static double peak(double kev, double lineKev) {
        double sigma = FWHM_AT_662 * Math.sqrt(lineKev / CS137_KEV) / 2.3548;
        double z = (kev - lineKev) / sigma;
        return Math.exp(-0.5 * z * z) / (sigma * Math.sqrt(2 * Math.PI)) * KEV_PER_CHANNEL;
    }

    /** A Poisson draw; the normal approximation above a mean of 30 keeps it cheap for large counts. */
    public int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    SplittableRandom random() {
        return random;
    }
}
