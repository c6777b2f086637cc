package org.leakbench.plots;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import org.leakbench.results.stats.Bootstrap;

/**
 * Confidence intervals and significance over victims, by the schema's percentile {@link Bootstrap} (Efron and
 * Tibshirani, "An Introduction to the Bootstrap", 1993, ch. 13 and 16), the rule the harness uses for a row's
 * {@code psnr_ci_low}/{@code psnr_ci_high}.
 *
 * <p>A defense differs significantly from no defense when the 95 % interval of the mean difference excludes 0.
 * Victims present in both cells (same seed and test batch) are paired: the difference is taken victim by victim
 * and the victims resampled, which removes the (large) spread between victims from the comparison. Without
 * common victims the two cells are resampled independently (unpaired).
 */
final class VictimStatistics {
    /** A cell over victims: mean, percentile-bootstrap 95 % interval (NaN for fewer than 2 values), count. */
    record Cell(double mean, double low, double high, int n) {
        boolean hasInterval() {
            return !Double.isNaN(low);
        }
    }

    private VictimStatistics() {}

    static Cell cell(Collection<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        double mean = Arrays.stream(v).average().orElse(Double.NaN);
        Bootstrap ci = Bootstrap.meanCi95(v);
        return ci == null
                ? new Cell(mean, Double.NaN, Double.NaN, v.length)
                : new Cell(mean, ci.low(), ci.high(), v.length);
    }

    /**
     * Whether the means of {@code a} and {@code b} (victim key → value) differ at the 95 % level; false when
     * either has fewer than two victims (nothing can be claimed).
     */
    static boolean differs(Map<String, Double> a, Map<String, Double> b) {
        return Bootstrap.differs(a, b);
    }
}
