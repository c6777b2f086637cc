package org.leakbench.defense.dp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Every mechanism takes its noise from a {@link NoiseSource}: the fast source keeps the sampler's stream bit for
 * bit, and the exact discrete Gaussian can stand in for it in every mechanism.
 */
class NoiseSourceTest {
    @Test
    void theFastSourceIsTheBoxMullerSamplerBitForBit() {
        float[] a = new float[1000];
        float[] b = new float[1000];
        NoiseSources.gaussian("fast", new SplittableRandom(5)).addTo(a, 0.7);
        new BoxMullerSampler(new SplittableRandom(5)).addTo(b, 0.7);
        assertArrayEquals(b, a);
    }

    @Test
    void theZigguratSourceIsTheZigguratSamplerBitForBit() {
        float[] a = new float[1000];
        float[] b = new float[1000];
        NoiseSource source = NoiseSources.gaussian("ziggurat", new SplittableRandom(5));
        source.addTo(a, 0.7);
        new FastGaussianSampler(new SplittableRandom(5)).addTo(b, 0.7);
        assertArrayEquals(b, a);
        assertEquals("ziggurat", source.name());
    }

    @Test
    void theDiscreteGaussianHasTheRequestedSpreadOnItsGrid() {
        NoiseSource s = NoiseSources.gaussian("discrete-gaussian", new SplittableRandom(3));
        assertEquals("discrete-gaussian", s.name());
        float[] v = new float[20000];
        double sigma = 0.25;
        s.addTo(v, sigma);
        double sum = 0;
        double sq = 0;
        double grid = sigma / DiscreteGaussianNoise.RESOLUTION;
        for (float f : v) {
            sum += f;
            sq += (double) f * f;
            double k = f / grid;
            assertEquals(Math.rint(k), k, 1e-3, "a multiple of the grid");
        }
        double mean = sum / v.length;
        assertEquals(0, mean, 4 * sigma / Math.sqrt(v.length));
        assertEquals(sigma, Math.sqrt(sq / v.length - mean * mean), 0.03 * sigma);
    }

    @Test
    void theDiscreteGaussianIsReproducibleFromTheSeed() {
        float[] a = new float[64];
        float[] b = new float[64];
        NoiseSources.gaussian("discrete-gaussian", new SplittableRandom(9)).addTo(a, 1.0);
        NoiseSources.gaussian("discrete-gaussian", new SplittableRandom(9)).addTo(b, 1.0);
        assertArrayEquals(a, b);
    }

    @Test
    void everyMechanismAcceptsTheExactSampler() {
        float[][] rows = {{3, 4}, {0, 1}};
        NoiseSource exact = NoiseSources.gaussian("discrete-gaussian", new SplittableRandom(1));
        assertEquals(2, new GaussianMechanism(new DpSgdOptions(1, 1), exact).aggregate(rows).length);
        assertEquals(2, new ClientLevelDp(new ClientDpOptions(1, 1), exact).aggregate(rows, 2).length);
        float[] local = new LocalDp(new ClientDpOptions(1, 0.0), exact).privatize(new float[] {3, 4});
        assertArrayEquals(new float[] {0.6f, 0.8f}, local, 1e-6f);
        float[] added = new AdditiveNoise(
                        new AdditiveNoiseOptions(AdditiveNoiseOptions.Kind.GAUSSIAN, 1e-2),
                        new SplittableRandom(2),
                        "discrete-gaussian")
                .apply(new float[100]);
        double sq = 0;
        for (float f : added) {
            sq += f * f;
        }
        assertTrue(sq > 0.3 && sq < 3, "variance 1e-2 over 100 entries: " + sq);
    }

    @Test
    void anUnknownSourceIsNamedInTheError() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> NoiseSources.gaussian("exact", new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("dp.noise") && e.getMessage().contains("'exact'"), e.getMessage());
    }
}
