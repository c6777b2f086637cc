package org.leakbench.tensor.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Vector API matrix product against a plain double triple loop, for every transpose and ragged sizes. */
class SimdGemmTest {
    @Test
    void matmulMatchesTheDefinition() {
        int[][] sizes = {{4, 5, 1}, {7, 100, 10}, {33, 3, 17}, {5, 64, 40}, {12, 588, 10}, {10, 32, 588}, {6, 40, 32}};
        SplittableRandom rnd = new SplittableRandom(3);
        forEachProduct(sizes, (m, k, n, ta, tb) -> {
            double[] a = floats(rnd, m * k);
            double[] b = floats(rnd, k * n);
            float[] r = new float[m * n];
            SimdGemm.matmul(JavaTensor.narrow(a), ta, JavaTensor.narrow(b), tb, m, k, n, r, new OpThreads(1));
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double want = 0;
                    for (int t = 0; t < k; t++) {
                        want += (ta ? a[t * m + i] : a[i * k + t]) * (tb ? b[j * k + t] : b[t * n + j]);
                    }
                    String where = "m=" + m + " k=" + k + " n=" + n + " ta=" + ta + " tb=" + tb + " at " + i + "," + j;
                    assertEquals(want, r[i * n + j], 4e-7 * k + 1e-6, where);
                }
            }
        });
    }

    /** Bands of rows on several threads give the one-thread product bit for bit (no work threshold here). */
    @Test
    void sharingRowsOutOverThreadsChangesNoBit() {
        int[][] sizes = {{4, 5, 1}, {33, 3, 17}, {37, 64, 40}, {64, 32, 1024}, {1024, 32, 784}};
        SplittableRandom rnd = new SplittableRandom(4);
        for (int threads : new int[] {2, 3}) {
            OpThreads many = new OpThreads(threads, 0);
            forEachProduct(sizes, (m, k, n, ta, tb) -> {
                float[] a = JavaTensor.narrow(floats(rnd, m * k));
                float[] b = JavaTensor.narrow(floats(rnd, k * n));
                float[] one = new float[m * n];
                float[] split = new float[m * n];
                SimdGemm.matmul(a, ta, b, tb, m, k, n, one, new OpThreads(1));
                SimdGemm.matmul(a, ta, b, tb, m, k, n, split, many);
                assertArrayEquals(
                        one,
                        split,
                        "m=" + m + " k=" + k + " n=" + n + " ta=" + ta + " tb=" + tb + " on " + threads + " threads");
            });
        }
    }

    /** One product of an m×k by a k×n matrix, either factor possibly stored transposed. */
    private interface ProductCase {
        void check(int m, int k, int n, boolean ta, boolean tb);
    }

    /** Every size {m, k, n} of {@code sizes} under each of the four transpose modes. */
    private static void forEachProduct(int[][] sizes, ProductCase c) {
        for (int[] mkn : sizes) {
            for (int mode = 0; mode < 4; mode++) {
                c.check(mkn[0], mkn[1], mkn[2], (mode & 1) != 0, (mode & 2) != 0);
            }
        }
    }

    private static double[] floats(SplittableRandom rnd, int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) rnd.nextDouble(-1, 1);
        }
        return a;
    }

    /** Tall products (a transformer's rows at batch 32) count in full; products with short bands at a discount. */
    @Test
    void onlyShortBandsPayTheSharingDiscount() {
        assertEquals(1024L * 64 * 192, SimdGemm.sharedWork(1024, 64, 192, 2));
        assertEquals(32L * 784 * 256 / SimdGemm.SHARED_PRODUCT_DISCOUNT, SimdGemm.sharedWork(32, 784, 256, 2));
        assertEquals(1024L * 64 * 192 / SimdGemm.SHARED_PRODUCT_DISCOUNT, SimdGemm.sharedWork(1024, 64, 192, 16));
    }
}
