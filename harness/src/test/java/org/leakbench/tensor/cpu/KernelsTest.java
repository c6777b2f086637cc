package org.leakbench.tensor.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Vector API kernels against the scalar ones, on lengths that leave every possible tail
 * after the vector part: arithmetic must agree bit for bit, exp/log/tanh/sigmoid to one float ulp of the
 * double result, sums and products to float accuracy.
 */
class KernelsTest {
    private static final Kernels VECTOR = new VectorKernels();
    private static final Kernels SCALAR = new ScalarKernels();

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 8, 9, 16, 33, 1000})
    void arithmeticIsBitForBitTheScalarLoop(int n) {
        SplittableRandom rnd = new SplittableRandom(n);
        float[] x = values(rnd, n, 10);
        float[] y = values(rnd, n, 10);
        for (Kernels.Binary op : Kernels.Binary.values()) {
            float[] r = new float[n];
            float[] ref = new float[n];
            VECTOR.same(op, x, y, r);
            SCALAR.same(op, x, y, ref);
            assertArrayEquals(ref, r, 0f, op.name());
        }
        float[] r = new float[n];
        float[] ref = new float[n];
        VECTOR.withScalar(Kernels.Binary.MUL, x, 0, n, 0.3f, r, true);
        SCALAR.withScalar(Kernels.Binary.MUL, x, 0, n, 0.3f, ref, true);
        assertArrayEquals(ref, r, 0f, "scale");
        VECTOR.square(x, r);
        SCALAR.square(x, ref);
        assertArrayEquals(ref, r, 0f, "square");
        float[] outer = new float[n * 3];
        float[] outerRef = new float[n * 3];
        float[] three = {0.5f, -1.25f, 7};
        VectorKernels.outer(three, x, outer);
        ScalarKernels.outer(three, x, outerRef);
        assertArrayEquals(outerRef, outer, 0f, "outer");
        // Float products are the double product rounded once, so both agree with the float64 loop rounded.
        double[] wide = new double[n];
        DoubleLoops.same(Kernels.Binary.MUL, JavaTensor.widen(x), JavaTensor.widen(y), wide);
        VECTOR.same(Kernels.Binary.MUL, x, y, r);
        assertArrayEquals(JavaTensor.narrow(wide), r, 0f, "float mul is the double one rounded");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 8, 17, 40})
    void repeatedOperandsAreBitForBitTheScalarLoop(int m) {
        SplittableRandom rnd = new SplittableRandom(m);
        float[] big = values(rnd, m * 5, 10);
        float[] small = values(rnd, m, 10);
        for (Kernels.Binary op : Kernels.Binary.values()) {
            for (boolean right : new boolean[] {true, false}) {
                float[] r = new float[big.length];
                float[] ref = new float[big.length];
                VECTOR.repeated(op, big, small, r, right);
                SCALAR.repeated(op, big, small, ref, right);
                assertArrayEquals(ref, r, 0f, op + (right ? " small on the right" : " small on the left"));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15, 16, 17, 1000})
    void fusedDistanceKernelsAgreeWithTheScalarLoops(int n) {
        SplittableRandom rnd = new SplittableRandom(n);
        float[] x = values(rnd, n, 3);
        float[] y = values(rnd, n, 3);
        assertEquals(SCALAR.sumOfSquaredDifferences(x, y), VECTOR.sumOfSquaredDifferences(x, y), 1e-12 * (n + 1));
        assertEquals(SCALAR.dot(x, y), VECTOR.dot(x, y), 1e-12 * (n + 1));
        float[] r = new float[n];
        float[] ref = new float[n];
        VECTOR.scaledDifference(x, y, -1.5f, r);
        SCALAR.scaledDifference(x, y, -1.5f, ref);
        assertArrayEquals(ref, r, 0f);
        VECTOR.sigmoidBackward(x, y, r);
        SCALAR.sigmoidBackward(x, y, ref);
        assertArrayEquals(ref, r, 0f, "sigmoidBackward");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15, 16, 17, 49, 196})
    void channelsOfABroadcastAreBitForBitTheScalarLoop(int n) {
        SplittableRandom rnd = new SplittableRandom(n);
        float[] big = values(rnd, n + 10, 10);
        for (Kernels.Binary op : Kernels.Binary.values()) {
            for (boolean right : new boolean[] {true, false}) {
                float[] r = new float[big.length];
                float[] ref = new float[big.length];
                VECTOR.withScalar(op, big, 3, n, 1.75f, r, right);
                SCALAR.withScalar(op, big, 3, n, 1.75f, ref, right);
                assertArrayEquals(ref, r, 0f, op + " " + right);
                assertEquals(0f, r[2], "nothing before the range is written");
                assertEquals(0f, r[n + 3], "nothing after the range is written");
            }
        }
        assertEquals(SCALAR.sum(big, 3, n), VECTOR.sum(big, 3, n), 1e-12 * (n + 1));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15, 16, 17, 1000, 100_003})
    void sumsAccumulateInDouble(int n) {
        float[] x = values(new SplittableRandom(n), n, 1);
        double want = 0;
        for (float v : x) {
            want += v;
        }
        assertEquals(want, VECTOR.sum(x, 0, x.length), 1e-12 * Math.max(1, n));
        assertEquals(want, SCALAR.sum(x, 0, x.length), 1e-12 * Math.max(1, n));
        if (n > 0) {
            float[] withNaN = x.clone();
            withNaN[n - 1] = Float.NaN;
            assertTrue(Double.isNaN(VECTOR.sum(withNaN, 0, withNaN.length)), "a NaN anywhere gives NaN");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void fewRowProductsMatchTheDefinitionForEveryTranspose(int m) {
        for (int n : new int[] {5, 19, 150}) { // the scalar tail, single vectors, blocks of four vectors
            fewRows(m, 37, n);
        }
    }

    private static void fewRows(int m, int k, int n) {
        SplittableRandom rnd = new SplittableRandom(m * 1000L + n);
        float[] a = values(rnd, m * k, 1);
        float[] b = values(rnd, k * n, 1);
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                if (ta && tb) {
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> VectorKernels.fewRows(a, true, b, true, m, k, n, new float[m * n]));
                    continue;
                }
                float[] c = new float[m * n];
                VectorKernels.fewRows(a, ta, b, tb, m, k, n, c);
                float[] parts = new float[m * n]; // built in bands of columns, as threads would
                int cut = Math.min(n, VectorKernels.fewRowsColumnGrain());
                VectorKernels.fewRows(a, ta, b, tb, m, k, n, parts, cut, n);
                VectorKernels.fewRows(a, ta, b, tb, m, k, n, parts, 0, cut);
                assertArrayEquals(c, parts, "in two bands, n=" + n + " transposes " + ta + "/" + tb);
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        double want = 0;
                        for (int t = 0; t < k; t++) {
                            want += (double) (ta ? a[t * m + i] : a[i * k + t]) * (tb ? b[j * k + t] : b[t * n + j]);
                        }
                        assertEquals(want, c[i * n + j], 4e-7 * k, "n=" + n + " transposes " + ta + "/" + tb);
                    }
                }
            }
        }
        float[] inf = b.clone();
        inf[0] = Float.POSITIVE_INFINITY;
        float[] c = new float[m * n];
        VectorKernels.fewRows(new float[m * k], false, inf, false, m, k, n, c);
        assertTrue(Float.isNaN(c[0]), "0 · inf is NaN, so divergence is not hidden");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 9, 33, 1000})
    void transcendentalsAgreeToAFloatUlp(int n) {
        SplittableRandom rnd = new SplittableRandom(n);
        float[] x = values(rnd, n, 30);
        x[0] = -1000; // sigmoid must give 0, not NaN, where e^-v overflows
        check(Kernels.Unary.EXP, x, Math::exp);
        check(Kernels.Unary.TANH, x, Math::tanh);
        check(Kernels.Unary.SIGMOID, x, v -> 1.0 / (1.0 + Math.exp(-v)));
        float[] pos = new float[n];
        for (int i = 0; i < n; i++) {
            pos[i] = Math.abs(x[i]) + 1e-3f;
        }
        check(Kernels.Unary.LOG, pos, Math::log);
    }

    private static void check(Kernels.Unary f, float[] x, DoubleUnaryOperator ref) {
        for (Kernels k : new Kernels[] {VECTOR, SCALAR}) {
            float[] r = new float[x.length];
            k.unary(f, x, r);
            for (int i = 0; i < x.length; i++) {
                float want = (float) ref.applyAsDouble(x[i]);
                assertTrue(
                        Math.abs(r[i] - want) <= Math.ulp(want),
                        k.getClass().getSimpleName() + " " + f + "(" + x[i] + ") = " + r[i] + ", want " + want);
            }
        }
    }

    private static float[] values(SplittableRandom rnd, int n, double range) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) rnd.nextDouble(-range, range);
        }
        return a;
    }
}
