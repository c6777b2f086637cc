package org.leakbench.plots;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Confidence intervals and significance over victims, by the percentile bootstrap (Efron and Tibshirani, "An
 * Introduction to the Bootstrap", 1993, ch. 13 and 16) with {@link #RESAMPLES} resamples from a fixed seed, the
 * same rule the harness uses for a row's {@code psnr_ci_low}/{@code psnr_ci_high}.
 *
 * <p>A defense differs significantly from no defense when the 95 % interval of the mean difference excludes 0.
 * Victims present in both cells (same seed and test batch) are paired: the difference is taken victim by victim
 * and the victims resampled, which removes the (large) spread between victims from the comparison. Without
 * common victims the two cells are resampled independently (unpaired).
 */
final class VictimStatistics {
    static final int RESAMPLES = 2000;
    static final long SEED = 17L;

    /** A cell over victims: mean, percentile-bootstrap 95 % interval (NaN for fewer than 2 values), count. */
    record Cell(double mean, double low, double high, int n) {
        boolean hasInterval() {
            return !Double.isNaN(low);
        }
    }

    private VictimStatistics() {
    }

    static Cell cell(Collection<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        double mean = Arrays.stream(v).average().orElse(Double.NaN);
        if (v.length < 2) {
            return new Cell(mean, Double.NaN, Double.NaN, v.length);
        }
        double[] means = resampledMeans(v, new SplittableRandom(SEED));
        Arrays.sort(means);
        return new Cell(mean, quantile(means, 0.025), quantile(means, 0.975), v.length);
    }

    /**
     * Whether the means of {@code a} and {@code b} (victim key → value) differ at the 95 % level; false when
     * either has fewer than two victims (nothing can be claimed).
     */
    static boolean differs(Map<String, Double> a, Map<String, Double> b) {
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
            diffs = resampledMeans(paired.stream().mapToDouble(Double::doubleValue).toArray(), rng);
            Arrays.sort(diffs);
        } else if (a.size() >= 2 && b.size() >= 2) {
            double[] ma = resampledMeans(a.values().stream().mapToDouble(Double::doubleValue).toArray(), rng);
            double[] mb = resampledMeans(b.values().stream().mapToDouble(Double::doubleValue).toArray(), rng);
            diffs = new double[RESAMPLES];
            for (int i = 0; i < RESAMPLES; i++) {
                diffs[i] = ma[i] - mb[i];
            }
            Arrays.sort(diffs);
        } else {
            return false;
        }
        return quantile(diffs, 0.025) > 0 || quantile(diffs, 0.975) < 0;
    }

    /** Means of {@link #RESAMPLES} resamples with replacement, in resample order (unsorted). */
    private static double[] resampledMeans(double[] v, SplittableRandom rng) {
        double[] means = new double[RESAMPLES];
        for (int b = 0; b < RESAMPLES; b++) {
            double sum = 0;
            for (int i = 0; i < v.length; i++) {
                sum += v[rng.nextInt(v.length)];
            }
            means[b] = sum / v.length;
        }
        return means;
    }

    /** Linear interpolation between order statistics (numpy's default). */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
