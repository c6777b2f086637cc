package org.leakbench.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * A float matrix product C = A·B (or C += A·B) on the Vector API, for the small, odd shapes of convolutions
 * (a dozen output channels, a few hundred taps). Register tiles of 4 rows by 2 vectors keep eight
 * accumulators in registers across the whole inner dimension, so every loaded vector of B feeds four fused
 * multiply-adds.
 *
 * <p>All three operands are addressed through row-offset tables, which lets a convolution pass its input
 * image directly as B (row t of B is the image seen through filter tap t, an "implicit" patch matrix) instead
 * of copying patches out first: A(i, t) = a[aBase + aRow[i] + t·at] (read one scalar at a time, so it may be a
 * transpose), B[t, j] = b[bBase + bRow[t] + j] and C[i, j] = c[cBase + cRow[i] + j]. Rows of B and C are read
 * and written in whole vectors up to {@code np}, a multiple of the vector length ({@link #padded}); the caller
 * leaves room for that and ignores the padding columns. When accumulating, each row of a tile is added onto C
 * by its own load-add-store, one row after the other, so rows of C may overlap (a convolution's input adjoint
 * adds every tap's row straight back into the image). Only loaded when {@link SimdSupport#enabled()}.
 */
final class SimdGemm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int VL = S.length();

    private SimdGemm() {
    }

    static int lanes() {
        return VL;
    }

    /** The smallest multiple of the vector length that holds {@code n} columns. */
    static int padded(int n) {
        return (n + VL - 1) / VL * VL;
    }

    /** Row offsets 0, stride, 2·stride, … of a dense matrix with {@code rows} rows. */
    static int[] dense(int rows, int stride) {
        int[] off = new int[rows];
        for (int i = 0; i < rows; i++) {
            off[i] = i * stride;
        }
        return off;
    }

    /** The operands of one product: where A, B and C are and how to index them. */
    record Operands(float[] a, int aBase, int[] aRow, int at, float[] b, int bBase, int[] bRow, float[] c,
                    int cBase, int[] cRow) {
    }

    /**
     * C[i, j] (+)= Σ_{t < inner} A(i, t)·B[t, j] for i < m, j < np; C is overwritten unless {@code accumulate}.
     */
    static void mul(int m, int np, int inner, Operands op, boolean accumulate) {
        int j = 0;
        for (; j + 2 * VL <= np; j += 2 * VL) {
            int i = 0;
            for (; i + 4 <= m; i += 4) {
                tile4x2(i, j, inner, op, accumulate);
            }
            for (; i < m; i++) {
                tile1(i, j, inner, op, accumulate);
                tile1(i, j + VL, inner, op, accumulate);
            }
        }
        for (; j < np; j += VL) {
            int i = 0;
            for (; i + 4 <= m; i += 4) {
                tile4x1(i, j, inner, op, accumulate);
            }
            for (; i < m; i++) {
                tile1(i, j, inner, op, accumulate);
            }
        }
    }

    private static void store(FloatVector v, float[] c, int at, boolean accumulate) {
        (accumulate ? FloatVector.fromArray(S, c, at).add(v) : v).intoArray(c, at);
    }

    private static void tile4x2(int i, int j, int inner, Operands op, boolean acc) {
        float[] a = op.a();
        float[] b = op.b();
        int[] bRow = op.bRow();
        int at = op.at();
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = c00;
        FloatVector c10 = c00;
        FloatVector c11 = c00;
        FloatVector c20 = c00;
        FloatVector c21 = c00;
        FloatVector c30 = c00;
        FloatVector c31 = c00;
        int a0 = op.aBase() + op.aRow()[i];
        int a1 = op.aBase() + op.aRow()[i + 1];
        int a2 = op.aBase() + op.aRow()[i + 2];
        int a3 = op.aBase() + op.aRow()[i + 3];
        int bj = op.bBase() + j;
        for (int t = 0; t < inner; t++) {
            int bo = bj + bRow[t];
            FloatVector b0 = FloatVector.fromArray(S, b, bo);
            FloatVector b1 = FloatVector.fromArray(S, b, bo + VL);
            int to = t * at;
            FloatVector v = FloatVector.broadcast(S, a[a0 + to]);
            c00 = b0.fma(v, c00);
            c01 = b1.fma(v, c01);
            v = FloatVector.broadcast(S, a[a1 + to]);
            c10 = b0.fma(v, c10);
            c11 = b1.fma(v, c11);
            v = FloatVector.broadcast(S, a[a2 + to]);
            c20 = b0.fma(v, c20);
            c21 = b1.fma(v, c21);
            v = FloatVector.broadcast(S, a[a3 + to]);
            c30 = b0.fma(v, c30);
            c31 = b1.fma(v, c31);
        }
        float[] c = op.c();
        int cj = op.cBase() + j;
        int[] cRow = op.cRow();
        store(c00, c, cj + cRow[i], acc);
        store(c01, c, cj + cRow[i] + VL, acc);
        store(c10, c, cj + cRow[i + 1], acc);
        store(c11, c, cj + cRow[i + 1] + VL, acc);
        store(c20, c, cj + cRow[i + 2], acc);
        store(c21, c, cj + cRow[i + 2] + VL, acc);
        store(c30, c, cj + cRow[i + 3], acc);
        store(c31, c, cj + cRow[i + 3] + VL, acc);
    }

    private static void tile4x1(int i, int j, int inner, Operands op, boolean acc) {
        float[] a = op.a();
        float[] b = op.b();
        int[] bRow = op.bRow();
        int at = op.at();
        FloatVector c0 = FloatVector.zero(S);
        FloatVector c1 = c0;
        FloatVector c2 = c0;
        FloatVector c3 = c0;
        int a0 = op.aBase() + op.aRow()[i];
        int a1 = op.aBase() + op.aRow()[i + 1];
        int a2 = op.aBase() + op.aRow()[i + 2];
        int a3 = op.aBase() + op.aRow()[i + 3];
        int bj = op.bBase() + j;
        for (int t = 0; t < inner; t++) {
            FloatVector bv = FloatVector.fromArray(S, b, bj + bRow[t]);
            int to = t * at;
            c0 = bv.fma(FloatVector.broadcast(S, a[a0 + to]), c0);
            c1 = bv.fma(FloatVector.broadcast(S, a[a1 + to]), c1);
            c2 = bv.fma(FloatVector.broadcast(S, a[a2 + to]), c2);
            c3 = bv.fma(FloatVector.broadcast(S, a[a3 + to]), c3);
        }
        float[] c = op.c();
        int cj = op.cBase() + j;
        int[] cRow = op.cRow();
        store(c0, c, cj + cRow[i], acc);
        store(c1, c, cj + cRow[i + 1], acc);
        store(c2, c, cj + cRow[i + 2], acc);
        store(c3, c, cj + cRow[i + 3], acc);
    }

    private static void tile1(int i, int j, int inner, Operands op, boolean acc) {
        float[] a = op.a();
        float[] b = op.b();
        int[] bRow = op.bRow();
        int at = op.at();
        FloatVector c0 = FloatVector.zero(S);
        int ao = op.aBase() + op.aRow()[i];
        int bj = op.bBase() + j;
        for (int t = 0; t < inner; t++) {
            c0 = FloatVector.fromArray(S, b, bj + bRow[t]).fma(FloatVector.broadcast(S, a[ao + t * at]), c0);
        }
        store(c0, op.c(), op.cBase() + op.cRow()[i] + j, acc);
    }
}
