package org.leakbench.defense.dp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BoxMullerSamplerTest extends GaussianNoiseContractTest {
    @Override
    float[] draw(long seed, int n) {
        float[] out = new float[n];
        new BoxMullerSampler(seed).fill(out, SIGMA);
        return out;
    }

    @Test
    void theVectorAndScalarPathsGiveTheSameBits() {
        // Odd lengths leave blocks unfinished, so the carried-over samples are compared too.
        BoxMullerSampler fast = new BoxMullerSampler(9);
        BoxMullerSampler scalar = BoxMullerSampler.scalar(9);
        for (int n : new int[] {5, 100_003, 64, 31, 7_777}) {
            float[] a = new float[n];
            float[] b = new float[n];
            fast.addTo(a, 1.5);
            scalar.addTo(b, 1.5);
            assertArrayEquals(b, a, "length " + n);
        }
    }

    @Test
    void theStreamDoesNotDependOnHowItIsCutIntoCalls() {
        float[] whole = new float[10_000];
        new BoxMullerSampler(3).fill(whole, 1.0);
        BoxMullerSampler s = new BoxMullerSampler(3);
        float[] cut = new float[whole.length];
        int at = 0;
        for (int n : new int[] {1, 31, 33, 95, 5_000, 4_840}) {
            float[] part = new float[n];
            s.fill(part, 1.0);
            System.arraycopy(part, 0, cut, at, n);
            at += n;
        }
        assertEquals(whole.length, at);
        assertArrayEquals(whole, cut);
    }

    @Test
    void addToAddsTheDrawsFillWrites() {
        float[] noise = new float[1_001];
        new BoxMullerSampler(4).fill(noise, 0.5);
        float[] values = new float[noise.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = i * 0.01f;
        }
        float[] expected = values.clone();
        float[] unit = new float[noise.length];
        new BoxMullerSampler(4).fill(unit, 1.0);
        for (int i = 0; i < values.length; i++) {
            expected[i] = values[i] + unit[i] * 0.5f;
            assertEquals(unit[i] * 0.5f, noise[i]);
        }
        new BoxMullerSampler(4).addTo(values, 0.5);
        assertArrayEquals(expected, values);
    }

    @Test
    void theRadiusAndAngleAreAccurateToAFewUlps() {
        SplittableRandom rng = new SplittableRandom(1);
        double worstRadius = 0;
        double worstTrig = 0;
        for (int i = 0; i < 200_000; i++) {
            int w = rng.nextInt();
            float u = BoxMullerMath.uniform(w);
            double exact = Math.sqrt(-2 * Math.log(u));
            if (exact > 1e-3) {
                worstRadius = Math.max(worstRadius, Math.abs(BoxMullerMath.radius(u) - exact) / exact);
            }
            float x = BoxMullerMath.offset(w);
            assertTrue(Math.abs(x) <= Math.PI / 4, "angle offset " + x);
            worstTrig = Math.max(worstTrig, Math.abs(BoxMullerMath.sin(x) - Math.sin(x)));
            worstTrig = Math.max(worstTrig, Math.abs(BoxMullerMath.cos(x) - Math.cos(x)));
        }
        assertTrue(worstRadius < 1e-6, "radius relative error " + worstRadius);
        assertTrue(worstTrig < 3e-7, "sine/cosine error " + worstTrig);
    }

    @Test
    void theTailIsCutOffOnlyBeyondTheSmallestUniform() {
        // u1 >= 2^-32, so |z| <= sqrt(64 ln 2); the extreme word reaches it.
        float bound = BoxMullerMath.radius(BoxMullerMath.uniform(0));
        assertEquals(Math.sqrt(64 * Math.log(2)), bound, 1e-5);
        assertEquals(0f, BoxMullerMath.radius(BoxMullerMath.uniform(-1)), 1e-3f);
        float[] x = draw(21, 2_000_000);
        float max = 0;
        for (float v : x) {
            max = Math.max(max, Math.abs(v));
        }
        assertTrue(max <= bound * SIGMA * (1 + 1e-6), "sample " + max + " beyond the bound");
        assertTrue(max > 4.5 * SIGMA, "no sample beyond 4.5 sd in 2e6 draws: the tail is too thin, max " + max);
    }

    @Test
    void everyQuadrantOfTheAngleIsReached() {
        // Signs of (cos, sin) pairs: each of the four quadrants takes a quarter of the pairs.
        float[] x = new float[64_000];
        new BoxMullerSampler(6).fill(x, 1.0);
        int[] quadrant = new int[4];
        for (int block = 0; block < x.length; block += BoxMullerSampler.BLOCK) {
            for (int k = 0; k < BoxMullerSampler.STREAMS; k++) {
                float c = x[block + k];
                float s = x[block + BoxMullerSampler.STREAMS + k];
                quadrant[(c >= 0 ? 0 : 1) + (s >= 0 ? 0 : 2)]++;
            }
        }
        int pairs = x.length / 2;
        for (int q = 0; q < 4; q++) {
            SamplerStats.assertWithinFiveSe(
                    0.25, quadrant[q] / (double) pairs, Math.sqrt(0.25 * 0.75 / pairs), "quadrant " + q);
        }
    }

    @Test
    void rejectsBadSigma() {
        BoxMullerSampler s = new BoxMullerSampler(1);
        float[] out = new float[3];
        for (double bad : new double[] {-1, Double.NaN, Double.POSITIVE_INFINITY, 1e39}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.fill(out, bad));
            assertTrue(e.getMessage().contains("sigma"), e.getMessage());
        }
    }
}
