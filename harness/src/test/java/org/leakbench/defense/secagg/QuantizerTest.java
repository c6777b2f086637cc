package org.leakbench.defense.secagg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Quantised values stay in [0, R) even where floating-point rounding puts the scaled value just above R - 1. */
class QuantizerTest {
    @Test
    void valuesAtTheClippingBoundNeverReachRWithTheLargestRange() {
        long r = 1L << 31;
        // (c + c) * ((R - 1) / 2c) rounds to R - 1 + 2^-22 for this c, so stochastic rounding could step to R
        double c = 13.445080768798997;
        double scaled = (c + c) * ((r - 1) / (2 * c));
        assertTrue(scaled > r - 1, "precondition: the scaled bound exceeds R - 1 (" + scaled + ")");
        Quantizer q = new Quantizer(c, r);
        float[] x = new float[1 << 22];
        Arrays.fill(x, 100f); // clipped to c
        SplittableRandom random = new SplittableRandom(1);
        for (int chunk = 0; chunk < 8; chunk++) {
            for (int v : q.quantize(x, random)) {
                if (v != (int) (r - 1)) {
                    assertEquals(r - 1, Integer.toUnsignedLong(v), "quantised value left [0, R) in chunk " + chunk);
                }
            }
        }
    }

    @Test
    void boundsMapToZeroAndRMinusOne() {
        Quantizer q = new Quantizer(8.0, 1L << 22);
        int[] out = q.quantize(new float[] {-9f, 9f, -8f, 8f}, new SplittableRandom(2));
        assertEquals(0, out[0]);
        assertEquals((1 << 22) - 1, out[1]);
        assertEquals(0, out[2]);
        assertEquals((1 << 22) - 1, out[3]);
    }
}
