package org.leakbench.tensor.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The two large-product routes, the packed Vector API kernel and OpenBLAS, against a plain double triple loop
 * for every transpose, at sizes that leave ragged register tiles and span several inner-dimension blocks.
 */
class LargeGemmTest {
    /** {m, k, n}: ragged tiles (m not a multiple of 6, n not of the tile width), k over two KC blocks. */
    private static final int[][] SIZES = {
        {6, 16, 16}, {7, 300, 35}, {50, 513, 17}, {97, 40, 130}, {150, 40, 130}, {13, 64, 3100}
    };

    @Test
    void packedKernelMatchesTheDefinition() {
        SplittableRandom rnd = new SplittableRandom(5);
        forEachProduct((m, k, n, ta, tb) -> {
            double[] a = values(rnd, m * k);
            double[] b = values(rnd, k * n);
            float[] r = new float[m * n];
            PackedGemm.matmul(JavaTensor.narrow(a), ta, JavaTensor.narrow(b), tb, m, k, n, r, new OpThreads(1));
            double[] want = definition(a, ta, b, tb, m, k, n);
            for (int i = 0; i < want.length; i++) {
                assertEquals(want[i], r[i], 4e-7 * k + 1e-6, where(m, k, n, ta, tb) + " at " + i);
            }
        });
    }

    @Test
    void blasRouteMatchesTheDefinitionInFloatAndDouble() {
        SplittableRandom rnd = new SplittableRandom(6);
        forEachProduct((m, k, n, ta, tb) -> {
            double[] a = values(rnd, m * k);
            double[] b = values(rnd, k * n);
            float[] r = new float[m * n];
            BlasGemm.matmul(JavaTensor.narrow(a), ta, JavaTensor.narrow(b), tb, m, k, n, r, new OpThreads(1));
            double[] want = definition(a, ta, b, tb, m, k, n);
            for (int i = 0; i < want.length; i++) {
                assertEquals(want[i], r[i], 4e-7 * k + 1e-6, where(m, k, n, ta, tb) + " at " + i);
            }
            if (BlasGemm.route().contains("OpenBLAS")) {
                double[] rd = new double[m * n];
                BlasGemm.matmul(a, ta, b, tb, m, k, n, rd);
                for (int i = 0; i < want.length; i++) {
                    assertEquals(want[i], rd[i], 1e-12 * k, where(m, k, n, ta, tb) + " float64 at " + i);
                }
            }
        });
    }

    /** Bands of rows on two and three threads give the one-thread product bit for bit, on both routes. */
    @Test
    void sharingRowsOutOverThreadsChangesNoBit() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int threads : new int[] {2, 3}) {
            OpThreads many = new OpThreads(threads, 0);
            forEachProduct((m, k, n, ta, tb) -> {
                float[] a = JavaTensor.narrow(values(rnd, m * k));
                float[] b = JavaTensor.narrow(values(rnd, k * n));
                float[] one = new float[m * n];
                float[] split = new float[m * n];
                PackedGemm.matmul(a, ta, b, tb, m, k, n, one, new OpThreads(1));
                PackedGemm.matmul(a, ta, b, tb, m, k, n, split, many);
                assertArrayEquals(one, split, "packed " + where(m, k, n, ta, tb) + " on " + threads + " threads");
                BlasGemm.matmul(a, ta, b, tb, m, k, n, one, new OpThreads(1));
                java.util.Arrays.fill(split, 0f);
                BlasGemm.matmul(a, ta, b, tb, m, k, n, split, many);
                assertArrayEquals(one, split, "blas " + where(m, k, n, ta, tb) + " on " + threads + " threads");
            });
        }
    }

    @Test
    void onlyProductsOfSomeSizeCountAsLarge() {
        assertTrue(BlasGemm.large(256, 256, 256));
        assertTrue(BlasGemm.large(32, 1024, 1024));
        assertFalse(BlasGemm.large(32, 256, 256), "a batch-32 product of the 256-wide MLP stays in Java");
        assertFalse(BlasGemm.large(64, 64, 64), "a 64³ product is cheaper in Java than across JNI");
        assertFalse(BlasGemm.large(1, 4096, 4096), "one row is a matrix-vector product");
        assertFalse(BlasGemm.large(4096, 4096, 8), "a few columns stay in Java");
        assertTrue(BlasGemm.route().contains("OpenBLAS") || BlasGemm.route().contains("Vector API"));
    }

    private interface ProductCase {
        void check(int m, int k, int n, boolean ta, boolean tb);
    }

    private static void forEachProduct(ProductCase c) {
        for (int[] mkn : SIZES) {
            for (int mode = 0; mode < 4; mode++) {
                c.check(mkn[0], mkn[1], mkn[2], (mode & 1) != 0, (mode & 2) != 0);
            }
        }
    }

    private static double[] definition(double[] a, boolean ta, double[] b, boolean tb, int m, int k, int n) {
        double[] r = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int t = 0; t < k; t++) {
                    s += (ta ? a[t * m + i] : a[i * k + t]) * (tb ? b[j * k + t] : b[t * n + j]);
                }
                r[i * n + j] = s;
            }
        }
        return r;
    }

    private static String where(int m, int k, int n, boolean ta, boolean tb) {
        return "m=" + m + " k=" + k + " n=" + n + " ta=" + ta + " tb=" + tb;
    }

    private static double[] values(SplittableRandom rnd, int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) rnd.nextDouble(-1, 1);
        }
        return a;
    }
}
