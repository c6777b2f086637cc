package org.leakbench.defense.dp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Statistical tests of the exact discrete Gaussian against its exact pmf, computed by summing
 * exp(−k²/(2σ²)) over |k| ≤ 40σ + 40 (the rest is below e^{−800}). Fixed seeds, 0.1% significance.
 */
class DiscreteGaussianSamplerTest {
    private static final int N = 200_000;

    static SecureRandom seeded(long seed) {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed(seed); // before any output: SHA1PRNG then depends on this seed only
            return r;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** pmf[k + half] = P(X = k) for |k| ≤ half. */
    static double[] exactPmf(double sigma, int half) {
        double[] p = new double[2 * half + 1];
        double total = 0;
        for (int k = -half; k <= half; k++) {
            p[k + half] = Math.exp(-(double) k * k / (2 * sigma * sigma));
            total += p[k + half];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= total;
        }
        return p;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 100})
    void matchesTheExactDistribution(int sigma) {
        DiscreteGaussianSampler sampler =
                DiscreteGaussianSampler.ofSigmaSquared((long) sigma * sigma, 1, seeded(42 + sigma));
        long[] x = new long[N];
        sampler.fill(x);
        int half = 40 * sigma + 40;
        double[] pmf = exactPmf(sigma, half);

        double variance = 0;
        double fourth = 0;
        for (int k = -half; k <= half; k++) {
            variance += (double) k * k * pmf[k + half];
            fourth += (double) k * k * k * k * pmf[k + half];
        }
        double mean = 0;
        double meanSq = 0;
        long[] counts = new long[pmf.length];
        for (long v : x) {
            mean += v;
            meanSq += (double) v * v;
            counts[(int) v + half]++;
        }
        mean /= N;
        meanSq /= N;
        SamplerStats.assertWithinFiveSe(0, mean, Math.sqrt(variance / N), "mean at sigma " + sigma);
        SamplerStats.assertWithinFiveSe(
                variance, meanSq, Math.sqrt((fourth - variance * variance) / N), "variance at sigma " + sigma);

        for (double k : new double[] {1, 2, 3}) {
            double exactTail = 0;
            long tail = 0;
            for (int v = -half; v <= half; v++) {
                if (Math.abs(v) > k * sigma) {
                    exactTail += pmf[v + half];
                    tail += counts[v + half];
                }
            }
            SamplerStats.assertWithinFiveSe(
                    exactTail,
                    (double) tail / N,
                    Math.sqrt(exactTail * (1 - exactTail) / N),
                    "P(|X| > " + k + " sigma) at sigma " + sigma);
        }

        double[] expected = new double[pmf.length];
        for (int i = 0; i < pmf.length; i++) {
            expected[i] = pmf[i] * N;
        }
        SamplerStats.assertChiSquareFits(counts, expected, "discrete Gaussian sigma " + sigma);
    }

    @Test
    void nonIntegerSigmaFromADoubleMatchesItsPmf() {
        // σ = 1.5 is exactly 3/2 as a double: σ² = 9/4.
        DiscreteGaussianSampler sampler = DiscreteGaussianSampler.ofSigma(1.5, seeded(7));
        assertEquals(2.25, sampler.sigmaSquared());
        assertFitsPmf(sampler, 1.5, 50_000, 100, "discrete Gaussian sigma 1.5");
    }

    @Test
    void bigRationalPathMatchesItsPmf() {
        // 0.7 as a double has a 52-bit mantissa, so σ² needs BigInteger arithmetic.
        DiscreteGaussianSampler sampler = DiscreteGaussianSampler.ofSigma(0.7, seeded(8));
        assertFitsPmf(sampler, 0.7, 20_000, 40, "discrete Gaussian sigma 0.7 (big path)");
    }

    /** {@code n} draws of {@code sampler}, counted over [-half, half], pass a χ² test against the pmf of σ. */
    private static void assertFitsPmf(DiscreteGaussianSampler sampler, double sigma, int n, int half, String what) {
        long[] counts = new long[2 * half + 1];
        for (int i = 0; i < n; i++) {
            counts[(int) sampler.sample() + half]++;
        }
        double[] pmf = exactPmf(sigma, half);
        double[] expected = new double[pmf.length];
        for (int i = 0; i < pmf.length; i++) {
            expected[i] = pmf[i] * n;
        }
        SamplerStats.assertChiSquareFits(counts, expected, what);
    }

    @Test
    void sameSeedSameSamples() {
        int[] a = new int[1000];
        int[] b = new int[1000];
        DiscreteGaussianSampler.ofSigmaSquared(25, 1, seeded(3)).fill(a);
        DiscreteGaussianSampler.ofSigmaSquared(25, 1, seeded(3)).fill(b);
        assertArrayEquals(a, b);
    }

    @Test
    void rejectsBadSigma() {
        assertThrows(IllegalArgumentException.class, () -> DiscreteGaussianSampler.ofSigmaSquared(0, 1, seeded(1)));
        assertThrows(IllegalArgumentException.class, () -> DiscreteGaussianSampler.ofSigma(-1.0, seeded(1)));
        assertThrows(IllegalArgumentException.class, () -> DiscreteGaussianSampler.ofSigma(Double.NaN, seeded(1)));
    }
}
