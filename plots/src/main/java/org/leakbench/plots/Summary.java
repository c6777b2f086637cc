package org.leakbench.plots;

import java.util.List;

/**
 * Mean and sample standard deviation of a metric over seeds.
 *
 * @param mean the mean (NaN when n = 0)
 * @param std  the sample standard deviation (0 for one value)
 * @param n    how many values
 */
public record Summary(double mean, double std, int n) {
    static Summary of(List<Double> values) {
        return new Summary(Numbers.mean(values), Numbers.std(values), values.size());
    }

    boolean present() {
        return n > 0;
    }

    /** Half-width of a normal-approximation 95% interval (1.96 σ/√n); 0 for one value. */
    double ci95() {
        return n < 2 ? 0 : 1.96 * std / Math.sqrt(n);
    }
}
