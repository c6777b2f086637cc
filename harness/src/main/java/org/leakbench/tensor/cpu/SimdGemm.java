package org.leakbench.tensor.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * A float matrix product C += A·B on the Vector API, for the small, odd shapes of convolutions
 * (a dozen output channels, a few hundred taps). Register tiles of 4 rows by 2 vectors keep eight
 * accumulators in registers across the whole inner dimension, so every loaded vector of B feeds four fused
 * multiply-adds.
 *
 * <p>All three operands are addressed through row-offset tables, which lets a convolution pass its input
 * image directly as B (row t of B is the image seen through filter tap t, an "implicit" patch matrix) instead
 * of copying patches out first: A(i, t) = a[aBase + aRow[i] + t·at] (read one scalar at a time, so it may be a
 * transpose), B[t, j] = b[bBase + bRow[t] + j] and C[i, j] = c[cBase + cRow[i] + j]. Rows of B and C are read
 * and written in whole vectors up to {@code np}, a multiple of the vector length ({@link #padded}); the caller
 * leaves room for that and ignores the padding columns. Each row of a tile is added onto C by its own
 * load-add-store, one row after the other, so rows of C may overlap (a convolution's input adjoint
 * adds every tap's row straight back into the image). Only loaded when {@link SimdSupport#enabled()}.
 */
final class SimdGemm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int VL = S.length();
    /**
     * Whether {@link #tile4x4} fits the registers: its 16 accumulators, four vectors of B and a broadcast need
     * the 32 vector registers of AVX-512; with AVX2's 16 they would spill, so 8-lane machines keep 4 × 2 tiles.
     */
    private static final boolean WIDE_TILES = VL >= 16;

    private SimdGemm() {}

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

    /**
     * How much larger than other ops a product must be before threads share it: with less, the batch-32
     * products of the 256-wide MLP made an Inverting Gradients step 1.3–3.8× slower on two threads (JMH,
     * 2-core EPYC), while LeNet's convolutions gained.
     */
    static final long SHARED_PRODUCT_DISCOUNT = 16;

    /** Rows per band from which a band's own multiply-adds dwarf its stream of B. */
    static final int TALL_BAND = 128;

    /**
     * The work a product counts for against the threads' threshold: its multiply-adds when every band gets at
     * least {@link #TALL_BAND} rows (a transformer's [N·T, d] activations at batch 32, whose products were
     * otherwise never shared), a {@link #SHARED_PRODUCT_DISCOUNT}th of them when bands are short.
     */
    static long sharedWork(int m, int k, int n, int threads) {
        long work = (long) m * k * n;
        return m >= (long) TALL_BAND * threads ? work : work / SHARED_PRODUCT_DISCOUNT;
    }

    private static final ThreadLocal<float[][]> MATMUL_SCRATCH = ThreadLocal.withInitial(() -> new float[2][0]);

    /**
     * A float32 matrix product r [m, n] = op(A)·op(B) with op a transpose where asked, A stored [m, k] (or
     * [k, m] when {@code transposeA}) and B [k, n] (or [n, k]). B is copied into rows padded to whole vectors
     * (transposed on the way where needed), which costs O(kn) against the product's O(mkn): worth it from a
     * few rows of A on.
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
        int np = padded(n);
        // Rows of whole vectors need no padding: B is then read where it is (unless transposed) and C written
        // straight into r, which saves copying both (as much memory traffic as the product at batch 32).
        boolean whole = np == n;
        float[][] scratch = MATMUL_SCRATCH.get();
        if (scratch[0].length < k * np && !(whole && !transposeB)) {
            scratch[0] = new float[k * np];
        }
        if (scratch[1].length < m * np && !whole) {
            scratch[1] = new float[m * np];
        }
        float[] bf = whole && !transposeB ? b : scratch[0];
        float[] cf = whole ? r : scratch[1];
        if (bf != b) {
            for (int t = 0; t < k; t++) {
                int row = t * np;
                if (transposeB) {
                    for (int j = 0; j < n; j++) {
                        bf[row + j] = b[j * k + t];
                    }
                } else {
                    System.arraycopy(b, t * n, bf, row, n);
                }
            }
        }
        int[] bRow = dense(k, np);
        // Threads take bands of rows, eight at a time so that each keeps the row tiles it would have alone.
        // Each band streams all of B, which the caller's core copied, so a product with short bands is shared
        // out only from SHARED_PRODUCT_DISCOUNT times the usual work (sharedWork).
        threads.split(m, 8, sharedWork(m, k, n, threads.threads()), (from, to) -> {
            int rows = to - from;
            int aStride = transposeA ? 1 : k;
            java.util.Arrays.fill(cf, from * np, to * np, 0f);
            mul(
                    rows,
                    np,
                    k,
                    new Operands(
                            a,
                            from * aStride,
                            dense(rows, aStride),
                            transposeA ? m : 1,
                            bf,
                            0,
                            bRow,
                            cf,
                            from * np,
                            dense(rows, np)));
            if (cf != r) {
                for (int i = from; i < to; i++) {
                    System.arraycopy(cf, i * np, r, i * n, n);
                }
            }
        });
    }

    /** The operands of one product: where A, B and C are and how to index them. */
    record Operands(
            float[] a,
            int aBase,
            int[] aRow,
            int at,
            float[] b,
            int bBase,
            int[] bRow,
            float[] c,
            int cBase,
            int[] cRow) {}

    /**
     * C[i, j] += Σ_{t < inner} A(i, t)·B[t, j] for i < m, j < np. Always adding (callers zero C for a plain
     * product) keeps the kernels free of a branch whose first use would make the JIT recompile them.
     */
    static void mul(int m, int np, int inner, Operands op) {
        int j = 0;
        if (WIDE_TILES) {
            for (; j + 4 * VL <= np; j += 4 * VL) {
                int i = 0;
                for (; i + 4 <= m; i += 4) {
                    tile4x4(i, j, inner, op);
                }
                for (; i < m; i++) {
                    for (int q = 0; q < 4; q++) {
                        tile1(i, j + q * VL, inner, op);
                    }
                }
            }
        }
        for (; j + 2 * VL <= np; j += 2 * VL) {
            int i = 0;
            for (; i + 4 <= m; i += 4) {
                tile4x2(i, j, inner, op);
            }
            for (; i < m; i++) {
                tile1(i, j, inner, op);
                tile1(i, j + VL, inner, op);
            }
        }
        for (; j < np; j += VL) {
            int i = 0;
            for (; i + 8 <= m; i += 8) { // eight independent chains of fused multiply-adds per loaded vector
                tile8x1(i, j, inner, op);
            }
            for (; i + 4 <= m; i += 4) {
                tile4x1(i, j, inner, op);
            }
            for (; i < m; i++) {
                tile1(i, j, inner, op);
            }
        }
    }

    /**
     * C[i, r] += Σ_{image < images} Σ_{t < inner} A_image(i, t)·B_image(r, t): products of rows that are both
     * contiguous along t, summed over a batch of images; inner is a multiple of the vector length. With
     * A_image(i, t) = a[image·aImage + aRow[i] + t], B_image(r, t) = b[image·bImage + bRow[r] + t] and
     * C[i, r] = c[cRow[i] + r]. Each entry is one long dot product whose lanes are summed once at the end,
     * so this pays when images·inner is large (a batch's filter gradient); tiles of 6 × 4 entries load ten
     * vectors for 24 fused multiply-adds (4 × 3 tiles, seven for twelve, take the rows left over).
     */
    static void dotSum(
            int m,
            int n,
            int inner,
            int images,
            float[] a,
            int aImage,
            int[] aRow,
            float[] b,
            int bImage,
            int[] bRow,
            float[] c,
            int[] cRow) {
        int i = 0;
        for (; i + 6 <= m; i += 6) {
            int r = 0;
            for (; r + 4 <= n; r += 4) {
                dot6x4(i, r, inner, images, a, aImage, aRow, b, bImage, bRow, c, cRow);
            }
            for (int q = i; q < i + 6; q++) {
                for (int rr = r; rr < n; rr++) {
                    c[cRow[q] + rr] += dot1(a, aImage, aRow[q], b, bImage, bRow[rr], inner, images);
                }
            }
        }
        for (; i + 4 <= m; i += 4) {
            int r = 0;
            for (; r + 3 <= n; r += 3) {
                dot4x3(i, r, inner, images, a, aImage, aRow, b, bImage, bRow, c, cRow);
            }
            for (int q = i; q < i + 4; q++) {
                for (int rr = r; rr < n; rr++) {
                    c[cRow[q] + rr] += dot1(a, aImage, aRow[q], b, bImage, bRow[rr], inner, images);
                }
            }
        }
        for (; i < m; i++) {
            for (int r = 0; r < n; r++) {
                c[cRow[i] + r] += dot1(a, aImage, aRow[i], b, bImage, bRow[r], inner, images);
            }
        }
    }

    /** Six rows of A by four of B: 24 accumulators, ten loads for 24 fused multiply-adds (dot4x3: seven for 12). */
    private static void dot6x4(
            int i,
            int r,
            int inner,
            int images,
            float[] a,
            int aImage,
            int[] aRow,
            float[] b,
            int bImage,
            int[] bRow,
            float[] c,
            int[] cRow) {
        FloatVector s00 = FloatVector.zero(S);
        FloatVector s01 = s00;
        FloatVector s02 = s00;
        FloatVector s03 = s00;
        FloatVector s10 = s00;
        FloatVector s11 = s00;
        FloatVector s12 = s00;
        FloatVector s13 = s00;
        FloatVector s20 = s00;
        FloatVector s21 = s00;
        FloatVector s22 = s00;
        FloatVector s23 = s00;
        FloatVector s30 = s00;
        FloatVector s31 = s00;
        FloatVector s32 = s00;
        FloatVector s33 = s00;
        FloatVector s40 = s00;
        FloatVector s41 = s00;
        FloatVector s42 = s00;
        FloatVector s43 = s00;
        FloatVector s50 = s00;
        FloatVector s51 = s00;
        FloatVector s52 = s00;
        FloatVector s53 = s00;
        int a0 = aRow[i + 0];
        int a1 = aRow[i + 1];
        int a2 = aRow[i + 2];
        int a3 = aRow[i + 3];
        int a4 = aRow[i + 4];
        int a5 = aRow[i + 5];
        int b0 = bRow[r + 0];
        int b1 = bRow[r + 1];
        int b2 = bRow[r + 2];
        int b3 = bRow[r + 3];
        int total = images * (inner / VL); // one flat loop, as in dot4x3
        int ao = 0;
        int bo = 0;
        int t = 0;
        for (int q = 0; q < total; q++) {
            FloatVector x0 = FloatVector.fromArray(S, b, b0 + bo + t);
            FloatVector x1 = FloatVector.fromArray(S, b, b1 + bo + t);
            FloatVector x2 = FloatVector.fromArray(S, b, b2 + bo + t);
            FloatVector x3 = FloatVector.fromArray(S, b, b3 + bo + t);
            FloatVector g = FloatVector.fromArray(S, a, a0 + ao + t);
            s00 = g.fma(x0, s00);
            s01 = g.fma(x1, s01);
            s02 = g.fma(x2, s02);
            s03 = g.fma(x3, s03);
            g = FloatVector.fromArray(S, a, a1 + ao + t);
            s10 = g.fma(x0, s10);
            s11 = g.fma(x1, s11);
            s12 = g.fma(x2, s12);
            s13 = g.fma(x3, s13);
            g = FloatVector.fromArray(S, a, a2 + ao + t);
            s20 = g.fma(x0, s20);
            s21 = g.fma(x1, s21);
            s22 = g.fma(x2, s22);
            s23 = g.fma(x3, s23);
            g = FloatVector.fromArray(S, a, a3 + ao + t);
            s30 = g.fma(x0, s30);
            s31 = g.fma(x1, s31);
            s32 = g.fma(x2, s32);
            s33 = g.fma(x3, s33);
            g = FloatVector.fromArray(S, a, a4 + ao + t);
            s40 = g.fma(x0, s40);
            s41 = g.fma(x1, s41);
            s42 = g.fma(x2, s42);
            s43 = g.fma(x3, s43);
            g = FloatVector.fromArray(S, a, a5 + ao + t);
            s50 = g.fma(x0, s50);
            s51 = g.fma(x1, s51);
            s52 = g.fma(x2, s52);
            s53 = g.fma(x3, s53);
            t += VL;
            if (t == inner) {
                t = 0;
                ao += aImage;
                bo += bImage;
            }
        }
        int c0 = cRow[i + 0] + r;
        c[c0] += s00.reduceLanes(VectorOperators.ADD);
        c[c0 + 1] += s01.reduceLanes(VectorOperators.ADD);
        c[c0 + 2] += s02.reduceLanes(VectorOperators.ADD);
        c[c0 + 3] += s03.reduceLanes(VectorOperators.ADD);
        int c1 = cRow[i + 1] + r;
        c[c1] += s10.reduceLanes(VectorOperators.ADD);
        c[c1 + 1] += s11.reduceLanes(VectorOperators.ADD);
        c[c1 + 2] += s12.reduceLanes(VectorOperators.ADD);
        c[c1 + 3] += s13.reduceLanes(VectorOperators.ADD);
        int c2 = cRow[i + 2] + r;
        c[c2] += s20.reduceLanes(VectorOperators.ADD);
        c[c2 + 1] += s21.reduceLanes(VectorOperators.ADD);
        c[c2 + 2] += s22.reduceLanes(VectorOperators.ADD);
        c[c2 + 3] += s23.reduceLanes(VectorOperators.ADD);
        int c3 = cRow[i + 3] + r;
        c[c3] += s30.reduceLanes(VectorOperators.ADD);
        c[c3 + 1] += s31.reduceLanes(VectorOperators.ADD);
        c[c3 + 2] += s32.reduceLanes(VectorOperators.ADD);
        c[c3 + 3] += s33.reduceLanes(VectorOperators.ADD);
        int c4 = cRow[i + 4] + r;
        c[c4] += s40.reduceLanes(VectorOperators.ADD);
        c[c4 + 1] += s41.reduceLanes(VectorOperators.ADD);
        c[c4 + 2] += s42.reduceLanes(VectorOperators.ADD);
        c[c4 + 3] += s43.reduceLanes(VectorOperators.ADD);
        int c5 = cRow[i + 5] + r;
        c[c5] += s50.reduceLanes(VectorOperators.ADD);
        c[c5 + 1] += s51.reduceLanes(VectorOperators.ADD);
        c[c5 + 2] += s52.reduceLanes(VectorOperators.ADD);
        c[c5 + 3] += s53.reduceLanes(VectorOperators.ADD);
    }

    private static void dot4x3(
            int i,
            int r,
            int inner,
            int images,
            float[] a,
            int aImage,
            int[] aRow,
            float[] b,
            int bImage,
            int[] bRow,
            float[] c,
            int[] cRow) {
        FloatVector s00 = FloatVector.zero(S);
        FloatVector s01 = s00;
        FloatVector s02 = s00;
        FloatVector s10 = s00;
        FloatVector s11 = s00;
        FloatVector s12 = s00;
        FloatVector s20 = s00;
        FloatVector s21 = s00;
        FloatVector s22 = s00;
        FloatVector s30 = s00;
        FloatVector s31 = s00;
        FloatVector s32 = s00;
        // One flat loop over (image, t): vector accumulators carried through nested loops get boxed by the
        // JDK 17 compiler (25x slower, measured), through a single loop they stay in registers.
        int a0 = aRow[i];
        int a1 = aRow[i + 1];
        int a2 = aRow[i + 2];
        int a3 = aRow[i + 3];
        int b0 = bRow[r];
        int b1 = bRow[r + 1];
        int b2 = bRow[r + 2];
        int total = images * (inner / VL);
        int ao = 0;
        int bo = 0;
        int t = 0;
        for (int q = 0; q < total; q++) {
            FloatVector x0 = FloatVector.fromArray(S, b, b0 + bo + t);
            FloatVector x1 = FloatVector.fromArray(S, b, b1 + bo + t);
            FloatVector x2 = FloatVector.fromArray(S, b, b2 + bo + t);
            FloatVector g = FloatVector.fromArray(S, a, a0 + ao + t);
            s00 = g.fma(x0, s00);
            s01 = g.fma(x1, s01);
            s02 = g.fma(x2, s02);
            g = FloatVector.fromArray(S, a, a1 + ao + t);
            s10 = g.fma(x0, s10);
            s11 = g.fma(x1, s11);
            s12 = g.fma(x2, s12);
            g = FloatVector.fromArray(S, a, a2 + ao + t);
            s20 = g.fma(x0, s20);
            s21 = g.fma(x1, s21);
            s22 = g.fma(x2, s22);
            g = FloatVector.fromArray(S, a, a3 + ao + t);
            s30 = g.fma(x0, s30);
            s31 = g.fma(x1, s31);
            s32 = g.fma(x2, s32);
            t += VL;
            if (t == inner) {
                t = 0;
                ao += aImage;
                bo += bImage;
            }
        }
        int c0 = cRow[i] + r;
        int c1 = cRow[i + 1] + r;
        int c2 = cRow[i + 2] + r;
        int c3 = cRow[i + 3] + r;
        c[c0] += s00.reduceLanes(VectorOperators.ADD);
        c[c0 + 1] += s01.reduceLanes(VectorOperators.ADD);
        c[c0 + 2] += s02.reduceLanes(VectorOperators.ADD);
        c[c1] += s10.reduceLanes(VectorOperators.ADD);
        c[c1 + 1] += s11.reduceLanes(VectorOperators.ADD);
        c[c1 + 2] += s12.reduceLanes(VectorOperators.ADD);
        c[c2] += s20.reduceLanes(VectorOperators.ADD);
        c[c2 + 1] += s21.reduceLanes(VectorOperators.ADD);
        c[c2 + 2] += s22.reduceLanes(VectorOperators.ADD);
        c[c3] += s30.reduceLanes(VectorOperators.ADD);
        c[c3 + 1] += s31.reduceLanes(VectorOperators.ADD);
        c[c3 + 2] += s32.reduceLanes(VectorOperators.ADD);
    }

    private static float dot1(float[] a, int aImage, int aOff, float[] b, int bImage, int bOff, int inner, int images) {
        FloatVector sum = FloatVector.zero(S);
        int total = images * (inner / VL); // one flat loop, as in dot4x3
        int ao = aOff;
        int bo = bOff;
        int t = 0;
        for (int q = 0; q < total; q++) {
            sum = FloatVector.fromArray(S, a, ao + t).fma(FloatVector.fromArray(S, b, bo + t), sum);
            t += VL;
            if (t == inner) {
                t = 0;
                ao += aImage;
                bo += bImage;
            }
        }
        return sum.reduceLanes(VectorOperators.ADD);
    }

    /**
     * Four rows by four vectors: sixteen accumulators, and four loads of B and four broadcasts of A for sixteen
     * fused multiply-adds where {@link #tile4x2} needs six for eight. Every entry is still summed over t in
     * order from zero and then added onto C, so the results are those of the narrower tiles bit for bit.
     */
    private static void tile4x4(int i, int j, int inner, Operands op) {
        float[] a = op.a();
        float[] b = op.b();
        int[] bRow = op.bRow();
        int at = op.at();
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = c00;
        FloatVector c02 = c00;
        FloatVector c03 = c00;
        FloatVector c10 = c00;
        FloatVector c11 = c00;
        FloatVector c12 = c00;
        FloatVector c13 = c00;
        FloatVector c20 = c00;
        FloatVector c21 = c00;
        FloatVector c22 = c00;
        FloatVector c23 = c00;
        FloatVector c30 = c00;
        FloatVector c31 = c00;
        FloatVector c32 = c00;
        FloatVector c33 = c00;
        int a0 = op.aBase() + op.aRow()[i];
        int a1 = op.aBase() + op.aRow()[i + 1];
        int a2 = op.aBase() + op.aRow()[i + 2];
        int a3 = op.aBase() + op.aRow()[i + 3];
        int bj = op.bBase() + j;
        for (int t = 0; t < inner; t++) {
            int bo = bj + bRow[t];
            FloatVector b0 = FloatVector.fromArray(S, b, bo);
            FloatVector b1 = FloatVector.fromArray(S, b, bo + VL);
            FloatVector b2 = FloatVector.fromArray(S, b, bo + 2 * VL);
            FloatVector b3 = FloatVector.fromArray(S, b, bo + 3 * VL);
            int to = t * at;
            FloatVector v = FloatVector.broadcast(S, a[a0 + to]);
            c00 = b0.fma(v, c00);
            c01 = b1.fma(v, c01);
            c02 = b2.fma(v, c02);
            c03 = b3.fma(v, c03);
            v = FloatVector.broadcast(S, a[a1 + to]);
            c10 = b0.fma(v, c10);
            c11 = b1.fma(v, c11);
            c12 = b2.fma(v, c12);
            c13 = b3.fma(v, c13);
            v = FloatVector.broadcast(S, a[a2 + to]);
            c20 = b0.fma(v, c20);
            c21 = b1.fma(v, c21);
            c22 = b2.fma(v, c22);
            c23 = b3.fma(v, c23);
            v = FloatVector.broadcast(S, a[a3 + to]);
            c30 = b0.fma(v, c30);
            c31 = b1.fma(v, c31);
            c32 = b2.fma(v, c32);
            c33 = b3.fma(v, c33);
        }
        float[] c = op.c();
        int cj = op.cBase() + j;
        int[] cRow = op.cRow();
        int r0 = cj + cRow[i];
        c00.add(FloatVector.fromArray(S, c, r0)).intoArray(c, r0);
        c01.add(FloatVector.fromArray(S, c, r0 + VL)).intoArray(c, r0 + VL);
        c02.add(FloatVector.fromArray(S, c, r0 + 2 * VL)).intoArray(c, r0 + 2 * VL);
        c03.add(FloatVector.fromArray(S, c, r0 + 3 * VL)).intoArray(c, r0 + 3 * VL);
        int r1 = cj + cRow[i + 1];
        c10.add(FloatVector.fromArray(S, c, r1)).intoArray(c, r1);
        c11.add(FloatVector.fromArray(S, c, r1 + VL)).intoArray(c, r1 + VL);
        c12.add(FloatVector.fromArray(S, c, r1 + 2 * VL)).intoArray(c, r1 + 2 * VL);
        c13.add(FloatVector.fromArray(S, c, r1 + 3 * VL)).intoArray(c, r1 + 3 * VL);
        int r2 = cj + cRow[i + 2];
        c20.add(FloatVector.fromArray(S, c, r2)).intoArray(c, r2);
        c21.add(FloatVector.fromArray(S, c, r2 + VL)).intoArray(c, r2 + VL);
        c22.add(FloatVector.fromArray(S, c, r2 + 2 * VL)).intoArray(c, r2 + 2 * VL);
        c23.add(FloatVector.fromArray(S, c, r2 + 3 * VL)).intoArray(c, r2 + 3 * VL);
        int r3 = cj + cRow[i + 3];
        c30.add(FloatVector.fromArray(S, c, r3)).intoArray(c, r3);
        c31.add(FloatVector.fromArray(S, c, r3 + VL)).intoArray(c, r3 + VL);
        c32.add(FloatVector.fromArray(S, c, r3 + 2 * VL)).intoArray(c, r3 + 2 * VL);
        c33.add(FloatVector.fromArray(S, c, r3 + 3 * VL)).intoArray(c, r3 + 3 * VL);
    }

    private static void tile4x2(int i, int j, int inner, Operands op) {
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
        c00 = c00.add(FloatVector.fromArray(S, c, cj + cRow[i]));
        c00.intoArray(c, cj + cRow[i]);
        c01 = c01.add(FloatVector.fromArray(S, c, cj + cRow[i] + VL));
        c01.intoArray(c, cj + cRow[i] + VL);
        c10 = c10.add(FloatVector.fromArray(S, c, cj + cRow[i + 1]));
        c10.intoArray(c, cj + cRow[i + 1]);
        c11 = c11.add(FloatVector.fromArray(S, c, cj + cRow[i + 1] + VL));
        c11.intoArray(c, cj + cRow[i + 1] + VL);
        c20 = c20.add(FloatVector.fromArray(S, c, cj + cRow[i + 2]));
        c20.intoArray(c, cj + cRow[i + 2]);
        c21 = c21.add(FloatVector.fromArray(S, c, cj + cRow[i + 2] + VL));
        c21.intoArray(c, cj + cRow[i + 2] + VL);
        c30 = c30.add(FloatVector.fromArray(S, c, cj + cRow[i + 3]));
        c30.intoArray(c, cj + cRow[i + 3]);
        c31 = c31.add(FloatVector.fromArray(S, c, cj + cRow[i + 3] + VL));
        c31.intoArray(c, cj + cRow[i + 3] + VL);
    }

    private static void tile4x1(int i, int j, int inner, Operands op) {
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
        c0 = c0.add(FloatVector.fromArray(S, c, cj + cRow[i]));
        c0.intoArray(c, cj + cRow[i]);
        c1 = c1.add(FloatVector.fromArray(S, c, cj + cRow[i + 1]));
        c1.intoArray(c, cj + cRow[i + 1]);
        c2 = c2.add(FloatVector.fromArray(S, c, cj + cRow[i + 2]));
        c2.intoArray(c, cj + cRow[i + 2]);
        c3 = c3.add(FloatVector.fromArray(S, c, cj + cRow[i + 3]));
        c3.intoArray(c, cj + cRow[i + 3]);
    }

    private static void tile8x1(int i, int j, int inner, Operands op) {
        float[] a = op.a();
        float[] b = op.b();
        int[] bRow = op.bRow();
        int[] aRow = op.aRow();
        int at = op.at();
        FloatVector c0 = FloatVector.zero(S);
        FloatVector c1 = c0;
        FloatVector c2 = c0;
        FloatVector c3 = c0;
        FloatVector c4 = c0;
        FloatVector c5 = c0;
        FloatVector c6 = c0;
        FloatVector c7 = c0;
        int ab = op.aBase();
        int a0 = ab + aRow[i];
        int a1 = ab + aRow[i + 1];
        int a2 = ab + aRow[i + 2];
        int a3 = ab + aRow[i + 3];
        int a4 = ab + aRow[i + 4];
        int a5 = ab + aRow[i + 5];
        int a6 = ab + aRow[i + 6];
        int a7 = ab + aRow[i + 7];
        int bj = op.bBase() + j;
        for (int t = 0; t < inner; t++) {
            FloatVector bv = FloatVector.fromArray(S, b, bj + bRow[t]);
            int to = t * at;
            c0 = bv.fma(FloatVector.broadcast(S, a[a0 + to]), c0);
            c1 = bv.fma(FloatVector.broadcast(S, a[a1 + to]), c1);
            c2 = bv.fma(FloatVector.broadcast(S, a[a2 + to]), c2);
            c3 = bv.fma(FloatVector.broadcast(S, a[a3 + to]), c3);
            c4 = bv.fma(FloatVector.broadcast(S, a[a4 + to]), c4);
            c5 = bv.fma(FloatVector.broadcast(S, a[a5 + to]), c5);
            c6 = bv.fma(FloatVector.broadcast(S, a[a6 + to]), c6);
            c7 = bv.fma(FloatVector.broadcast(S, a[a7 + to]), c7);
        }
        float[] c = op.c();
        int cj = op.cBase() + j;
        int[] cRow = op.cRow();
        c0 = c0.add(FloatVector.fromArray(S, c, cj + cRow[i]));
        c0.intoArray(c, cj + cRow[i]);
        c1 = c1.add(FloatVector.fromArray(S, c, cj + cRow[i + 1]));
        c1.intoArray(c, cj + cRow[i + 1]);
        c2 = c2.add(FloatVector.fromArray(S, c, cj + cRow[i + 2]));
        c2.intoArray(c, cj + cRow[i + 2]);
        c3 = c3.add(FloatVector.fromArray(S, c, cj + cRow[i + 3]));
        c3.intoArray(c, cj + cRow[i + 3]);
        c4 = c4.add(FloatVector.fromArray(S, c, cj + cRow[i + 4]));
        c4.intoArray(c, cj + cRow[i + 4]);
        c5 = c5.add(FloatVector.fromArray(S, c, cj + cRow[i + 5]));
        c5.intoArray(c, cj + cRow[i + 5]);
        c6 = c6.add(FloatVector.fromArray(S, c, cj + cRow[i + 6]));
        c6.intoArray(c, cj + cRow[i + 6]);
        c7 = c7.add(FloatVector.fromArray(S, c, cj + cRow[i + 7]));
        c7.intoArray(c, cj + cRow[i + 7]);
    }

    private static void tile1(int i, int j, int inner, Operands op) {
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
        c0 = c0.add(FloatVector.fromArray(S, op.c(), op.cBase() + op.cRow()[i] + j));
        c0.intoArray(op.c(), op.cBase() + op.cRow()[i] + j);
    }
}
