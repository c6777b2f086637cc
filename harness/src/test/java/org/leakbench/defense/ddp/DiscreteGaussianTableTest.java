package org.leakbench.defense.ddp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DiscreteGaussianTableTest {
    /** Variance of N_Z(0, σ²): Σ k² e^{−k²/2σ²} / Σ e^{−k²/2σ²} (slightly below σ² for small σ). */
    static double exactVariance(double sigma) {
        double num = 0;
        double den = 0;
        for (int k = -200; k <= 200; k++) {
            double w = Math.exp(-k * (double) k / (2 * sigma * sigma));
            num += k * (double) k * w;
            den += w;
        }
        return num / den;
    }

    @Test
    void momentsMatchTheDiscreteGaussian() {
        SplittableRandom rng = new SplittableRandom(42);
        for (double sigma : new double[] {0.6, 3.0, 17.5}) {
            DiscreteGaussianTable t = new DiscreteGaussianTable(sigma);
            int n = 400_000;
            double sum = 0;
            double sq = 0;
            for (int i = 0; i < n; i++) {
                long k = t.sample(rng);
                sum += k;
                sq += (double) k * k;
            }
            double var = exactVariance(sigma);
            double mean = sum / n;
            // mean within 5 standard errors; variance within 5 of its standard errors (kurtosis ≈ 3)
            assertEquals(0, mean, 5 * Math.sqrt(var / n), "mean at sigma " + sigma);
            assertEquals(var, sq / n - mean * mean, 5 * var * Math.sqrt(2.0 / n), "variance at sigma " + sigma);
        }
    }

    @Test
    void smallSigmaHasTheExactProbabilityOfZero() {
        double sigma = 0.6;
        double den = 0;
        for (int k = -50; k <= 50; k++) {
            den += Math.exp(-k * (double) k / (2 * sigma * sigma));
        }
        SplittableRandom rng = new SplittableRandom(5);
        DiscreteGaussianTable t = new DiscreteGaussianTable(sigma);
        int n = 200_000;
        int zeros = 0;
        for (int i = 0; i < n; i++) {
            zeros += t.sample(rng) == 0 ? 1 : 0;
        }
        double p = 1 / den;
        assertEquals(p, zeros / (double) n, 5 * Math.sqrt(p * (1 - p) / n));
    }

    @Test
    void refusesSigmaOutsideTheTable() {
        assertThrows(IllegalArgumentException.class, () -> new DiscreteGaussianTable(0));
        assertTrue(DiscreteGaussianTable.fits(1000));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DiscreteGaussianTable(1e6));
        assertTrue(e.getMessage().startsWith("discrete Gaussian table: sigma must be in (0, "), e.getMessage());
    }
}
