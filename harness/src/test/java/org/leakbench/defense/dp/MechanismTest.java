package org.leakbench.defense.dp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MechanismTest {
    private static final int DIM = 200_000;

    private static float[][] batch(long seed, int n, int dim, double scale) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] rows = new float[n][dim];
        for (float[] row : rows) {
            for (int j = 0; j < dim; j++) {
                row[j] = (float) (r.nextGaussian() * scale);
            }
        }
        return rows;
    }

    private static float[] clippedMean(float[][] rows, double c) {
        float[] sum = Clipping.clipAndSum(rows, c);
        for (int j = 0; j < sum.length; j++) {
            sum[j] /= rows.length;
        }
        return sum;
    }

    private static double variance(float[] x) {
        double s = 0;
        for (float v : x) {
            s += (double) v * v;
        }
        return s / x.length;
    }

    @Test
    void zeroNoiseGivesTheExactClippedMean() {
        float[][] rows = batch(1, 8, 50, 1.0);
        float[] expected = clippedMean(rows, 2.0);
        GaussianMechanism dpSgd = new GaussianMechanism(new DpSgdOptions(2.0, 0.0), new FastGaussianSampler(3));
        ClientLevelDp central = new ClientLevelDp(new ClientDpOptions(2.0, 0.0), new FastGaussianSampler(3));
        assertArrayEquals(expected, dpSgd.aggregate(rows), 1e-6f);
        assertArrayEquals(expected, central.aggregate(rows), 1e-6f);
    }

    @Test
    void gaussianMechanismNoiseHasVarianceSigmaCOverBSquared() {
        // Zero gradients isolate the noise: each coordinate of the output is N(0, (σC/B)²).
        float[][] zeros = new float[4][DIM];
        double sigma = 1.3;
        double c = 0.5;
        float[] out = new GaussianMechanism(new DpSgdOptions(c, sigma), new FastGaussianSampler(5)).aggregate(zeros);
        double expected = Math.pow(sigma * c / 4, 2);
        // The sample variance of DIM normals has relative standard error √(2/DIM).
        SamplerStats.assertWithinFiveSe(expected, variance(out), expected * Math.sqrt(2.0 / DIM), "DP-SGD noise");
    }

    @Test
    void expectedBatchSizeDenominator() {
        float[][] rows = batch(2, 3, 10, 0.01);
        float[] out = new GaussianMechanism(new DpSgdOptions(1, 0), new FastGaussianSampler(1)).aggregate(rows, 6.0);
        float[] mean = clippedMean(rows, 1);
        for (int j = 0; j < out.length; j++) {
            assertEquals(mean[j] / 2, out[j], 1e-7);
        }
    }

    @Test
    void localDpNoisesEachClippedUpdate() {
        float[] update = new float[DIM];
        update[0] = 100; // clipped down to norm C = 2
        LocalDp local = new LocalDp(new ClientDpOptions(2.0, 0.7), new FastGaussianSampler(8));
        float[] out = local.privatize(update);
        assertEquals(100, update[0]);
        double expected = Math.pow(0.7 * 2.0, 2);
        float[] rest = Arrays.copyOfRange(out, 1, DIM);
        SamplerStats.assertWithinFiveSe(expected, variance(rest), expected * Math.sqrt(2.0 / DIM), "local noise");
        assertTrue(Math.abs(out[0] - 2.0) < 5 * 1.4, "first coordinate should be near the clipped value 2");
        float[] clipped = new LocalDp(new ClientDpOptions(2.0, 0.0), new FastGaussianSampler(8)).privatize(update);
        assertEquals(2.0, Clipping.l2Norm(clipped), 1e-6);
    }

    @Test
    void additiveNoiseHasTheRequestedVariance() {
        for (AdditiveNoiseOptions.Kind kind : AdditiveNoiseOptions.Kind.values()) {
            AdditiveNoise noise = new AdditiveNoise(new AdditiveNoiseOptions(kind, 1e-3), new SplittableRandom(4));
            float[] out = noise.apply(new float[DIM]);
            double fourth = kind == AdditiveNoiseOptions.Kind.GAUSSIAN ? 3 : 6; // kurtosis E[X⁴]/σ⁴
            SamplerStats.assertWithinFiveSe(1e-3, variance(out), 1e-3 * Math.sqrt((fourth - 1) / DIM), kind.name());
        }
    }

    @Test
    void sameSeedSameOutputOtherSeedOther() {
        float[][] rows = batch(3, 5, 100, 1.0);
        DpSgdOptions opts = new DpSgdOptions(1.0, 1.1);
        float[] a = new GaussianMechanism(opts, new FastGaussianSampler(7)).aggregate(rows);
        float[] b = new GaussianMechanism(opts, new FastGaussianSampler(7)).aggregate(rows);
        float[] c = new GaussianMechanism(opts, new FastGaussianSampler(8)).aggregate(rows);
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
        AdditiveNoiseOptions noiseOpts = new AdditiveNoiseOptions(AdditiveNoiseOptions.Kind.LAPLACE, 0.1);
        assertArrayEquals(
                new AdditiveNoise(noiseOpts, new SplittableRandom(1)).apply(rows[0]),
                new AdditiveNoise(noiseOpts, new SplittableRandom(1)).apply(rows[0]));
    }
}
