package org.leakbench.tensor.cpu;

import java.util.function.DoubleUnaryOperator;
import org.leakbench.tensor.Conv2dSpec;
import org.leakbench.tensor.MatmulShape;
import org.leakbench.tensor.SimdSupport;

/**
 * The float32 loops of {@link JavaBackend}: element-wise maps, fused distances, products and convolutions.
 * Two implementations compute the same results: {@link VectorKernels} on the JDK's Vector API, and
 * {@link ScalarKernels} in plain loops for JVMs without {@code jdk.incubator.vector} (or with
 * {@code -Dleakbench.simd=false}). Arithmetic agrees bit for bit; transcendental functions to a float ulp;
 * products and convolutions to float rounding (the scalar ones accumulate in double). {@link #CHOSEN} is picked
 * once, when the class is first used, by {@link SimdSupport#enabled()}. Float64 tensors never come here.
 */
interface Kernels {
    /** The implementation this JVM runs. */
    Kernels CHOSEN = choose();

    /** Binary operations with a written-out loop. */
    enum Binary {
        ADD,
        SUB,
        MUL;

        float apply(float x, float y) {
            return switch (this) {
                case ADD -> x + y;
                case SUB -> x - y;
                case MUL -> x * y;
            };
        }

        double apply(double x, double y) {
            return switch (this) {
                case ADD -> x + y;
                case SUB -> x - y;
                case MUL -> x * y;
            };
        }
    }

    /** Functions with a vectorised float32 form; {@link #exact} is the double function the scalar loops apply. */
    enum Unary {
        EXP(Math::exp),
        LOG(Math::log),
        TANH(Math::tanh),
        /** In the form that never divides infinity by infinity. */
        SIGMOID(v -> v >= 0 ? 1.0 / (1.0 + Math.exp(-v)) : Math.exp(v) / (1.0 + Math.exp(v)));

        final DoubleUnaryOperator exact;

        Unary(DoubleUnaryOperator exact) {
            this.exact = exact;
        }
    }

    // The Vector API classes must not be loaded on a JVM without the module: only the chosen one is created.
    private static Kernels choose() {
        if (SimdSupport.enabled()) {
            return new VectorKernels();
        }
        return new ScalarKernels();
    }

    /** One line on where float32 work runs, for {@code leakbench env} and provenance. */
    String description();

    /** r[i] = x[i] op y[i]. */
    void same(Binary op, float[] x, float[] y, float[] r);

    /**
     * r = big op small where small repeats every small.length elements of big (a bias row, a scalar),
     * {@code smallOnRight} saying which side it is on; small is not empty.
     */
    void repeated(Binary op, float[] big, float[] small, float[] r, boolean smallOnRight);

    /** r[from + i] = big[from + i] op c (or c op big[from + i]) for i below n: a scalar, or one channel. */
    void withScalar(Binary op, float[] big, int from, int n, float c, float[] r, boolean smallOnRight);

    /** r[i] = x[i]². */
    void square(float[] x, float[] r);

    /** r[i] = f(x[i]), computed in double and rounded to float. */
    void unary(Unary f, float[] x, float[] r);

    /** The sum of x[from .. from + n), accumulated in double. */
    double sum(float[] x, int from, int n);

    /** Σ x·y, every product exact in double and summed in double. */
    double dot(float[] x, float[] y);

    /** Σ (x − y)², each difference rounded to float, squared and accumulated in double. */
    double sumOfSquaredDifferences(float[] x, float[] y);

    /** r[i] = s · (x[i] − y[i]), in float. */
    void scaledDifference(float[] x, float[] y, float s, float[] r);

    /** r[i] = g[i] · (y[i] · (1 − y[i])), in float. */
    void sigmoidBackward(float[] y, float[] g, float[] r);

    /** r = op(a)·op(b) for float32 matrices of sizes {@code s}; large ones may share out over {@code threads}. */
    void matmul(
            float[] a, boolean transposeA, float[] b, boolean transposeB, MatmulShape s, float[] r, OpThreads threads);

    /** The convolution y = x ⋆ w (shapes xs, ws, ys). */
    void conv2d(float[] x, int[] xs, float[] w, int[] ws, float[] y, int[] ys, Conv2dSpec spec, OpThreads threads);

    /** The convolution's adjoint in its input: gx (shape xs) from the output-shaped g. */
    void conv2dInputAdjoint(
            float[] g, int[] gs, float[] w, int[] ws, float[] gx, int[] xs, Conv2dSpec spec, OpThreads threads);

    /** The convolution's adjoint in its filter: gw (shape ws) from input x and the output-shaped g. */
    void conv2dFilterAdjoint(
            float[] x, int[] xs, float[] g, int[] gs, float[] gw, int[] ws, Conv2dSpec spec, OpThreads threads);
}
