package org.leakbench.defense.dp;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Helpers for the statistical sampler tests. */
final class SamplerStats {
    /** Standard normal quantile at 1 − 0.001, the significance used for every goodness-of-fit test here. */
    static final double Z_999 = 3.090232306167813;

    private SamplerStats() {}

    /** Upper 0.1% point of χ² with df degrees of freedom (Wilson–Hilferty approximation). */
    static double chiSquareCritical(int df) {
        double h = 2.0 / (9.0 * df);
        double c = 1 - h + Z_999 * Math.sqrt(h);
        return df * c * c * c;
    }

    /**
     * Pearson χ² test of observed counts against expected counts, after pooling neighbouring bins until every
     * pooled bin expects at least 5; fails when the statistic exceeds the 0.1% critical value.
     */
    static void assertChiSquareFits(long[] observed, double[] expected, String what) {
        double stat = 0;
        int bins = 0;
        double e = 0;
        long o = 0;
        for (int i = 0; i < observed.length; i++) {
            e += expected[i];
            o += observed[i];
            if (e >= 5) {
                stat += (o - e) * (o - e) / e;
                bins++;
                e = 0;
                o = 0;
            }
        }
        if (e > 0 || o > 0) { // the leftover tail: pool with a fresh bin (it may expect less than 5)
            stat += (o - e) * (o - e) / Math.max(e, 1e-300);
            bins++;
        }
        int df = bins - 1;
        double critical = chiSquareCritical(df);
        double finalStat = stat;
        assertTrue(
                stat < critical,
                () -> what + ": chi-square " + finalStat + " exceeds the 0.1% critical value " + critical + " at " + df
                        + " degrees of freedom");
    }

    /** Asserts |actual − expected| ≤ 5 standard errors. */
    static void assertWithinFiveSe(double expected, double actual, double standardError, String what) {
        assertTrue(
                Math.abs(actual - expected) <= 5 * standardError,
                () -> what + ": expected " + expected + " ± " + 5 * standardError + ", got " + actual);
    }
}
