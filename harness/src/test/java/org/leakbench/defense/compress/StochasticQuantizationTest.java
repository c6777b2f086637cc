package org.leakbench.defense.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.leakbench.update.Update;

class StochasticQuantizationTest {
    @Test
    void withinOneStepAndOnTheGrid() {
        Update in = CompressionTestData.gaussian(1000, 50, 8);
        for (int bits : new int[] {1, 2, 4, 8, 16}) {
            Update out =
                    new StochasticQuantization(new QuantizationOptions(bits)).apply(in, new SplittableRandom(bits));
            for (int t = 0; t < 2; t++) {
                float[] v = in.values().get(t);
                float[] q = out.values().get(t);
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (float x : v) {
                    lo = Math.min(lo, x);
                    hi = Math.max(hi, x);
                }
                double step = (hi - lo) / ((1 << bits) - 1);
                Set<Float> levels = new HashSet<>();
                for (int i = 0; i < v.length; i++) {
                    assertTrue(
                            Math.abs(q[i] - v[i]) <= step * (1 + 1e-5) + 1e-6,
                            bits + " bits: |" + q[i] + " - " + v[i] + "| > step " + step);
                    levels.add(q[i]);
                }
                assertTrue(levels.size() <= (1 << bits), bits + " bits gave " + levels.size() + " levels");
            }
        }
    }

    @Test
    void unbiasedInExpectation() {
        // Mean of 4000 independent 2-bit quantisations is within 4 standard errors of the input (the
        // rounding variance is at most step²/4 per entry).
        Update in = CompressionTestData.gaussian(40, 10, 9);
        float[] v = in.flatten();
        StochasticQuantization q = new StochasticQuantization(new QuantizationOptions(2));
        int trials = 4000;
        double[] mean = new double[v.length];
        SplittableRandom seeds = new SplittableRandom(11);
        for (int t = 0; t < trials; t++) {
            float[] out = q.apply(in, seeds.split()).flatten();
            for (int i = 0; i < v.length; i++) {
                mean[i] += out[i] / (double) trials;
            }
        }
        double range = 0;
        for (float[] tensor : in.values()) {
            float lo = Float.POSITIVE_INFINITY;
            float hi = Float.NEGATIVE_INFINITY;
            for (float x : tensor) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
            range = Math.max(range, hi - lo);
        }
        double step = range / 3;
        double tolerance = 4 * (step / 2) / Math.sqrt(trials);
        for (int i = 0; i < v.length; i++) {
            assertEquals(v[i], mean[i], tolerance, "entry " + i);
        }
    }

    @Test
    void constantTensorIsExact() {
        Update in = CompressionTestData.single(0.25f, 0.25f, 0.25f);
        assertArrayEquals(
                in.flatten(),
                new StochasticQuantization(new QuantizationOptions(1))
                        .apply(in, new SplittableRandom(0))
                        .flatten());
    }

    @Test
    void bytesAreBitsPerEntryPlusRangePerTensor() {
        Update u = CompressionTestData.gaussian(1000, 3, 0);
        // 1000·4 bits = 500 bytes, 3·4 bits → 2 bytes, plus 8 bytes of range per tensor.
        assertEquals(500 + 8 + 2 + 8, new StochasticQuantization(new QuantizationOptions(4)).bytesSent(u));
    }

    @Test
    void rejectsBitsOutsideRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new QuantizationOptions(0));
        assertTrue(
                e.getMessage().contains("quantization.bits") && e.getMessage().contains("[1, 16]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new QuantizationOptions(17));
    }
}
