package org.leakbench.tensor;

/**
 * The element-wise loops of {@link JavaBackend} that dominate gradient inversion, written out per operation so
 * that the JIT compiles each to a tight (vectorisable) loop instead of calling a lambda per element, with the
 * rounding of float32 results done in the same pass. A separate rounding pass over a fresh array cost more
 * than the operation itself.
 */
final class JavaKernels {
    /** Binary operations with a written-out loop. */
    enum Binary { ADD, SUB, MUL }

    /** Functions that also have a vectorised float32 form ({@link SimdKernels}). */
    enum Unary { EXP, LOG, TANH, SIGMOID }

    private JavaKernels() {
    }

    /** r[i] = x[i] op y[i], rounded to float when {@code f32}. */
    static void same(Binary op, double[] x, double[] y, double[] r, boolean f32) {
        int n = r.length;
        switch (op) {
            case ADD -> {
                if (f32) {
                    for (int i = 0; i < n; i++) {
                        r[i] = (float) (x[i] + y[i]);
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        r[i] = x[i] + y[i];
                    }
                }
            }
            case SUB -> {
                if (f32) {
                    for (int i = 0; i < n; i++) {
                        r[i] = (float) (x[i] - y[i]);
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        r[i] = x[i] - y[i];
                    }
                }
            }
            case MUL -> {
                if (f32) {
                    for (int i = 0; i < n; i++) {
                        r[i] = (float) (x[i] * y[i]);
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        r[i] = x[i] * y[i];
                    }
                }
            }
            default -> throw new AssertionError(op);
        }
    }

    /**
     * r = x op y where the smaller operand repeats every {@code m} elements of the larger one (a trailing-suffix
     * broadcast, e.g. a bias row or a scalar); {@code smallOnRight} says which operand is the small one.
     */
    static void repeated(Binary op, double[] big, double[] small, double[] r, boolean smallOnRight, boolean f32) {
        int m = small.length;
        if (m == 1) { // a scalar operand: one flat loop
            double c = small[0];
            for (int i = 0; i < r.length; i++) {
                double a = smallOnRight ? big[i] : c;
                double b = smallOnRight ? c : big[i];
                double v = switch (op) {
                    case ADD -> a + b;
                    case SUB -> a - b;
                    case MUL -> a * b;
                };
                r[i] = f32 ? (float) v : v;
            }
            return;
        }
        for (int base = 0; base < r.length; base += m) {
            for (int j = 0; j < m; j++) {
                double a = smallOnRight ? big[base + j] : small[j];
                double b = smallOnRight ? small[j] : big[base + j];
                double v = switch (op) {
                    case ADD -> a + b;
                    case SUB -> a - b;
                    case MUL -> a * b;
                };
                r[base + j] = f32 ? (float) v : v;
            }
        }
    }

    /** r[i] = s * x[i], rounded to float when {@code f32}. */
    static void scale(double[] x, double s, double[] r, boolean f32) {
        if (f32) {
            for (int i = 0; i < r.length; i++) {
                r[i] = (float) (s * x[i]);
            }
        } else {
            for (int i = 0; i < r.length; i++) {
                r[i] = s * x[i];
            }
        }
    }

    /** r[i] = x[i]², rounded to float when {@code f32}. */
    static void square(double[] x, double[] r, boolean f32) {
        if (f32) {
            for (int i = 0; i < r.length; i++) {
                r[i] = (float) (x[i] * x[i]);
            }
        } else {
            for (int i = 0; i < r.length; i++) {
                r[i] = x[i] * x[i];
            }
        }
    }

    /** r[i·n + j] = a[i] · b[j] for a of length m and b of length n, rounded to float when {@code f32}. */
    static void outer(double[] a, double[] b, double[] r, boolean f32) {
        int n = b.length;
        for (int i = 0; i < a.length; i++) {
            double ai = a[i];
            int o = i * n;
            if (f32) {
                for (int j = 0; j < n; j++) {
                    r[o + j] = (float) (ai * b[j]);
                }
            } else {
                for (int j = 0; j < n; j++) {
                    r[o + j] = ai * b[j];
                }
            }
        }
    }

    /**
     * C[m, n] = A[m, k] · B[n, k]ᵀ, every entry a dot product of two contiguous rows. Four partial sums break
     * the chain of dependent additions that makes a one-accumulator dot product wait on every add.
     */
    static void multTransB(double[] a, double[] b, double[] c, int m, int n, int k, boolean f32) {
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
                double v = (s0 + s1) + (s2 + s3);
                c[i * n + j] = f32 ? (float) v : v;
            }
        }
    }

    /** Rounds every element to float, in place. */
    static void roundToFloat(double[] d) {
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) d[i];
        }
    }
}
