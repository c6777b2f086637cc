package org.leakbench.tensor.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;
import org.leakbench.tensor.Conv2dSpec;
import org.leakbench.tensor.MatmulShape;

/**
 * The {@link Kernels} on the Vector API: element-wise loops here, products in {@link SimdGemm}, convolutions in
 * {@link SimdConv}. Arithmetic runs in float lanes and is bit for bit what the scalar float loops of
 * {@link ScalarKernels} compute. The transcendental functions and
 * sums run in double lanes (floats widened on load, rounded on store): the JDK's vectorised exp, log and tanh
 * are accurate to about an ulp of double, so the results are within an ulp of float of the scalar ones, and
 * a weight-sized sum keeps double accuracy. Float64 tensors never come here. Only loaded when
 * {@link org.leakbench.tensor.SimdSupport#enabled()}.
 *
 * <p>No vector ever passes through a method of ours: the JDK 17 compiler keeps vectors in registers only
 * inside one compiled method, and a helper that is compiled on its own first (and is then too big to inline)
 * turns every call into boxed objects and a slow library path; that happened, and cost 10x at random.
 */
final class VectorKernels implements Kernels {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    /**
     * Work in double reads a whole F vector and widens its two halves with F2D part 0, the upper one moved down
     * by {@link #SWAP} first; results are rounded back with D2F part 0, the upper half moved up by {@link #SWAP}
     * and joined to the lower by a blend on this mask (an add would turn -0.0 into +0.0). A
     * half-width float species would read one half at a time, but a second float vector class in the JVM turns
     * the type profile of every float vector load and store polymorphic, and the JIT then compiles some of them,
     * anywhere in the JVM and differently per run, to the library's slow path. Nor do parts 1 and -1 of
     * convertShape serve: JDK 17 moves the halves by slice and unslice, which took the slow path too.
     */
    private static final VectorMask<Float> UPPER = F.indexInRange(-D.length(), F.length() - D.length());

    /** Swaps the two halves of an F vector. */
    private static final VectorShuffle<Float> SWAP = VectorShuffle.fromOp(F, j -> (j + D.length()) % F.length());

    private static final DoubleVector ONE = DoubleVector.broadcast(D, 1.0);

    /** What is widened to double where no vector form exists (a product with both operands transposed). */
    private final ScalarKernels widened = new ScalarKernels();

    /**
     * Weight of one multiply-add in an op that streams its operand from memory once (matrix-vector products,
     * outer products) against OpThreads' threshold, which counts the multiply-adds of cache-resident kernels:
     * such an op pays for sharing out at a quarter of the size.
     */
    private static final long MEMORY_BOUND = 4;

    @Override
    public String description() {
        return "float32 convolutions, products and element-wise maps on the Vector API (" + SimdGemm.lanes()
                + " float lanes)";
    }

    /** r[i] = x[i] op y[i]. */
    @Override
    public void same(Binary op, float[] x, float[] y, float[] r) {
        same(op, x, 0, y, 0, r, 0, r.length);
    }

    /** r[ro + i] = x[xo + i] op y[yo + i] for i below n. */
    private static void same(Binary op, float[] x, int xo, float[] y, int yo, float[] r, int ro, int n) {
        // One small method per operation: the Vector API compiles an operation to instructions only when it
        // is a constant at the call site, and one method holding all three loops grew past what the JIT
        // inlines in some JVMs, which then ran it on the slow library path (a DLG step 25% slower at random).
        int done = switch (op) {
            case ADD -> add(x, xo, y, yo, r, ro, n);
            case SUB -> sub(x, xo, y, yo, r, ro, n);
            case MUL -> mul(x, xo, y, yo, r, ro, n);
        };
        for (int i = done; i < n; i++) {
            r[ro + i] = op.apply(x[xo + i], y[yo + i]);
        }
    }

