package org.leakbench.results.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap (Efron and Tibshirani, "An Introduction to the Bootstrap", 1993, ch. 13 and 16): resample
 * the values with replacement {@link #RESAMPLES} times, take each resample's mean, and read the 2.5 % and 97.5 %
 * quantiles of those means. The generator is seeded with a constant, so an interval is a function of the values
 * alone: the same victims give the same interval on every run and machine, whether the sweep computes it for a
 * row's {@code psnr_ci_low}/{@code psnr_ci_high} or the plots for a table cell.
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
        if (v.length < 2) {
            return null;
        }
        double[] means = resampledMeans(v, new SplittableRandom(SEED));
        Arrays.sort(means);
        return new Bootstrap(quantile(means, 0.025), quantile(means, 0.975));
    }

    /**
     * Whether the means of {@code a} and {@code b} (key → value) differ at the 95 % level: the interval of the
     * mean difference excludes 0. Keys present in both are paired (the difference is taken key by key and the
     * keys resampled, which removes the spread between keys from the comparison); without two common keys the
     * two samples are resampled independently. False when either has fewer than two values.
     */
    public static boolean differs(Map<String, Double> a, Map<String, Double> b) {
        List<Double> paired = new ArrayList<>();
        a.forEach((k, v) -> {
            Double w = b.get(k);
            if (w != null) {
                paired.add(v - w);
            }
        });
        SplittableRandom rng = new SplittableRandom(SEED);
        double[] diffs;
        if (paired.size() >= 2) {
            diffs = resampledMeans(toArray(paired), rng);
        } else if (a.size() >= 2 && b.size() >= 2) {
            double[] ma = resampledMeans(toArray(a.values()), rng);
            double[] mb = resampledMeans(toArray(b.values()), rng);
            diffs = new double[RESAMPLES];
            for (int i = 0; i < RESAMPLES; i++) {
                diffs[i] = ma[i] - mb[i];
            }
        } else {
            return false;
        }
        Arrays.sort(diffs);
        return quantile(diffs, 0.025) > 0 || quantile(diffs, 0.975) < 0;
    }

    /** Means of {@link #RESAMPLES} resamples with replacement, in resample order (unsorted). */
    private static double[] resampledMeans(double[] v, SplittableRandom rng) {
        int n = v.length;
        double[] means = new double[RESAMPLES];
        for (int b = 0; b < RESAMPLES; b++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += v[rng.nextInt(n)];
            }
            means[b] = sum / n;
        }
        return means;
    }

    private static double[] toArray(java.util.Collection<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Quantile of sorted values by linear interpolation between order statistics (type 7, numpy's default). */
    public static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
