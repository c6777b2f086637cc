package org.leakbench.defense.dp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Contract for a zero-mean continuous noise sampler: moments, tails and a χ² goodness-of-fit against its CDF
 * at 0.1% significance, plus determinism per seed. Subclassed once per sampler.
 */
abstract class ContinuousNoiseContractTest {
    static final int N = 1_000_000;

    /** N samples at the sampler's test scale. */
    abstract float[] draw(long seed, int n);

    /** CDF of the distribution drawn. */
    abstract double cdf(double x);

    abstract double variance();

    /** E[X⁴], for the standard error of the sample variance. */
    abstract double fourthMoment();

    @Test
    void meanAndVarianceMatch() {
        float[] x = draw(11, N);
        double mean = 0;
        double sq = 0;
        for (float v : x) {
            mean += v;
            sq += (double) v * v;
        }
        mean /= N;
        sq /= N;
        double var = variance();
        SamplerStats.assertWithinFiveSe(0, mean, Math.sqrt(var / N), "mean");
        SamplerStats.assertWithinFiveSe(var, sq, Math.sqrt((fourthMoment() - var * var) / N), "variance");
    }

    @Test
    void tailMassMatches() {
        float[] x = draw(12, N);
        double sd = Math.sqrt(variance());
        for (double k : new double[] {1, 2, 3, 4}) {
            long count = 0;
            for (float v : x) {
                if (Math.abs(v) > k * sd) {
                    count++;
                }
            }
            double p = 2 * (1 - cdf(k * sd));
            SamplerStats.assertWithinFiveSe(p, (double) count / N, Math.sqrt(p * (1 - p) / N), "P(|X| > " + k + " sd)");
        }
    }

    @Test
    void histogramFitsTheCdf() {
        float[] x = draw(13, N);
        double sd = Math.sqrt(variance());
        int bins = 160; // 0.1 sd wide over [−8 sd, 8 sd], plus the two tails
        long[] counts = new long[bins + 2];
        for (float v : x) {
            double z = v / sd;
            int b = z < -8 ? 0 : z >= 8 ? bins + 1 : 1 + (int) Math.floor((z + 8) * 10);
            counts[Math.min(b, bins)]++;
        }
        double[] expected = new double[bins + 2];
        expected[0] = N * cdf(-8 * sd);
        expected[bins + 1] = N * (1 - cdf(8 * sd));
        for (int b = 1; b <= bins; b++) {
            double lo = (-8 + (b - 1) / 10.0) * sd;
            expected[b] = N * (cdf(lo + 0.1 * sd) - cdf(lo));
        }
        SamplerStats.assertChiSquareFits(counts, expected, getClass().getSimpleName());
    }

    @Test
    void sameSeedSameNoiseOtherSeedOther() {
        assertArrayEquals(draw(5, 1000), draw(5, 1000));
        assertFalse(Arrays.equals(draw(5, 1000), draw(6, 1000)));
    }
}
