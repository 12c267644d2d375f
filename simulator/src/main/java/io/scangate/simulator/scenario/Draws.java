package io.scangate.simulator.scenario;

import java.util.SplittableRandom;

/**
 * The random draws a scenario needs, from one seeded generator so that a seed replays the same lane. Shared
 * by every protocol's scenario (VM-250, Aspect Modbus) so that they draw from the same distributions.
 */
public final class Draws {

    /** z of the 90th percentile of the standard normal distribution. */
    private static final double Z90 = 1.2815515655446004;
    /** Above this mean the normal approximation of Poisson counts is used. */
    private static final double POISSON_NORMAL_ABOVE = 30;

    private final SplittableRandom random;

    public Draws(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public double uniform(double from, double to) {
        return from == to ? from : from + (to - from) * random.nextDouble();
    }

    public int uniformInt(int from, int toInclusive) {
        return random.nextInt(from, toInclusive + 1);
    }

    public boolean chance(double probability) {
        return probability > 0 && random.nextDouble() < probability;
    }

    /** Waiting time of a Poisson process with {@code ratePerSecond}, in seconds. */
    public double exponentialSeconds(double ratePerSecond) {
        return -Math.log(1 - random.nextDouble()) / ratePerSecond;
    }

    public int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > POISSON_NORMAL_ABOVE) {
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

    /**
     * A lognormal draw with a different spread below and above the median, so that both given percentiles hold
     * (the real durations are skewed: p10 is far below the median, p90 close above it).
     */
    public double splitLognormal(double median, double p10, double p90) {
        double z = random.nextGaussian();
        double sigma = z < 0 ? Math.log(median / p10) / Z90 : Math.log(p90 / median) / Z90;
        return median * Math.exp(sigma * z);
    }

    /** A lognormal draw with the given median and 90th percentile. */
    public double lognormal(double median, double p90) {
        return median * Math.exp(Math.log(p90 / median) / Z90 * random.nextGaussian());
    }
}
