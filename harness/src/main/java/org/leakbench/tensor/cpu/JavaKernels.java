package org.leakbench.tensor.cpu;

/**
 * The element-wise loops of {@link JavaBackend} that dominate gradient inversion, written out per operation so
 * that the JIT compiles each to a tight loop instead of calling a lambda per element: a double version for
 * float64 tensors and a float version for float32 ones where the Vector API is not available
 * ({@link SimdKernels} computes the same floats bit for bit where it is).
 */
final class JavaKernels {
    /** Binary operations with a written-out loop. */
    enum Binary { ADD, SUB, MUL }

    /** Functions that also have a vectorised float32 form ({@link SimdKernels}). */
    enum Unary { EXP, LOG, TANH, SIGMOID }

    private JavaKernels() {
    }

    static double apply(Binary op, double x, double y) {
        return switch (op) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
        };
    }

    static float apply(Binary op, float x, float y) {
        return switch (op) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
        };
    }

    /** r[i] = x[i] op y[i]. */
    static void same(Binary op, double[] x, double[] y, double[] r) {
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

    /** r[i] = x[i] op y[i], in float. */
    static void same(Binary op, float[] x, float[] y, float[] r) {
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

    /**
     * r = x op y where the smaller operand repeats every {@code m} elements of the larger one (a trailing-suffix
     * broadcast, e.g. a bias row or a scalar); {@code smallOnRight} says which operand is the small one.
     */
    static void repeated(Binary op, double[] big, double[] small, double[] r, boolean smallOnRight) {
        int m = small.length;
        for (int base = 0; base < r.length; base += m) {
            for (int j = 0; j < m; j++) {
                r[base + j] = smallOnRight ? apply(op, big[base + j], small[j]) : apply(op, small[j], big[base + j]);
            }
        }
    }

    /** The float version of {@link #repeated(Binary, double[], double[], double[], boolean)}. */
    static void repeated(Binary op, float[] big, float[] small, float[] r, boolean smallOnRight) {
        int m = small.length;
        for (int base = 0; base < r.length; base += m) {
            for (int j = 0; j < m; j++) {
                r[base + j] = smallOnRight ? apply(op, big[base + j], small[j]) : apply(op, small[j], big[base + j]);
            }
        }
    }

    /** r[from + i] = big[from + i] op c (or c op big[from + i]) for i below n, in float. */
    static void withScalar(Binary op, float[] big, int from, int n, float c, float[] r, boolean smallOnRight) {
        for (int i = from; i < from + n; i++) {
            r[i] = smallOnRight ? apply(op, big[i], c) : apply(op, c, big[i]);
        }
    }

    /** r[i] = s * x[i]. */
    static void scale(double[] x, double s, double[] r) {
        for (int i = 0; i < r.length; i++) {
            r[i] = s * x[i];
        }
    }

    /** r[i] = x[i]². */
    static void square(double[] x, double[] r) {
        for (int i = 0; i < r.length; i++) {
            r[i] = x[i] * x[i];
        }
    }

    static void square(float[] x, float[] r) {
        for (int i = 0; i < r.length; i++) {
            r[i] = x[i] * x[i];
        }
    }

    /** r[i·n + j] = a[i] · b[j] for a of length m and b of length n. */
    static void outer(double[] a, double[] b, double[] r) {
        int n = b.length;
        for (int i = 0; i < a.length; i++) {
            double ai = a[i];
            int o = i * n;
            for (int j = 0; j < n; j++) {
                r[o + j] = ai * b[j];
            }
        }
    }

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

    /**
     * The sum in double, in four partial sums: one accumulator waits on every addition, which made summing a
     * weight-sized tensor cost as much as computing it.
     */
    static double sum(double[] x) {
        return sum(x, 0, x.length);
    }

    /** The sum of x[from .. from + n), as {@link #sum(double[])}. */
    static double sum(double[] x, int from, int n) {
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

    /** The sum of floats, accumulated in double as {@link #sum(double[])}. */
    static double sum(float[] x) {
        return sum(x, 0, x.length);
    }

    static double sum(float[] x, int from, int n) {
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

    /** Σ x·y, each product exact in double and summed in double. */
    static double dot(float[] x, float[] y) {
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

    /** r[i] = g[i] · (y[i] · (1 − y[i])), in float. */
    static void sigmoidBackward(float[] y, float[] g, float[] r) {
        for (int i = 0; i < r.length; i++) {
            r[i] = g[i] * (y[i] * (-y[i] + 1f));
        }
    }

    /** Σ (x − y)², each difference rounded to float, squared and accumulated in double. */
    static double sumOfSquaredDifferences(float[] x, float[] y) {
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

    /** r[i] = s · (x[i] − y[i]), in float. */
    static void scaledDifference(float[] x, float[] y, float s, float[] r) {
        for (int i = 0; i < r.length; i++) {
            r[i] = s * (x[i] - y[i]);
        }
    }

    /**
     * C[m, n] = A[m, k] · B[n, k]ᵀ, every entry a dot product of two contiguous rows. Four partial sums break
     * the chain of dependent additions that makes a one-accumulator dot product wait on every add.
     */
    static void multTransB(double[] a, double[] b, double[] c, int m, int n, int k) {
        for (int i = 0; i < m; i++) {
            int ao = i * k;
            for (int j = 0; j < n; j++) {
                int bo = j * k;
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                int p = 0;
                for (; p + 3 < k; p += 4) {
                    s0 += a[ao + p] * b[bo + p];
                    s1 += a[ao + p + 1] * b[bo + p + 1];
                    s2 += a[ao + p + 2] * b[bo + p + 2];
                    s3 += a[ao + p + 3] * b[bo + p + 3];
                }
                for (; p < k; p++) {
                    s0 += a[ao + p] * b[bo + p];
                }
                c[i * n + j] = (s0 + s1) + (s2 + s3);
            }
        }
    }
}
