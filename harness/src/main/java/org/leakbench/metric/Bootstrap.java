package org.leakbench.metric;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap confidence interval of a mean (Efron and Tibshirani, "An Introduction to the Bootstrap",
 * 1993, ch. 13): resample the values with replacement {@link #RESAMPLES} times, take each resample's mean, and
 * report the 2.5 % and 97.5 % quantiles of those means. The generator is seeded with a constant, so the interval
 * is a function of the values alone: the same victims give the same interval on every run and machine.
 *
 * @param low  lower end of the 95 % interval
 * @param high upper end of the 95 % interval
 */
public record Bootstrap(double low, double high) {
    /** Resamples per interval: enough for the 2.5 % tail to rest on 50 resample means. */
    public static final int RESAMPLES = 2000;
    /** The fixed seed of every interval. */
    public static final long SEED = 17L;

    /**
     * The 95 % percentile interval of the mean of the non-NaN {@code values}; null when fewer than two remain (a
     * single value says nothing about spread).
     */
    public static Bootstrap meanCi95(double[] values) {
        double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).toArray();
        int n = v.length;
        if (n < 2) {
            return null;
        }
        SplittableRandom rng = new SplittableRandom(SEED);
        double[] means = new double[RESAMPLES];
        for (int b = 0; b < RESAMPLES; b++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += v[rng.nextInt(n)];
            }
            means[b] = sum / n;
        }
        Arrays.sort(means);
        return new Bootstrap(quantile(means, 0.025), quantile(means, 0.975));
    }

    /** Quantile of sorted values by linear interpolation between order statistics (type 7, numpy's default). */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
