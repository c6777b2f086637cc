package org.leakbench.defense.compress;

import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.update.Update;

/** Small updates for the compression tests. */
final class CompressionTestData {
    private CompressionTestData() {}

    /** A gradient with one tensor of the given values. */
    static Update single(float... values) {
        return new Update(List.of(values), List.of(new int[] {values.length}), Update.Kind.GRADIENT, 1, 1.0);
    }

    /** A gradient of two tensors [n] and [m] of Gaussian entries. */
    static Update gaussian(int n, int m, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] a = new float[n];
        float[] b = new float[m];
        for (int i = 0; i < n; i++) {
            a[i] = (float) rng.nextGaussian();
        }
        for (int i = 0; i < m; i++) {
            b[i] = (float) rng.nextGaussian();
        }
        return new Update(List.of(a, b), List.of(new int[] {n}, new int[] {m}), Update.Kind.GRADIENT, 1, 1.0);
    }

    static int nonZeros(float[] v) {
        int c = 0;
        for (float x : v) {
            if (x != 0f) {
                c++;
            }
        }
        return c;
    }
}
