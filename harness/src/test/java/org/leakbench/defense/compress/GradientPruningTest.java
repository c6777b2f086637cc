package org.leakbench.defense.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.leakbench.update.Update;

class GradientPruningTest {
    @Test
    void prunesTheSmallestFractionOfEachTensor() {
        Update in = CompressionTestData.gaussian(200, 30, 5);
        for (double fraction : new double[] {0.0, 0.2, 0.5, 0.7, 0.9, 0.99}) {
            Update out = new GradientPruning(new PruningOptions(fraction, PruningOptions.Scope.PER_TENSOR))
                    .apply(in, new SplittableRandom(0));
            for (int t = 0; t < 2; t++) {
                assertPrunedTheSmallest(
                        in.values().get(t), out.values().get(t), fraction, "tensor " + t + ", fraction " + fraction);
            }
        }
    }

    @Test
    void perTensorScopePrunesEachTensorAlike() {
        // The second tensor is tiny in magnitude; a global threshold would wipe it, per-tensor pruning keeps half.
        Update out = new GradientPruning(new PruningOptions(0.5, PruningOptions.Scope.PER_TENSOR))
                .apply(twoScales(), new SplittableRandom(0));
        assertArrayEquals(new float[] {0, 0, 30, 40}, out.values().get(0));
        assertArrayEquals(new float[] {0, 0, 3e-3f, 4e-3f}, out.values().get(1));
    }

    @Test
    void globalScopeIsTheDefaultAndUsesOneThreshold() {
        Update out = new GradientPruning(new PruningOptions(0.5)).apply(twoScales(), new SplittableRandom(0));
        assertArrayEquals(new float[] {10, 20, 30, 40}, out.values().get(0));
        assertArrayEquals(new float[] {0, 0, 0, 0}, out.values().get(1));
    }

    @Test
    void globalScopePrunesExactlyTheSmallestFractionOfTheWholeUpdate() {
        Update in = CompressionTestData.gaussian(200, 30, 5);
        float[] v = in.flatten();
        for (double fraction : new double[] {0.0, 0.2, 0.5, 0.9}) {
            float[] w = new GradientPruning(new PruningOptions(fraction))
                    .apply(in, new SplittableRandom(0))
                    .flatten();
            assertPrunedTheSmallest(v, w, fraction, "whole update, fraction " + fraction);
        }
    }

    /**
     * {@code w} is {@code v} with exactly ⌊fraction·n⌋ entries set to zero, those of smallest magnitude, and the
     * others kept unchanged.
     */
    private static void assertPrunedTheSmallest(float[] v, float[] w, double fraction, String where) {
        int pruned = (int) Math.floor(fraction * v.length + 1e-9);
        assertEquals(v.length - pruned, CompressionTestData.nonZeros(w), where);
        float maxPruned = 0;
        float minKept = Float.POSITIVE_INFINITY;
        for (int i = 0; i < v.length; i++) {
            if (w[i] == 0) {
                maxPruned = Math.max(maxPruned, Math.abs(v[i]));
            } else {
                assertEquals(v[i], w[i], where);
                minKept = Math.min(minKept, Math.abs(v[i]));
            }
        }
        assertTrue(maxPruned <= minKept, "pruned entries are the smallest: " + where);
    }

    private static Update twoScales() {
        return new Update(
                java.util.List.of(new float[] {10, 20, 30, 40}, new float[] {1e-3f, 2e-3f, 3e-3f, 4e-3f}),
                java.util.List.of(new int[] {4}, new int[] {4}),
                Update.Kind.GRADIENT,
                1,
                1.0);
    }

    @Test
    void rejectsMissingScope() {
        assertThrows(IllegalArgumentException.class, () -> new PruningOptions(0.5, null));
    }

    @Test
    void exactCountEvenWithTies() {
        Update out = new GradientPruning(new PruningOptions(0.5))
                .apply(CompressionTestData.single(1, 1, 1, 1, 1, 1), new SplittableRandom(0));
        assertArrayEquals(new float[] {1, 1, 1, 0, 0, 0}, out.flatten());
    }

    @Test
    void sendsDenseBytes() {
        Update u = CompressionTestData.gaussian(10, 10, 0);
        assertEquals(u.plainBytes(), new GradientPruning(new PruningOptions(0.9)).bytesSent(u));
    }

    @Test
    void rejectsFractionOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PruningOptions(1.0));
        assertTrue(e.getMessage().contains("pruning.fraction"), e.getMessage());
    }
}
