package org.leakbench.tensor.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Batched float32 products on the Vector API and on the scalar kernels against a double triple loop, for every
 * transpose and for widths that are and are not whole vectors (in-place and padded paths); and the same bits
 * whatever the thread count.
 */
class BatchedProductsTest {
    private static final int[][] SIZES = {{3, 5, 7, 3}, {4, 32, 16, 32}, {2, 32, 32, 16}, {3, 9, 16, 8}, {2, 1, 20, 33}
    };

    @Test
    void everyPathMatchesTheDefinition() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (boolean simd : new boolean[] {true, false}) {
            Kernels kernels = simd ? new VectorKernels() : new ScalarKernels();
            for (int[] s : SIZES) {
                for (int flags = 0; flags < 4; flags++) {
                    boolean ta = (flags & 1) != 0;
                    boolean tb = (flags & 2) != 0;
                    int batch = s[0];
                    int m = s[1];
                    int k = s[2];
                    int n = s[3];
                    float[] a = floats(rnd, batch * m * k);
                    float[] b = floats(rnd, batch * k * n);
                    float[] r = new float[batch * m * n];
                    BatchedProducts.multiply(kernels, simd, a, ta, b, tb, batch, m, k, n, r, new OpThreads(1));
                    for (int p = 0; p < batch; p++) {
                        for (int i = 0; i < m; i++) {
                            for (int j = 0; j < n; j++) {
                                double want = 0;
                                for (int t = 0; t < k; t++) {
                                    double x = ta ? a[p * m * k + t * m + i] : a[p * m * k + i * k + t];
                                    double y = tb ? b[p * k * n + j * k + t] : b[p * k * n + t * n + j];
                                    want += x * y;
                                }
                                String where = "simd=" + simd + " " + java.util.Arrays.toString(s) + " ta=" + ta
                                        + " tb=" + tb + " at " + p + "," + i + "," + j;
                                assertEquals(want, r[(p * m + i) * n + j], 4e-7 * k + 1e-6, where);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void threadsTakeWholeProductsAndChangeNoBit() {
        SplittableRandom rnd = new SplittableRandom(6);
        Kernels kernels = new VectorKernels();
        for (int[] s : SIZES) {
            for (int flags = 0; flags < 4; flags++) {
                boolean ta = (flags & 1) != 0;
                boolean tb = (flags & 2) != 0;
                int batch = s[0] * 5;
                float[] a = floats(rnd, batch * s[1] * s[2]);
                float[] b = floats(rnd, batch * s[2] * s[3]);
                float[] one = new float[batch * s[1] * s[3]];
                float[] three = new float[one.length];
                BatchedProducts.multiply(kernels, true, a, ta, b, tb, batch, s[1], s[2], s[3], one, new OpThreads(1));
                BatchedProducts.multiply(
                        kernels, true, a, ta, b, tb, batch, s[1], s[2], s[3], three, new OpThreads(3, 0));
                assertArrayEquals(one, three, java.util.Arrays.toString(s) + " ta=" + ta + " tb=" + tb);
            }
        }
    }

    private static float[] floats(SplittableRandom rnd, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rnd.nextDouble(-1, 1);
        }
        return v;
    }
}
