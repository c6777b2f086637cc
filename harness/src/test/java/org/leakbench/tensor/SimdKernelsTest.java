package org.leakbench.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Vector API element-wise loops against the scalar ones, on lengths that leave every possible tail
 * after the vector part: arithmetic must agree bit for bit, exp/log/tanh/sigmoid to one float ulp.
 */
class SimdKernelsTest {
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 8, 9, 33, 1000})
    void arithmeticIsBitForBitTheScalarLoop(int n) {
        SplittableRandom rnd = new SplittableRandom(n);
        double[] x = values(rnd, n, 10);
        double[] y = values(rnd, n, 10);
        for (JavaKernels.Binary op : JavaKernels.Binary.values()) {
            double[] r = new double[n];
            double[] ref = new double[n];
            SimdKernels.same(op, x, y, r);
            JavaKernels.same(op, x, y, ref, true);
            assertArrayEquals(ref, r, 0.0, op.name());
        }
        double[] r = new double[n];
        double[] ref = new double[n];
        SimdKernels.scale(x, 0.3, r);
        JavaKernels.scale(x, 0.3, ref, true);
        assertArrayEquals(ref, r, 0.0, "scale");
        SimdKernels.square(x, r);
        JavaKernels.square(x, ref, true);
        assertArrayEquals(ref, r, 0.0, "square");
        double[] outer = new double[n * 3];
        double[] outerRef = new double[n * 3];
        double[] three = {0.5, -1.25, 7};
        SimdKernels.outer(three, x, outer);
        JavaKernels.outer(three, x, outerRef, true);
        assertArrayEquals(outerRef, outer, 0.0, "outer");
        double[] raw = new double[n];
        for (int i = 0; i < n; i++) {
            raw[i] = rnd.nextDouble(-1e3, 1e3);
        }
        double[] a = raw.clone();
        double[] b = raw.clone();
        SimdKernels.roundToFloat(a);
        JavaKernels.roundToFloat(b);
        assertArrayEquals(b, a, 0.0, "roundToFloat");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 9, 33, 1000})
    void transcendentalsAgreeToAFloatUlp(int n) {
        SplittableRandom rnd = new SplittableRandom(n);
        double[] x = values(rnd, n, 30);
        x[0] = -1000; // sigmoid must give 0, not NaN, where e^-v overflows
        check(JavaKernels.Unary.EXP, x, Math::exp);
        check(JavaKernels.Unary.TANH, x, Math::tanh);
        check(JavaKernels.Unary.SIGMOID, x, v -> 1.0 / (1.0 + Math.exp(-v)));
        double[] pos = new double[n];
        for (int i = 0; i < n; i++) {
            pos[i] = Math.abs(x[i]) + 1e-3;
        }
        check(JavaKernels.Unary.LOG, pos, Math::log);
    }

    private static void check(JavaKernels.Unary f, double[] x, DoubleUnaryOperator ref) {
        double[] r = new double[x.length];
        SimdKernels.unary(f, x, r);
        for (int i = 0; i < x.length; i++) {
            float want = (float) ref.applyAsDouble(x[i]);
            assertTrue(Math.abs(r[i] - want) <= Math.ulp(want), f + "(" + x[i] + ") = " + r[i] + ", want " + want);
            assertEquals((float) r[i], r[i], 0.0, f + ": not a float32 value");
        }
    }

    private static double[] values(SplittableRandom rnd, int n, double range) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) rnd.nextDouble(-range, range);
        }
        return a;
    }
}
