package org.leakbench.tensor.cpu;

import java.util.function.Consumer;
import org.leakbench.tensor.Conv2dSpec;
import org.leakbench.tensor.MatmulShape;
import org.leakbench.tensor.SimdSupport;

/**
 * The {@link Kernels} in plain loops, for JVMs without the Vector API: element-wise maps written out per
 * operation in float (so that the JIT compiles each to a tight loop instead of calling a lambda per element),
 * bit for bit what {@link VectorKernels} computes; products and convolutions widened to the double loops that
 * float64 tensors use ({@link DoubleLoops}, {@link JavaConv}) and rounded once.
 */
final class ScalarKernels implements Kernels {
    @Override
    public String description() {
        if (SimdSupport.moduleResolved()) {
            return "float32 in scalar loops (-D" + SimdSupport.PROPERTY + "=false)";
        }
        return "float32 in scalar loops (start Java with --add-modules=" + SimdSupport.MODULE
                + " for SIMD, 6-9x faster convolutional models)";
    }

    @Override
    public void same(Binary op, float[] x, float[] y, float[] r) {
        int n = r.length;
        switch (op) {
            case ADD -> {
                for (int i = 0; i < n; i++) {
                    r[i] = x[i] + y[i];
                }
            }
            case SUB -> {
                for (int i = 0; i < n; i++) {
                    r[i] = x[i] - y[i];
                }
            }
            case MUL -> {
                for (int i = 0; i < n; i++) {
                    r[i] = x[i] * y[i];
                }
            }
            default -> throw new AssertionError(op);
        }
    }

    @Override
    public void repeated(Binary op, float[] big, float[] small, float[] r, boolean smallOnRight) {
        int m = small.length;
        for (int base = 0; base < r.length; base += m) {
            for (int j = 0; j < m; j++) {
                r[base + j] = smallOnRight ? op.apply(big[base + j], small[j]) : op.apply(small[j], big[base + j]);
            }
        }
    }

    @Override
    public void withScalar(Binary op, float[] big, int from, int n, float c, float[] r, boolean smallOnRight) {
        for (int i = from; i < from + n; i++) {
            r[i] = smallOnRight ? op.apply(big[i], c) : op.apply(c, big[i]);
        }
    }

    @Override
    public void square(float[] x, float[] r) {
        for (int i = 0; i < r.length; i++) {
            r[i] = x[i] * x[i];
        }
    }

    @Override
    public void unary(Unary f, float[] x, float[] r) {
        for (int i = 0; i < r.length; i++) {
            r[i] = (float) f.exact.applyAsDouble(x[i]);
        }
    }

    /** In four partial sums, as {@link DoubleLoops#sum(double[], int, int)}. */
    @Override
    public double sum(float[] x, int from, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = from;
        int end = from + n;
        for (; i + 3 < end; i += 4) {
            s0 += x[i];
            s1 += x[i + 1];
            s2 += x[i + 2];
            s3 += x[i + 3];
        }
        for (; i < end; i++) {
            s0 += x[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public double dot(float[] x, float[] y) {
        double s0 = 0;
        double s1 = 0;
        int i = 0;
        for (; i + 1 < x.length; i += 2) {
            s0 += (double) x[i] * y[i];
            s1 += (double) x[i + 1] * y[i + 1];
        }
        for (; i < x.length; i++) {
            s0 += (double) x[i] * y[i];
        }
        return s0 + s1;
    }

    @Override
    public double sumOfSquaredDifferences(float[] x, float[] y) {
        double s0 = 0;
        double s1 = 0;
        int i = 0;
        for (; i + 1 < x.length; i += 2) {
            double d0 = x[i] - y[i];
            double d1 = x[i + 1] - y[i + 1];
            s0 += d0 * d0;
            s1 += d1 * d1;
        }
        for (; i < x.length; i++) {
            double d = x[i] - y[i];
            s0 += d * d;
        }
        return s0 + s1;
    }

    @Override
    public void scaledDifference(float[] x, float[] y, float s, float[] r) {
        for (int i = 0; i < r.length; i++) {
            r[i] = s * (x[i] - y[i]);
        }
    }

    @Override
    public void sigmoidBackward(float[] y, float[] g, float[] r) {
        for (int i = 0; i < r.length; i++) {
            r[i] = g[i] * (y[i] * (-y[i] + 1f));
        }
    }

    /** An outer product in float (exact either way); anything else in double, rounded once. */
    @Override
    public void matmul(
            float[] a, boolean transposeA, float[] b, boolean transposeB, MatmulShape s, float[] r, OpThreads threads) {
        if (s.k() == 1) {
            outer(a, b, r);
        } else {
            narrow(DoubleLoops.matmul(JavaTensor.widen(a), transposeA, JavaTensor.widen(b), transposeB, s), r);
        }
    }

    /** r[i·n + j] = a[i] · b[j] for a of length m and b of length n. */
    static void outer(float[] a, float[] b, float[] r) {
        int n = b.length;
        for (int i = 0; i < a.length; i++) {
            float ai = a[i];
            int o = i * n;
            for (int j = 0; j < n; j++) {
                r[o + j] = ai * b[j];
            }
        }
    }

    @Override
    public void conv2d(
            float[] x, int[] xs, float[] w, int[] ws, float[] y, int[] ys, Conv2dSpec spec, OpThreads threads) {
        inDouble(y, out -> JavaConv.forward(JavaTensor.widen(x), xs, JavaTensor.widen(w), ws, out, ys, spec));
    }

    @Override
    public void conv2dInputAdjoint(
            float[] g, int[] gs, float[] w, int[] ws, float[] gx, int[] xs, Conv2dSpec spec, OpThreads threads) {
        inDouble(gx, out -> JavaConv.inputAdjoint(JavaTensor.widen(g), gs, JavaTensor.widen(w), ws, out, xs, spec));
    }

    @Override
    public void conv2dFilterAdjoint(
            float[] x, int[] xs, float[] g, int[] gs, float[] gw, int[] ws, Conv2dSpec spec, OpThreads threads) {
        inDouble(gw, out -> JavaConv.filterAdjoint(JavaTensor.widen(x), xs, JavaTensor.widen(g), gs, out, ws, spec));
    }

    /** Runs {@code map} into a zeroed double array of the result's length, then rounds that into the result. */
    private static void inDouble(float[] result, Consumer<double[]> map) {
        double[] out = new double[result.length];
        map.accept(out);
        narrow(out, result);
    }

    /** Rounds d into f (to nearest, as a cast does). */
    private static void narrow(double[] d, float[] f) {
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) d[i];
        }
    }
}
