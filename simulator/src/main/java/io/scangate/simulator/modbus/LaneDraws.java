package io.scangate.simulator.modbus;

import java.util.SplittableRandom;

/**
 * The random draws of one simulated monitor, from one seeded generator so that a seed replays the same
 * lane. The same distributions as the VM-250 scenario (DESIGN 5), kept here because that scenario's
 * helper is private to its package.
 */
final class LaneDraws {

    /** z of the 90th percentile of the standard normal distribution. */
    private static final double Z90 = 1.2815515655446004;
    /** Above this mean the normal approximation of Poisson counts is used. */
    private static final double POISSON_NORMAL_ABOVE = 30;

    private final SplittableRandom random;

    LaneDraws(long seed) {
        this.random = new SplittableRandom(seed);
    }

    double uniform(double from, double to) {
        return from + (to - from) * random.nextDouble();
    }

    int uniformInt(int from, int toInclusive) {
        return random.nextInt(from, toInclusive + 1);
    }

    boolean chance(double probability) {
        return probability > 0 && random.nextDouble() < probability;
    }

    /** Waiting time of a Poisson process with {@code ratePerSecond}, in seconds. */
    double exponentialSeconds(double ratePerSecond) {
        return -Math.log(1 - random.nextDouble()) / ratePerSecond;
    }

    long poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > POISSON_NORMAL_ABOVE) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        long count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    /** Lognormal with a different spread below and above the median, so that p10 and p90 both hold. */
    double splitLognormal(double median, double p10, double p90) {
        double z = random.nextGaussian();
        double sigma = z < 0 ? Math.log(median / p10) / Z90 : Math.log(p90 / median) / Z90;
        return median * Math.exp(sigma * z);
    }

    double lognormal(double median, double p90) {
        return median * Math.exp(Math.log(p90 / median) / Z90 * random.nextGaussian());
    }
}
