package org.leakbench.defense.dp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClippingTest {
    @Test
    void clippingBoundsTheNormAndReturnsTheFactor() {
        float[] v = {3, 4};
        double factor = Clipping.clipInPlace(v, 1.0);
        assertEquals(0.2, factor, 1e-12);
        assertArrayEquals(new float[] {0.6f, 0.8f}, v, 1e-7f);
        assertEquals(1.0, Clipping.l2Norm(v), 1e-6);
    }

    @Test
    void vectorsInsideTheBallAreUnchanged() {
        float[] v = {0.1f, -0.2f};
        assertEquals(1.0, Clipping.clipInPlace(v, 1.0));
        assertArrayEquals(new float[] {0.1f, -0.2f}, v);
        assertEquals(1.0, Clipping.clipFactor(new float[3], 1.0));
    }

    @Test
    void randomVectorsEndUpWithinTheBall() {
        SplittableRandom r = new SplittableRandom(1);
        for (int t = 0; t < 100; t++) {
            float[] v = new float[1 + r.nextInt(500)];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (r.nextGaussian() * 10);
            }
            Clipping.clipInPlace(v, 0.5);
            assertTrue(Clipping.l2Norm(v) <= 0.5 * (1 + 1e-6));
        }
    }

    @Test
    void clipAndSumLeavesInputUntouched() {
        float[][] rows = {{3, 4}, {0, 0.5f}};
        float[] sum = Clipping.clipAndSum(rows, 1.0);
        assertArrayEquals(new float[] {0.6f, 1.3f}, sum, 1e-6f);
        assertArrayEquals(new float[] {3, 4}, rows[0]);
    }

    @Test
    void badShapesAndNormsAreNamed() {
        RdpAccountantTest.assertMessage(
                "update 1 has length 3", () -> Clipping.clipAndSum(new float[][] {{1, 2}, {1, 2, 3}}, 1));
        RdpAccountantTest.assertMessage("at least one update", () -> Clipping.clipAndSum(new float[0][], 1));
        RdpAccountantTest.assertMessage("clipNorm", () -> Clipping.clipInPlace(new float[2], 0));
        RdpAccountantTest.assertMessage("clipNorm", () -> new DpSgdOptions(-1, 1));
        RdpAccountantTest.assertMessage("noiseMultiplier", () -> new ClientDpOptions(1, -0.5));
        RdpAccountantTest.assertMessage(
                "variance", () -> new AdditiveNoiseOptions(AdditiveNoiseOptions.Kind.LAPLACE, -1));
    }
}
