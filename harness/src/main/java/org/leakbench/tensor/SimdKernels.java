package org.leakbench.tensor;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Float32 element-wise loops of {@link JavaBackend} on the Vector API: the arithmetic runs in double lanes
 * (bit for bit what the scalar loops of {@link JavaKernels} compute) and each result is rounded to float in the
 * same pass; the transcendental functions use the JDK's vectorised exp, log and tanh, accurate to about an
 * ulp of double before the rounding to float. Float64 tensors never come here. Only loaded when
 * {@link SimdSupport#enabled()}.
 *
 * <p>No vector ever passes through a method of ours: the JDK 17 compiler keeps vectors in registers only
 * inside one compiled method, and a helper that is compiled on its own first (and is then too big to inline)
 * turns every call into boxed objects and a slow library path; that happened, and cost 10x at random.
 */
final class SimdKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    // Rounding to float32 is a conversion to float lanes and back.
    private static final VectorOperators.Conversion<Double, Float> D2F = VectorOperators.D2F;
    private static final VectorOperators.Conversion<Float, Double> F2D = VectorOperators.F2D;
    private static final DoubleVector ONE = DoubleVector.broadcast(S, 1.0);

    private SimdKernels() {
    }

    /** r[i] = x[i] op y[i], rounded to float. */
    static void same(JavaKernels.Binary op, double[] x, double[] y, double[] r) {
        // One small method per operation: the Vector API compiles an operation to instructions only when it
        // is a constant at the call site, and one method holding all three loops grew past what the JIT
        // inlines in some JVMs, which then ran it on the slow library path (a DLG step 25% slower at random).
        int done = switch (op) {
            case ADD -> add(x, y, r);
            case SUB -> sub(x, y, r);
            case MUL -> mul(x, y, r);
        };
        for (int i = done; i < r.length; i++) {
            double v = switch (op) {
                case ADD -> x[i] + y[i];
                case SUB -> x[i] - y[i];
                case MUL -> x[i] * y[i];
            };
            r[i] = (float) v;
        }
    }

    /** The whole vectors of r = x + y; returns where the scalar tail starts. */
    private static int add(double[] x, double[] y, double[] r) {
        int bound = S.loopBound(r.length);
        for (int i = 0; i < bound; i += S.length()) {
            DoubleVector out = DoubleVector.fromArray(S, x, i).add(DoubleVector.fromArray(S, y, i));
            ((DoubleVector) out.convert(D2F, 0).convert(F2D, 0)).intoArray(r, i);
        }
        return bound;
    }

    private static int sub(double[] x, double[] y, double[] r) {
        int bound = S.loopBound(r.length);
        for (int i = 0; i < bound; i += S.length()) {
            DoubleVector out = DoubleVector.fromArray(S, x, i).sub(DoubleVector.fromArray(S, y, i));
            ((DoubleVector) out.convert(D2F, 0).convert(F2D, 0)).intoArray(r, i);
        }
        return bound;
    }

    private static int mul(double[] x, double[] y, double[] r) {
        int bound = S.loopBound(r.length);
        for (int i = 0; i < bound; i += S.length()) {
            DoubleVector out = DoubleVector.fromArray(S, x, i).mul(DoubleVector.fromArray(S, y, i));
            ((DoubleVector) out.convert(D2F, 0).convert(F2D, 0)).intoArray(r, i);
        }
        return bound;
    }

    /** r[i] = s·x[i], rounded to float. */
    static void scale(double[] x, double s, double[] r) {
        int i = 0;
        for (; i < S.loopBound(r.length); i += S.length()) {
            DoubleVector out = DoubleVector.fromArray(S, x, i).mul(s);
            ((DoubleVector) out.convert(D2F, 0).convert(F2D, 0)).intoArray(r, i);
        }
        for (; i < r.length; i++) {
            r[i] = (float) (s * x[i]);
        }
    }

    /** r[i·n + j] = a[i]·b[j], rounded to float: the outer product of a weight gradient at batch 1. */
    static void outer(double[] a, double[] b, double[] r) {
        int n = b.length;
        int bound = S.loopBound(n);
        for (int i = 0; i < a.length; i++) {
            double ai = a[i];
            int o = i * n;
            int j = 0;
            for (; j < bound; j += S.length()) {
                DoubleVector out = DoubleVector.fromArray(S, b, j).mul(ai);
                ((DoubleVector) out.convert(D2F, 0).convert(F2D, 0)).intoArray(r, o + j);
            }
            for (; j < n; j++) {
                r[o + j] = (float) (ai * b[j]);
            }
        }
    }

    /** r[i] = x[i]², rounded to float. */
    static void square(double[] x, double[] r) {
        int i = 0;
        for (; i < S.loopBound(r.length); i += S.length()) {
            DoubleVector v = DoubleVector.fromArray(S, x, i);
            DoubleVector out = v.mul(v);
            ((DoubleVector) out.convert(D2F, 0).convert(F2D, 0)).intoArray(r, i);
        }
        for (; i < r.length; i++) {
            r[i] = (float) (x[i] * x[i]);
        }
    }

    /** r[i] = f(x[i]), rounded to float. */
    static void unary(JavaKernels.Unary f, double[] x, double[] r) {
        int done = switch (f) { // one small method per function, for the reasons given in same()
            case EXP -> exp(x, r);
            case LOG -> log(x, r);
            case TANH -> tanh(x, r);
            case SIGMOID -> sigmoid(x, r);
        };
        for (int i = done; i < r.length; i++) {
            double v = x[i];
            double y = switch (f) {
                case EXP -> Math.exp(v);
                case LOG -> Math.log(v);
                case TANH -> Math.tanh(v);
                case SIGMOID -> 1.0 / (1.0 + Math.exp(-v));
            };
            r[i] = (float) y;
        }
    }

    private static int exp(double[] x, double[] r) {
        int bound = S.loopBound(r.length);
        for (int i = 0; i < bound; i += S.length()) {
            DoubleVector out = DoubleVector.fromArray(S, x, i).lanewise(VectorOperators.EXP);
            ((DoubleVector) out.convert(D2F, 0).convert(F2D, 0)).intoArray(r, i);
        }
        return bound;
    }

    private static int log(double[] x, double[] r) {
        int bound = S.loopBound(r.length);
        for (int i = 0; i < bound; i += S.length()) {
            DoubleVector out = DoubleVector.fromArray(S, x, i).lanewise(VectorOperators.LOG);
            ((DoubleVector) out.convert(D2F, 0).convert(F2D, 0)).intoArray(r, i);
        }
        return bound;
    }

    private static int tanh(double[] x, double[] r) {
        int bound = S.loopBound(r.length);
        for (int i = 0; i < bound; i += S.length()) {
            DoubleVector out = DoubleVector.fromArray(S, x, i).lanewise(VectorOperators.TANH);
            ((DoubleVector) out.convert(D2F, 0).convert(F2D, 0)).intoArray(r, i);
        }
        return bound;
    }

    /** 1 / (1 + e^-v): e^-v overflows to +inf for very negative v and the quotient to 0, never NaN. */
    private static int sigmoid(double[] x, double[] r) {
        int bound = S.loopBound(r.length);
        for (int i = 0; i < bound; i += S.length()) {
            DoubleVector e = DoubleVector.fromArray(S, x, i).neg().lanewise(VectorOperators.EXP);
            DoubleVector out = ONE.div(e.add(1.0));
            ((DoubleVector) out.convert(D2F, 0).convert(F2D, 0)).intoArray(r, i);
        }
        return bound;
    }

    /** Rounds every element to float, in place. */
    static void roundToFloat(double[] d) {
        int i = 0;
        for (; i < S.loopBound(d.length); i += S.length()) {
            DoubleVector out = DoubleVector.fromArray(S, d, i);
            ((DoubleVector) out.convert(D2F, 0).convert(F2D, 0)).intoArray(d, i);
        }
        for (; i < d.length; i++) {
            d[i] = (float) d[i];
        }
    }
}
