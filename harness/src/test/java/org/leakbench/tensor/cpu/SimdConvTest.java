package org.leakbench.tensor.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.leakbench.tensor.Conv2dSpec;
import org.leakbench.tensor.Shape;
import org.leakbench.tensor.SimdSupport;

/**
 * The Vector API convolutions against the scalar float64 loops of {@link JavaConv}, on geometries that reach
 * every tile of the product (channel counts below, at and above a vector, batches, strides 1–3, paddings that
 * cut patches), run largest first so that reused scratch buffers must not leak into smaller calls.
 */
class SimdConvTest {
    // n, c, h, w, k, kh, kw, stride, padding
    private static final int[][] GEOMETRIES = {
        {5, 12, 14, 14, 12, 5, 5, 2, 2},
        {2, 3, 11, 13, 17, 5, 3, 3, 2},
        {1, 1, 28, 28, 12, 5, 5, 2, 2},
        {1, 12, 7, 7, 12, 5, 5, 1, 2},
        {3, 2, 9, 7, 5, 3, 3, 1, 1},
        {2, 3, 7, 6, 4, 3, 2, 2, 0},
        {1, 1, 4, 4, 1, 4, 4, 1, 0},
        {1, 2, 5, 5, 3, 1, 1, 1, 0},
    };

    private static final OpThreads ONE = new OpThreads(1);

    @Test
    void testsRunWithTheVectorApi() {
        assertTrue(SimdSupport.enabled(), "tests must run with --add-modules=jdk.incubator.vector (see the pom)");
        String d = new JavaBackend(1).description();
        assertTrue(d.contains("lanes"), d);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void allThreeMapsMatchTheScalarLoops(int round) {
        for (int[] geo : GEOMETRIES) {
            check(geo, 31L * round + geo[0] * 7L + geo[4]);
        }
    }

    private static void check(int[] geo, long seed) {
        int[] xs = {geo[0], geo[1], geo[2], geo[3]};
        int[] ws = {geo[4], geo[1], geo[5], geo[6]};
        Conv2dSpec spec = new Conv2dSpec(geo[7], geo[8]);
        int[] ys = spec.outputShape(xs, ws);
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = floats(rnd, Shape.size(xs));
        double[] w = floats(rnd, Shape.size(ws));
        double[] g = floats(rnd, Shape.size(ys));
        String where = java.util.Arrays.toString(geo);

        float[] xf = JavaTensor.narrow(x);
        float[] wf = JavaTensor.narrow(w);
        float[] gf = JavaTensor.narrow(g);
        float[] y = new float[Shape.size(ys)];
        double[] yRef = new double[y.length];
        SimdConv.forward(xf, xs, wf, ws, y, ys, spec, ONE);
        JavaConv.forward(x, xs, w, ws, yRef, ys, spec);
        assertClose(yRef, y, ws[1] * ws[2] * ws[3], "forward " + where);

        float[] gx = new float[x.length];
        double[] gxRef = new double[x.length];
        SimdConv.inputAdjoint(gf, ys, wf, ws, gx, xs, spec, ONE);
        JavaConv.inputAdjoint(g, ys, w, ws, gxRef, xs, spec);
        assertClose(gxRef, gx, ws[0] * ws[2] * ws[3], "input adjoint " + where);

        float[] gw = new float[w.length];
        double[] gwRef = new double[w.length];
        SimdConv.filterAdjoint(xf, xs, gf, ys, gw, ws, spec, ONE);
        JavaConv.filterAdjoint(x, xs, g, ys, gwRef, ws, spec);
        assertClose(gwRef, gw, ys[0] * ys[2] * ys[3], "filter adjoint " + where);
    }

    /**
     * Shared out over threads (with no work threshold, so even the small geometries split), every map gives
     * the same floats as on one thread, bit for bit: each value is still computed by one thread in one order.
     * Extra geometries are LeNet-28's three layers at batch 32, which split at the default threshold too.
     */
    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void sharingOutOverThreadsChangesNoBit(int threads) {
        OpThreads many = new OpThreads(threads, 0);
        int[][] lenet = {
            {32, 1, 28, 28, 12, 5, 5, 2, 2},
            {32, 12, 14, 14, 12, 5, 5, 2, 2},
            {32, 12, 7, 7, 12, 5, 5, 1, 2},
            {7, 3, 9, 9, 5, 3, 3, 1, 1}
        };
        for (int[][] set : new int[][][] {lenet, GEOMETRIES}) {
            for (int[] geo : set) {
                int[] xs = {geo[0], geo[1], geo[2], geo[3]};
                int[] ws = {geo[4], geo[1], geo[5], geo[6]};
                Conv2dSpec spec = new Conv2dSpec(geo[7], geo[8]);
                int[] ys = spec.outputShape(xs, ws);
                SplittableRandom rnd = new SplittableRandom(geo[0] * 101L + geo[1]);
                float[] x = JavaTensor.narrow(floats(rnd, Shape.size(xs)));
                float[] w = JavaTensor.narrow(floats(rnd, Shape.size(ws)));
                float[] g = JavaTensor.narrow(floats(rnd, Shape.size(ys)));
                String where = java.util.Arrays.toString(geo) + " on " + threads + " threads";
                float[] y1 = new float[Shape.size(ys)];
                float[] yn = new float[y1.length];
                SimdConv.forward(x, xs, w, ws, y1, ys, spec, ONE);
                SimdConv.forward(x, xs, w, ws, yn, ys, spec, many);
                assertArrayEquals(y1, yn, "forward " + where);
                float[] gx1 = new float[x.length];
                float[] gxn = new float[x.length];
                SimdConv.inputAdjoint(g, ys, w, ws, gx1, xs, spec, ONE);
                SimdConv.inputAdjoint(g, ys, w, ws, gxn, xs, spec, many);
                assertArrayEquals(gx1, gxn, "input adjoint " + where);
                float[] gw1 = new float[w.length];
                float[] gwn = new float[w.length];
                SimdConv.filterAdjoint(x, xs, g, ys, gw1, ws, spec, ONE);
                SimdConv.filterAdjoint(x, xs, g, ys, gwn, ws, spec, many);
                assertArrayEquals(gw1, gwn, "filter adjoint " + where);
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

    /** Float accumulation of {@code terms} products of magnitude at most 1. */
    private static void assertClose(double[] expected, float[] actual, int terms, String what) {
        assertEquals(expected.length, actual.length, what);
        double tol = 4e-7 * terms + 1e-6;
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tol, what + " at " + i);
        }
    }
}