    /** The whole vectors of r = x + y; returns where the scalar tail starts. */
    private static int add(float[] x, int xo, float[] y, int yo, float[] r, int ro, int n) {
        int bound = F.loopBound(n);
        for (int i = 0; i < bound; i += F.length()) {
            FloatVector.fromArray(F, x, xo + i)
                    .add(FloatVector.fromArray(F, y, yo + i))
                    .intoArray(r, ro + i);
        }
        return bound;
    }

    private static int sub(float[] x, int xo, float[] y, int yo, float[] r, int ro, int n) {
        int bound = F.loopBound(n);
        for (int i = 0; i < bound; i += F.length()) {
            FloatVector.fromArray(F, x, xo + i)
                    .sub(FloatVector.fromArray(F, y, yo + i))
                    .intoArray(r, ro + i);
        }
        return bound;
    }

    private static int mul(float[] x, int xo, float[] y, int yo, float[] r, int ro, int n) {
        int bound = F.loopBound(n);
        for (int i = 0; i < bound; i += F.length()) {
            FloatVector.fromArray(F, x, xo + i)
                    .mul(FloatVector.fromArray(F, y, yo + i))
                    .intoArray(r, ro + i);
        }
        return bound;
    }

    /**
     * r = big op small where small repeats every small.length elements of big (a bias row, or a scalar),
     * {@code smallOnRight} saying which side it is on.
     */
    @Override
    public void repeated(Binary op, float[] big, float[] small, float[] r, boolean smallOnRight) {
        int m = small.length;
        if (m == 1) {
            withScalar(op, big, 0, r.length, small[0], r, smallOnRight);
            return;
        }
        for (int base = 0; base < r.length; base += m) {
            if (smallOnRight) {
                same(op, big, base, small, 0, r, base, m);
            } else {
                same(op, small, 0, big, base, r, base, m);
            }
        }
    }

    /**
     * r[from + i] = big[from + i] op c (or c op big[from + i]) for i below n: a scalar operand, or one channel
     * of a per-channel broadcast.
     */
    @Override
    public void withScalar(Binary op, float[] big, int from, int n, float c, float[] r, boolean smallOnRight) {
        int done = switch (op) {
            case ADD -> addScalar(big, from, n, c, r);
            case SUB -> smallOnRight ? addScalar(big, from, n, -c, r) : subFromScalar(c, big, from, n, r);
            case MUL -> scaleRange(big, from, n, c, r);
        };
        for (int i = from + done; i < from + n; i++) {
            r[i] = smallOnRight ? op.apply(big[i], c) : op.apply(c, big[i]);
        }
    }

    // x - c is x + (-c) exactly, so subtracting a scalar shares this loop.
    private static int addScalar(float[] x, int from, int n, float c, float[] r) {
        int bound = F.loopBound(n);
        for (int i = 0; i < bound; i += F.length()) {
            FloatVector.fromArray(F, x, from + i).add(c).intoArray(r, from + i);
        }
        return bound;
    }

    private static int subFromScalar(float c, float[] x, int from, int n, float[] r) {
        int bound = F.loopBound(n);
        FloatVector cv = FloatVector.broadcast(F, c);
        for (int i = 0; i < bound; i += F.length()) {
            cv.sub(FloatVector.fromArray(F, x, from + i)).intoArray(r, from + i);
        }
        return bound;
    }

    private static int scaleRange(float[] x, int from, int n, float s, float[] r) {
        int bound = F.loopBound(n);
        for (int i = 0; i < bound; i += F.length()) {
            FloatVector.fromArray(F, x, from + i).mul(s).intoArray(r, from + i);
        }
        return bound;
    }

    /** r[i·n + j] = a[i]·b[j]: the outer product of a weight gradient at batch 1. */
    static void outer(float[] a, float[] b, float[] r) {
        outer(a, b, r, 0, a.length);
    }

