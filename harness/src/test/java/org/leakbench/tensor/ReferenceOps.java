package org.leakbench.tensor;

import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;

/**
 * Reference results for the backend contract tests, written as the most direct loops over
 * multi-indices so that they share no code with either backend.
 */
final class ReferenceOps {
    private ReferenceOps() {}

    static double[] random(SplittableRandom rng, int n, double lo, double hi) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = lo + (hi - lo) * rng.nextDouble();
        }
        return d;
    }

    /** Values as the tensor holds them: rounded to float for F32. */
    static double[] rounded(double[] d, DType dtype) {
        double[] r = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            r[i] = dtype.round(d[i]);
        }
        return r;
    }

    static int size(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** The multi-index of flat row-major position {@code flat}. */
    static int[] unravel(int flat, int[] shape) {
        int[] idx = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            idx[d] = flat % shape[d];
            flat /= shape[d];
        }
        return idx;
    }

    /** Flat position in an operand of shape {@code small} read at result index {@code idx} (NumPy rules). */
    static int broadcastSource(int[] idx, int[] small) {
        int off = idx.length - small.length;
        int flat = 0;
        for (int d = 0; d < small.length; d++) {
            int i = small[d] == 1 ? 0 : idx[d + off];
            flat = flat * small[d] + i;
        }
        return flat;
    }

    static double[] binary(double[] x, int[] xs, double[] y, int[] ys, int[] out, DoubleBinaryOperator op) {
        double[] r = new double[size(out)];
        for (int i = 0; i < r.length; i++) {
            int[] idx = unravel(i, out);
            r[i] = op.applyAsDouble(x[broadcastSource(idx, xs)], y[broadcastSource(idx, ys)]);
        }
        return r;
    }

    static double[] broadcast(double[] x, int[] xs, int[] out) {
        double[] r = new double[size(out)];
        for (int i = 0; i < r.length; i++) {
            r[i] = x[broadcastSource(unravel(i, out), xs)];
        }
        return r;
    }

    static double[] sumTo(double[] x, int[] xs, int[] small) {
        double[] r = new double[size(small)];
        for (int i = 0; i < x.length; i++) {
            r[broadcastSource(unravel(i, xs), small)] += x[i];
        }
        return r;
    }

    /** op(a) op(b) with a [ar, ac] and b [br, bc]. */
    static double[] matmul(double[] a, int ar, int ac, double[] b, int br, int bc, boolean ta, boolean tb) {
        int m = ta ? ac : ar;
        int k = ta ? ar : ac;
        int n = tb ? br : bc;
        double[] r = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    double av = ta ? a[p * ac + i] : a[i * ac + p];
                    double bv = tb ? b[j * bc + p] : b[p * bc + j];
                    s += av * bv;
                }
                r[i * n + j] = s;
            }
        }
        return r;
    }

    static double[] transpose(double[] a, int rows, int cols) {
        double[] r = new double[a.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                r[j * rows + i] = a[i * cols + j];
            }
        }
        return r;
    }

    static double[] logSoftmax(double[] a, int rows, int cols) {
        double[] r = new double[a.length];
        for (int i = 0; i < rows; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, a[i * cols + j]);
            }
            double s = 0;
            for (int j = 0; j < cols; j++) {
                s += Math.exp(a[i * cols + j] - max);
            }
            for (int j = 0; j < cols; j++) {
                r[i * cols + j] = a[i * cols + j] - max - Math.log(s);
            }
        }
        return r;
    }

    /** Input element read by output (b, o, r, q) at kernel tap (c, i, j), or -1 in the zero padding. */
    private static int tap(int[] xs, int b, int c, int r, int q, int i, int j, int stride, int pad) {
        int h = r * stride + i - pad;
        int w = q * stride + j - pad;
        if (h < 0 || h >= xs[2] || w < 0 || w >= xs[3]) {
            return -1;
        }
        return ((b * xs[1] + c) * xs[2] + h) * xs[3] + w;
    }

    static int[] convShape(int[] xs, int[] ws, int stride, int pad) {
        return new int[] {xs[0], ws[0], (xs[2] + 2 * pad - ws[2]) / stride + 1, (xs[3] + 2 * pad - ws[3]) / stride + 1};
    }

    /**
     * All three convolution maps from one loop over (output element, tap): y = conv(x, w), and with
     * output gradient g the input gradient gx and filter gradient gw. Any of x, w, g may be null.
     */
    static double[][] conv(double[] x, int[] xs, double[] w, int[] ws, double[] g, int stride, int pad) {
        int[] ys = convShape(xs, ws, stride, pad);
        double[] y = new double[size(ys)];
        double[] gx = new double[size(xs)];
        double[] gw = new double[size(ws)];
        for (int out = 0; out < y.length; out++) {
            int[] o = unravel(out, ys);
            for (int c = 0; c < ws[1]; c++) {
                for (int i = 0; i < ws[2]; i++) {
                    for (int j = 0; j < ws[3]; j++) {
                        int xi = tap(xs, o[0], c, o[2], o[3], i, j, stride, pad);
                        if (xi < 0) {
                            continue;
                        }
                        int wi = ((o[1] * ws[1] + c) * ws[2] + i) * ws[3] + j;
                        if (x != null && w != null) {
                            y[out] += x[xi] * w[wi];
                        }
                        if (g != null && w != null) {
                            gx[xi] += g[out] * w[wi];
                        }
                        if (g != null && x != null) {
                            gw[wi] += g[out] * x[xi];
                        }
                    }
                }
            }
        }
        return new double[][] {y, gx, gw};
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
