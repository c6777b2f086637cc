package org.leakbench.tensor.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * A float32 matrix product r [m, n] = op(A)·op(B) for large operands, laid out as in the GotoBLAS/BLIS
 * algorithm (Goto and van de Geijn, "Anatomy of high-performance matrix multiplication", ACM TOMS 34(3), 2008;
 * Van Zee and van de Geijn, "BLIS: a framework for rapidly instantiating BLAS functionality", ACM TOMS 41(3),
 * 2015): B is copied, KC rows at a time, into panels NR columns wide and A, MC rows at a time, into panels MR
 * rows high, both in the order the micro-kernel reads them, so that the kernel streams two contiguous arrays
 * while the A block stays in the L2 cache and a B panel in L1. The micro-kernel keeps an MR × NR tile of C
 * (6 rows by two vectors: 12 accumulators, plus two B vectors and one broadcast, 15 of AVX2's 16 registers)
 * in registers for KC fused multiply-adds per entry.
 *
 * <p>Packing reads A and B through their transposes where asked, so op(A) and op(B) cost nothing extra.
 * Threads take bands of rows of C; each entry of C is summed over the inner dimension in the same order
 * (KC blocks in turn, each from its first term) whatever the band, so results are identical bit for bit
 * with one or many threads.
 */
final class PackedGemm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int VL = S.length();
    /** Rows of the register tile. */
    static final int MR = 6;
    /** Columns of the register tile: two vectors. */
    static final int NR = 2 * VL;
    /** Inner-dimension block: a KC × NR panel of B (16 KiB with AVX2) stays in the L1 cache. */
    static final int KC = 256;
    /** Row block: an MC × KC block of A (144 KiB) stays in the L2 cache. */
    static final int MC = 144;
    /** Column block: a KC × NC block of B (3 MiB) stays in the last-level cache. */
    static final int NC = 3072;

    private static final ThreadLocal<float[][]> PACKS =
            ThreadLocal.withInitial(() -> new float[][] {new float[MC * KC], new float[0]});

    private PackedGemm() {}

    /**
     * r += op(A)·op(B), A stored [m, k] (or [k, m] when {@code transposeA}), B [k, n] (or [n, k]), r [m, n]
     * dense. Callers pass r zeroed for a plain product.
     */
    static void matmul(
            float[] a,
            boolean transposeA,
            float[] b,
            boolean transposeB,
            int m,
            int k,
            int n,
            float[] r,
            OpThreads threads) {
        threads.split(m, MR, (long) m * k * n, (from, to) -> band(a, transposeA, b, transposeB, m, k, n, r, from, to));
    }

    /** Rows [from, to) of r. */
    private static void band(
            float[] a,
            boolean transposeA,
            float[] b,
            boolean transposeB,
            int m,
            int k,
            int n,
            float[] r,
            int from,
            int to) {
        float[][] packs = PACKS.get();
        int ncMax = Math.min(NC, roundUp(n, NR));
        if (packs[1].length < KC * ncMax) {
            packs[1] = new float[KC * ncMax];
        }
        float[] pa = packs[0];
        float[] pb = packs[1];
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                packB(b, transposeB, k, n, pc, kc, jc, nc, pb);
                for (int ic = from; ic < to; ic += MC) {
                    int mc = Math.min(MC, to - ic);
                    packA(a, transposeA, m, k, ic, mc, pc, kc, pa);
                    block(pa, pb, mc, nc, kc, r, ic, jc, n);
                }
            }
        }
    }

    /** One MC × NC block of C from packed panels: every MR × NR tile by the micro-kernel. */
    private static void block(float[] pa, float[] pb, int mc, int nc, int kc, float[] r, int ic, int jc, int n) {
        float[] edge = null;
        for (int jr = 0; jr < nc; jr += NR) {
            int cols = Math.min(NR, nc - jr);
            int bOff = jr * kc;
            for (int ir = 0; ir < mc; ir += MR) {
                int rows = Math.min(MR, mc - ir);
                int aOff = ir * kc;
                if (rows == MR && cols == NR) {
                    kernel(pa, aOff, pb, bOff, kc, r, (ic + ir) * n + jc + jr, n);
                } else {
                    if (edge == null) {
                        edge = new float[MR * NR];
                    }
                    java.util.Arrays.fill(edge, 0f);
                    kernel(pa, aOff, pb, bOff, kc, edge, 0, NR);
                    for (int i = 0; i < rows; i++) {
                        int c = (ic + ir + i) * n + jc + jr;
                        for (int j = 0; j < cols; j++) {
                            r[c + j] += edge[i * NR + j];
                        }
                    }
                }
            }
        }
    }

    /**
     * Copies op(A)[ic .. ic+mc, pc .. pc+kc] into panels of MR rows: panel p holds, for each t < kc, the MR
     * entries of column t one after the other; rows past mc are zero.
     */
    private static void packA(float[] a, boolean transposeA, int m, int k, int ic, int mc, int pc, int kc, float[] pa) {
        for (int ir = 0; ir < mc; ir += MR) {
            int rows = Math.min(MR, mc - ir);
            int base = ir * kc;
            for (int i = 0; i < MR; i++) {
                if (i >= rows) {
                    for (int t = 0; t < kc; t++) {
                        pa[base + t * MR + i] = 0f;
                    }
                } else if (transposeA) { // A stored [k, m]
                    int src = pc * m + ic + ir + i;
                    for (int t = 0; t < kc; t++) {
                        pa[base + t * MR + i] = a[src + t * m];
                    }
                } else {
                    int src = (ic + ir + i) * k + pc;
                    for (int t = 0; t < kc; t++) {
                        pa[base + t * MR + i] = a[src + t];
                    }
                }
            }
        }
    }

    /**
     * Copies op(B)[pc .. pc+kc, jc .. jc+nc] into panels of NR columns: panel q holds, for each t < kc, the
     * NR entries of row t; columns past nc are zero.
     */
    private static void packB(float[] b, boolean transposeB, int k, int n, int pc, int kc, int jc, int nc, float[] pb) {
        for (int jr = 0; jr < nc; jr += NR) {
            int cols = Math.min(NR, nc - jr);
            int base = jr * kc;
            if (transposeB) { // B stored [n, k]
                for (int j = 0; j < NR; j++) {
                    if (j >= cols) {
                        for (int t = 0; t < kc; t++) {
                            pb[base + t * NR + j] = 0f;
                        }
                    } else {
                        int src = (jc + jr + j) * k + pc;
                        for (int t = 0; t < kc; t++) {
                            pb[base + t * NR + j] = b[src + t];
                        }
                    }
                }
            } else {
                for (int t = 0; t < kc; t++) {
                    int src = (pc + t) * n + jc + jr;
                    int dst = base + t * NR;
                    System.arraycopy(b, src, pb, dst, cols);
                    if (cols < NR) {
                        java.util.Arrays.fill(pb, dst + cols, dst + NR, 0f);
                    }
                }
            }
        }
    }

    /** c[MR × NR at cOff, row stride ldc] += Σ_t panelA[t]ᵀ·panelB[t], the tile's 12 vectors held in registers. */
    private static void kernel(float[] pa, int aOff, float[] pb, int bOff, int kc, float[] c, int cOff, int ldc) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = c00;
        FloatVector c10 = c00;
        FloatVector c11 = c00;
        FloatVector c20 = c00;
        FloatVector c21 = c00;
        FloatVector c30 = c00;
        FloatVector c31 = c00;
        FloatVector c40 = c00;
        FloatVector c41 = c00;
        FloatVector c50 = c00;
        FloatVector c51 = c00;
        int ao = aOff;
        int bo = bOff;
        for (int t = 0; t < kc; t++) {
            FloatVector b0 = FloatVector.fromArray(S, pb, bo);
            FloatVector b1 = FloatVector.fromArray(S, pb, bo + VL);
            FloatVector v = FloatVector.broadcast(S, pa[ao]);
            c00 = b0.fma(v, c00);
            c01 = b1.fma(v, c01);
            v = FloatVector.broadcast(S, pa[ao + 1]);
            c10 = b0.fma(v, c10);
            c11 = b1.fma(v, c11);
            v = FloatVector.broadcast(S, pa[ao + 2]);
            c20 = b0.fma(v, c20);
            c21 = b1.fma(v, c21);
            v = FloatVector.broadcast(S, pa[ao + 3]);
            c30 = b0.fma(v, c30);
            c31 = b1.fma(v, c31);
            v = FloatVector.broadcast(S, pa[ao + 4]);
            c40 = b0.fma(v, c40);
            c41 = b1.fma(v, c41);
            v = FloatVector.broadcast(S, pa[ao + 5]);
            c50 = b0.fma(v, c50);
            c51 = b1.fma(v, c51);
            ao += MR;
            bo += NR;
        }
        addInto(c00, c, cOff);
        addInto(c01, c, cOff + VL);
        addInto(c10, c, cOff + ldc);
        addInto(c11, c, cOff + ldc + VL);
        addInto(c20, c, cOff + 2 * ldc);
        addInto(c21, c, cOff + 2 * ldc + VL);
        addInto(c30, c, cOff + 3 * ldc);
        addInto(c31, c, cOff + 3 * ldc + VL);
        addInto(c40, c, cOff + 4 * ldc);
        addInto(c41, c, cOff + 4 * ldc + VL);
        addInto(c50, c, cOff + 5 * ldc);
        addInto(c51, c, cOff + 5 * ldc + VL);
    }

    private static void addInto(FloatVector v, float[] c, int off) {
        v.add(FloatVector.fromArray(S, c, off)).intoArray(c, off);
    }

    private static int roundUp(int x, int to) {
        return (x + to - 1) / to * to;
    }
}
