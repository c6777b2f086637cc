package org.leakbench.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.leakbench.tensor.cpu.JavaBackend;

/** The backend contract for the pure-Java backend with two op threads. */
class JavaBackendTwoThreadsTest extends BackendContractTest {
    private static final JavaBackend BACKEND = new JavaBackend(2);

    @Override
    protected Backend backend() {
        return BACKEND;
    }

    @Test
    void saysHowManyThreadsAnOpUses() {
        assertEquals(2, BACKEND.threads());
        assertTrue(BACKEND.description().contains("2 threads per op"), BACKEND.description());
        assertTrue(new JavaBackend(1).description().contains("single thread per op"));
    }

    /**
     * Products big enough to be shared out for real (a 784 × 1024 layer at batch 1 and 32, its weight gradient
     * as an outer product, its input gradient), in every transpose: the same bits as on one thread.
     */
    @Test
    void largeProductsComeOutAsOnOneThread() {
        JavaBackend one = new JavaBackend(1);
        SplittableRandom rnd = new SplittableRandom(7);
        int k = 784;
        int n = 1024;
        float[] w = values(rnd, k * n);
        for (int m : new int[] {1, 3, 32}) {
            float[] x = values(rnd, m * k);
            float[] g = values(rnd, m * n);
            String where = "batch " + m;
            same(one, x, new int[] {m, k}, false, w, new int[] {k, n}, false, "x·W " + where);
            same(one, x, new int[] {k, m}, true, w, new int[] {k, n}, false, "x^T·W " + where);
            same(one, g, new int[] {m, n}, false, w, new int[] {k, n}, true, "g·W^T " + where);
            same(one, x, new int[] {m, k}, true, g, new int[] {m, n}, false, "x^T·g " + where);
        }
    }

    private static void same(
            JavaBackend one, float[] a, int[] as, boolean ta, float[] b, int[] bs, boolean tb, String what) {
        float[] want =
                one.matmul(one.fromFloats(a, as), one.fromFloats(b, bs), ta, tb).toFloatArray();
        float[] got = BACKEND.matmul(BACKEND.fromFloats(a, as), BACKEND.fromFloats(b, bs), ta, tb)
                .toFloatArray();
        assertArrayEquals(want, got, what);
    }

    private static float[] values(SplittableRandom rnd, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rnd.nextDouble(-1, 1);
        }
        return v;
    }
}
