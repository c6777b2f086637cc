package org.leakbench.defense.dp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FastGaussianSamplerTest extends GaussianNoiseContractTest {
    @Override
    float[] draw(long seed, int n) {
        float[] out = new float[n];
        new FastGaussianSampler(seed).fill(out, SIGMA);
        return out;
    }

    @Test
    void zigguratTablesCloseAtTheTop() {
        // 256 layers of equal area: Marsaglia and Tsang give r ≈ 3.6541528853610088 for this layout.
        assertEquals(3.654152885361009, ZigguratTables.R, 1e-9);
        assertEquals(0.0, ZigguratTables.X[ZigguratTables.LAYERS]);
        assertEquals(1.0, ZigguratTables.F[ZigguratTables.LAYERS]);
    }

    @Test
    void nextGaussianAndFillAgree() {
        FastGaussianSampler a = new FastGaussianSampler(9);
        float[] filled = new float[100];
        new FastGaussianSampler(9).fill(filled, 1.0);
        for (float f : filled) {
            assertEquals(f, (float) a.nextGaussian());
        }
    }

    @Test
    void addToZerosEqualsFill() {
        float[] filled = new float[10_000];
        float[] added = new float[10_000];
        new FastGaussianSampler(4).fill(filled, 0.3);
        new FastGaussianSampler(4).addTo(added, 0.3);
        org.junit.jupiter.api.Assertions.assertArrayEquals(filled, added);
    }

    @Test
    void rejectsBadSigma() {
        assertThrows(IllegalArgumentException.class, () -> new FastGaussianSampler(1).fill(new float[1], -1));
    }
}