    /** Rows [from, to) of {@link #outer(float[], float[], float[])}. */
    static void outer(float[] a, float[] b, float[] r, int from, int to) {
        int n = b.length;
        int bound = F.loopBound(n);
        for (int i = from; i < to; i++) {
            float ai = a[i];
            int o = i * n;
            int j = 0;
            for (; j < bound; j += F.length()) {
                FloatVector.fromArray(F, b, j).mul(ai).intoArray(r, o + j);
            }
            for (; j < n; j++) {
                r[o + j] = ai * b[j];
            }
        }
    }

    /** r[i] = x[i]². */
    @Override
    public void square(float[] x, float[] r) {
        int i = 0;
        for (; i < F.loopBound(r.length); i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, x, i);
            v.mul(v).intoArray(r, i);
        }
        for (; i < r.length; i++) {
            r[i] = x[i] * x[i];
        }
    }

    /** The sum, accumulated in double lanes (two, so that the additions need not wait on each other). */
    @Override
    public double sum(float[] x, int from, int n) {
        int bound = F.loopBound(n);
        DoubleVector s0 = DoubleVector.zero(D);
        DoubleVector s1 = s0;
        for (int i = 0; i < bound; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, x, from + i);
            s0 = s0.add(v.convertShape(VectorOperators.F2D, D, 0));
            s1 = s1.add(v.rearrange(SWAP).convertShape(VectorOperators.F2D, D, 0));
        }
        double s = s0.add(s1).reduceLanes(VectorOperators.ADD);
        for (int i = bound; i < n; i++) {
            s += x[from + i];
        }
        return s;
    }

    /** Σ x·y in double lanes: floats widened on load, so every product is exact before it is summed. */
    @Override
    public double dot(float[] x, float[] y) {
        int bound = F.loopBound(x.length);
        DoubleVector s0 = DoubleVector.zero(D);
        DoubleVector s1 = s0;
        for (int i = 0; i < bound; i += F.length()) {
            FloatVector xv = FloatVector.fromArray(F, x, i);
            FloatVector yv = FloatVector.fromArray(F, y, i);
            DoubleVector x0 = (DoubleVector) xv.convertShape(VectorOperators.F2D, D, 0);
            DoubleVector y0 = (DoubleVector) yv.convertShape(VectorOperators.F2D, D, 0);
            DoubleVector x1 = (DoubleVector) xv.rearrange(SWAP).convertShape(VectorOperators.F2D, D, 0);
            DoubleVector y1 = (DoubleVector) yv.rearrange(SWAP).convertShape(VectorOperators.F2D, D, 0);
            s0 = x0.fma(y0, s0);
            s1 = x1.fma(y1, s1);
        }
        double s = s0.add(s1).reduceLanes(VectorOperators.ADD);
        for (int i = bound; i < x.length; i++) {
            s += (double) x[i] * y[i];
        }
        return s;
    }

    /**
     * Σ (x − y)²: each difference in float (as the scalar loop has it), squared and summed in double lanes,
     * without writing the difference or its square anywhere.
     */
    @Override
    public double sumOfSquaredDifferences(float[] x, float[] y) {
        int bound = F.loopBound(x.length);
        DoubleVector s0 = DoubleVector.zero(D);
        DoubleVector s1 = s0;
        for (int i = 0; i < bound; i += F.length()) {
            FloatVector d = FloatVector.fromArray(F, x, i).sub(FloatVector.fromArray(F, y, i));
            DoubleVector d0 = (DoubleVector) d.convertShape(VectorOperators.F2D, D, 0);
            DoubleVector d1 = (DoubleVector) d.rearrange(SWAP).convertShape(VectorOperators.F2D, D, 0);
            s0 = d0.fma(d0, s0);
            s1 = d1.fma(d1, s1);
        }
        double s = s0.add(s1).reduceLanes(VectorOperators.ADD);
        for (int i = bound; i < x.length; i++) {
            double d = x[i] - y[i];
            s += d * d;
        }
        return s;
    }

    /** r[i] = s · (x[i] − y[i]), in float: bit for bit the scalar loop. */
    @Override
    public void scaledDifference(float[] x, float[] y, float s, float[] r) {
        int bound = F.loopBound(r.length);
        for (int i = 0; i < bound; i += F.length()) {
            FloatVector.fromArray(F, x, i)
                    .sub(FloatVector.fromArray(F, y, i))
                    .mul(s)
                    .intoArray(r, i);
        }
        for (int i = bound; i < r.length; i++) {
            r[i] = s * (x[i] - y[i]);
        }
    }

    /** r[i] = g[i] · (y[i] · (1 − y[i])), in float: bit for bit the scalar loop. */
    @Override
    public void sigmoidBackward(float[] y, float[] g, float[] r) {
        int bound = F.loopBound(r.length);
        for (int i = 0; i < bound; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, y, i);
            FloatVector.fromArray(F, g, i).mul(v.mul(v.neg().add(1f))).intoArray(r, i);
        }
        for (int i = bound; i < r.length; i++) {
            r[i] = g[i] * (y[i] * (-y[i] + 1f));
        }
    }

    /** r[i] = f(x[i]), computed in double and rounded to float. */
    @Override
    public void unary(Unary f, float[] x, float[] r) {
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

    private static int exp(float[] x, float[] r) {
        int bound = F.loopBound(r.length);
        for (int i = 0; i < bound; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, x, i);
            DoubleVector lo = (DoubleVector) v.convertShape(VectorOperators.F2D, D, 0);
            DoubleVector hi = (DoubleVector) v.rearrange(SWAP).convertShape(VectorOperators.F2D, D, 0);
            FloatVector rl = (FloatVector) lo.lanewise(VectorOperators.EXP).convertShape(VectorOperators.D2F, F, 0);
            FloatVector rh = (FloatVector) hi.lanewise(VectorOperators.EXP).convertShape(VectorOperators.D2F, F, 0);
            rl.blend(rh.rearrange(SWAP), UPPER).intoArray(r, i);
        }
        return bound;
    }

    private static int log(float[] x, float[] r) {
        int bound = F.loopBound(r.length);
        for (int i = 0; i < bound; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, x, i);
            DoubleVector lo = (DoubleVector) v.convertShape(VectorOperators.F2D, D, 0);
            DoubleVector hi = (DoubleVector) v.rearrange(SWAP).convertShape(VectorOperators.F2D, D, 0);
            FloatVector rl = (FloatVector) lo.lanewise(VectorOperators.LOG).convertShape(VectorOperators.D2F, F, 0);
            FloatVector rh = (FloatVector) hi.lanewise(VectorOperators.LOG).convertShape(VectorOperators.D2F, F, 0);
            rl.blend(rh.rearrange(SWAP), UPPER).intoArray(r, i);
        }
        return bound;
    }

    private static int tanh(float[] x, float[] r) {
        int bound = F.loopBound(r.length);
        for (int i = 0; i < bound; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, x, i);
            DoubleVector lo = (DoubleVector) v.convertShape(VectorOperators.F2D, D, 0);
            DoubleVector hi = (DoubleVector) v.rearrange(SWAP).convertShape(VectorOperators.F2D, D, 0);
            FloatVector rl = (FloatVector) lo.lanewise(VectorOperators.TANH).convertShape(VectorOperators.D2F, F, 0);
            FloatVector rh = (FloatVector) hi.lanewise(VectorOperators.TANH).convertShape(VectorOperators.D2F, F, 0);
            rl.blend(rh.rearrange(SWAP), UPPER).intoArray(r, i);
        }
        return bound;
    }

    /** 1 / (1 + e^-v): e^-v overflows to +inf for very negative v and the quotient to 0, never NaN. */
    private static int sigmoid(float[] x, float[] r) {
        int bound = F.loopBound(r.length);
        for (int i = 0; i < bound; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, x, i);
            DoubleVector lo = (DoubleVector) v.convertShape(VectorOperators.F2D, D, 0);
            DoubleVector hi = (DoubleVector) v.rearrange(SWAP).convertShape(VectorOperators.F2D, D, 0);
            DoubleVector el = lo.neg().lanewise(VectorOperators.EXP);
            DoubleVector eh = hi.neg().lanewise(VectorOperators.EXP);
            FloatVector rl = (FloatVector) ONE.div(el.add(1.0)).convertShape(VectorOperators.D2F, F, 0);
            FloatVector rh = (FloatVector) ONE.div(eh.add(1.0)).convertShape(VectorOperators.D2F, F, 0);
            rl.blend(rh.rearrange(SWAP), UPPER).intoArray(r, i);
        }
        return bound;
    }

    /**
     * An outer product (k = 1: a weight gradient at batch 1) in one pass; large products through {@link BlasGemm};
     * from four rows {@link SimdGemm}; fewer
     * rows as matrix-vector products ({@link #fewRows}); both operands transposed in double.
     */
    @Override
    public void matmul(
            float[] a, boolean transposeA, float[] b, boolean transposeB, MatmulShape s, float[] r, OpThreads threads) {
        int m = s.m();
        int k = s.k();
        int n = s.n();
        if (k == 1) {
            threads.split(m, 1, MEMORY_BOUND * m * n, (from, to) -> outer(a, b, r, from, to));
        } else if (BlasGemm.large(m, k, n)) {
            BlasGemm.matmul(a, transposeA, b, transposeB, m, k, n, r, threads);
        } else if (m >= 4) {
            SimdGemm.matmul(a, transposeA, b, transposeB, m, k, n, r, threads);
        } else if (!(transposeA && transposeB)) {
            // Streaming B once is all the work here, so threads take bands of its columns.
            threads.split(
                    n,
                    transposeB ? 1 : fewRowsColumnGrain(),
                    MEMORY_BOUND * m * k * n,
                    (from, to) -> fewRows(a, transposeA, b, transposeB, m, k, n, r, from, to));
        } else {
            widened.matmul(a, transposeA, b, transposeB, s, r, threads);
        }
    }

    @Override
    public void conv2d(
            float[] x, int[] xs, float[] w, int[] ws, float[] y, int[] ys, Conv2dSpec spec, OpThreads threads) {
        SimdConv.forward(x, xs, w, ws, y, ys, spec, threads);
    }

    @Override
    public void conv2dInputAdjoint(
            float[] g, int[] gs, float[] w, int[] ws, float[] gx, int[] xs, Conv2dSpec spec, OpThreads threads) {
        SimdConv.inputAdjoint(g, gs, w, ws, gx, xs, spec, threads);
    }

    @Override
    public void conv2dFilterAdjoint(
            float[] x, int[] xs, float[] g, int[] gs, float[] gw, int[] ws, Conv2dSpec spec, OpThreads threads) {
        SimdConv.filterAdjoint(x, xs, g, gs, gw, ws, spec, threads);
    }

    /**
     * C[m, n] = op(A) · op(B) for few rows m (a batch of one to three), in float: without a transposed B each
     * row of C is a sum of scaled rows of B (A transposed or not), built a few vectors at a time; with B
     * transposed each entry is a dot product of two contiguous rows. Not for both transposed.
     */
    static void fewRows(float[] a, boolean transposeA, float[] b, boolean transposeB, int m, int k, int n, float[] c) {
        fewRows(a, transposeA, b, transposeB, m, k, n, c, 0, n);
    }

    /** The columns 64 bytes apart that {@link #fewRows} builds at once: where it may be split. */
    static int fewRowsColumnGrain() {
        return 4 * F.length();
    }

    /**
     * Columns [from, to) of {@link #fewRows(float[], boolean, float[], boolean, int, int, int, float[])};
     * every entry comes out the same whatever the range, as long as {@code from} is a multiple of
     * {@link #fewRowsColumnGrain()}.
     */
    static void fewRows(
            float[] a,
            boolean transposeA,
            float[] b,
            boolean transposeB,
            int m,
            int k,
            int n,
            float[] c,
            int from,
            int to) {
        if (transposeA && transposeB) {
            throw new IllegalArgumentException("fewRows does not take both operands transposed");
        }
        if (transposeB) {
            for (int i = 0; i < m; i++) {
                for (int j = from; j < to; j++) {
                    c[i * n + j] = dot(a, i * k, b, j * k, k);
                }
            }
            return;
        }
        // Row i of A is a[aOff + t·aStride]. No skipping of zeros: 0 · inf must stay NaN, so divergence shows.
        int aStride = transposeA ? m : 1;
        int wide = 4 * F.length();
        for (int i = 0; i < m; i++) {
            int aOff = transposeA ? i : i * k;
            int j = from;
            for (; j + wide <= to; j += wide) {
                columns4(a, aOff, aStride, b, n, k, j, c, i * n);
            }
            for (; j + F.length() <= to; j += F.length()) {
                columns1(a, aOff, aStride, b, n, k, j, c, i * n);
            }
            for (; j < to; j++) {
                float sum = 0;
                for (int t = 0; t < k; t++) {
                    sum = Math.fma(a[aOff + t * aStride], b[t * n + j], sum);
                }
                c[i * n + j] = sum;
            }
        }
    }

    /**
     * c[cOff + j .. + 4 vectors) = Σ_t a[aOff + t·aStride] · B[t, j ..]: four vectors of a row of C held in
     * registers while B streams past once, instead of reading and writing the row of C for every t.
     */
    private static void columns4(
            float[] a, int aOff, int aStride, float[] b, int n, int k, int j, float[] c, int cOff) {
        int v = F.length();
        FloatVector s0 = FloatVector.zero(F);
        FloatVector s1 = s0;
        FloatVector s2 = s0;
        FloatVector s3 = s0;
        for (int t = 0; t < k; t++) {
            FloatVector at = FloatVector.broadcast(F, a[aOff + t * aStride]);
            int bo = t * n + j;
            s0 = FloatVector.fromArray(F, b, bo).fma(at, s0);
            s1 = FloatVector.fromArray(F, b, bo + v).fma(at, s1);
            s2 = FloatVector.fromArray(F, b, bo + 2 * v).fma(at, s2);
            s3 = FloatVector.fromArray(F, b, bo + 3 * v).fma(at, s3);
        }
        s0.intoArray(c, cOff + j);
        s1.intoArray(c, cOff + j + v);
        s2.intoArray(c, cOff + j + 2 * v);
        s3.intoArray(c, cOff + j + 3 * v);
    }

    private static void columns1(
            float[] a, int aOff, int aStride, float[] b, int n, int k, int j, float[] c, int cOff) {
        FloatVector s0 = FloatVector.zero(F);
        for (int t = 0; t < k; t++) {
            s0 = FloatVector.fromArray(F, b, t * n + j).fma(FloatVector.broadcast(F, a[aOff + t * aStride]), s0);
        }
        s0.intoArray(c, cOff + j);
    }

    /** The dot product of a[ao ..] and b[bo ..] over k entries. */
    private static float dot(float[] a, int ao, float[] b, int bo, int k) {
        int step = 2 * F.length();
        int bound = k / step * step;
        FloatVector s0 = FloatVector.zero(F);
        FloatVector s1 = s0;
        for (int p = 0; p < bound; p += step) {
            s0 = FloatVector.fromArray(F, a, ao + p).fma(FloatVector.fromArray(F, b, bo + p), s0);
            s1 = FloatVector.fromArray(F, a, ao + p + F.length())
                    .fma(FloatVector.fromArray(F, b, bo + p + F.length()), s1);
        }
        float s = s0.add(s1).reduceLanes(VectorOperators.ADD);
        for (int p = bound; p < k; p++) {
            s = Math.fma(a[ao + p], b[bo + p], s);
        }
        return s;
    }
}
