package org.leakbench.tensor.cpu;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.leakbench.tensor.MatmulShape;

/**
 * The float64 loops of {@link JavaBackend} (and of float32 products without the Vector API, widened), written
 * out per operation so that the JIT compiles each to a tight loop instead of calling a lambda per element.
 * Matrix products that are not outer products or A·Bᵀ go to EJML.
 */
final class DoubleLoops {
    private DoubleLoops() {}

    /** r[i] = x[i] op y[i]. */
    static void same(Kernels.Binary op, double[] x, double[] y, double[] r) {
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
    static void repeated(Kernels.Binary op, double[] big, double[] small, double[] r, boolean smallOnRight) {
        int m = small.length;
        for (int base = 0; base < r.length; base += m) {
            for (int j = 0; j < m; j++) {
                r[base + j] = smallOnRight ? op.apply(big[base + j], small[j]) : op.apply(small[j], big[base + j]);
            }
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

    /**
     * The sum of x[from .. from + n) in four partial sums: one accumulator waits on every addition, which made
     * summing a weight-sized tensor cost as much as computing it.
     */
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

    /** op(x)·op(y) of sizes {@code s}: an outer product, large ones by OpenBLAS, rows of A·Bᵀ as dot products, else EJML. */
    static double[] matmul(double[] x, boolean transposeA, double[] y, boolean transposeB, MatmulShape s) {
        int m = s.m();
        int k = s.k();
        int n = s.n();
        double[] r = new double[m * n];
        if (k == 1) {
            outer(x, y, r);
            return r;
        }
        if (BlasGemm.doubles(m, k, n)) {
            BlasGemm.matmul(x, transposeA, y, transposeB, m, k, n, r);
            return r;
        }
        if (transposeB && !transposeA) {
            multTransB(x, y, r, m, n, k);
            return r;
        }
        DMatrixRMaj ma = transposeA ? DMatrixRMaj.wrap(k, m, x) : DMatrixRMaj.wrap(m, k, x);
        DMatrixRMaj mb = transposeB ? DMatrixRMaj.wrap(n, k, y) : DMatrixRMaj.wrap(k, n, y);
        DMatrixRMaj mc = DMatrixRMaj.wrap(m, n, r);
        if (transposeA && transposeB) {
            CommonOps_DDRM.multTransAB(ma, mb, mc);
        } else if (transposeA) {
            CommonOps_DDRM.multTransA(ma, mb, mc);
        } else {
            CommonOps_DDRM.mult(ma, mb, mc);
        }
        return r;
    }

    /** r[i·n + j] = a[i] · b[j] for a of length m and b of length n. */
    private static void outer(double[] a, double[] b, double[] r) {
        int n = b.length;
        for (int i = 0; i < a.length; i++) {
            double ai = a[i];
            int o = i * n;
            for (int j = 0; j < n; j++) {
                r[o + j] = ai * b[j];
            }
        }
    }

    /**
     * C[m, n] = A[m, k] · B[n, k]ᵀ, every entry a dot product of two contiguous rows. Four partial sums break
     * the chain of dependent additions that makes a one-accumulator dot product wait on every add.
     */
    private static void multTransB(double[] a, double[] b, double[] c, int m, int n, int k) {
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
