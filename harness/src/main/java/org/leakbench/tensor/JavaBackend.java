package org.leakbench.tensor;

import java.util.function.DoubleUnaryOperator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The pure-Java backend ("ejml"): plain loops for element-wise work and convolutions, EJML for matrix
 * products. No native code and no per-call overhead beyond allocation, which makes it the fastest
 * choice for the small victim models of gradient inversion (they are latency-bound, not FLOP-bound).
 */
public final class JavaBackend implements Backend {
    public static final String NAME = "ejml";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "EJML " + ejmlVersion() + " (pure Java, single thread per op, no native BLAS; "
                + SimdSupport.description() + ")";
    }

    private static String ejmlVersion() {
        Package p = DMatrixRMaj.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null ? "0.43" : v;
    }

    // ---- creation ----

    JavaTensor make(DType dtype, int[] shape, double[] data) {
        if (dtype == DType.F32) {
            if (SimdSupport.enabled()) {
                SimdKernels.roundToFloat(data);
            } else {
                JavaKernels.roundToFloat(data);
            }
        }
        return new JavaTensor(this, dtype, shape, data);
    }

    JavaTensor own(Tensor t) {
        if (t instanceof JavaTensor j && j.backend == this) {
            return j;
        }
        if (t instanceof JavaTensor j) {
            return new JavaTensor(this, j.dtype, j.shape, j.data);
        }
        return new JavaTensor(this, t.dtype(), t.shape().clone(), t.toDoubleArray());
    }

    @Override
    public Tensor fromArray(double[] data, DType dtype, int... shape) {
        if (data.length != Shape.size(shape)) {
            throw new IllegalArgumentException("array of length " + data.length + " does not fill shape "
                    + Shape.str(shape));
        }
        return make(dtype, shape.clone(), data.clone());
    }

    @Override
    public Tensor fromFloats(float[] data, int... shape) {
        if (data.length != Shape.size(shape)) {
            throw new IllegalArgumentException("array of length " + data.length + " does not fill shape "
                    + Shape.str(shape));
        }
        double[] d = new double[data.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = data[i];
        }
        return new JavaTensor(this, DType.F32, shape.clone(), d);
    }

    @Override
    public Tensor full(DType dtype, double value, int... shape) {
        double[] d = new double[Shape.size(shape)];
        double v = dtype == DType.F32 ? (float) value : value;
        if (v != 0) {
            java.util.Arrays.fill(d, v);
        }
        return new JavaTensor(this, dtype, shape.clone(), d);
    }

    @Override
    public Tensor from(Tensor t) {
        return own(t);
    }

    @Override
    public Tensor cast(Tensor a, DType dtype) {
        JavaTensor x = own(a);
        return x.dtype == dtype ? x : make(dtype, x.shape, x.data.clone());
    }

    // ---- element-wise binary ----

    private interface Op2 {
        double apply(double x, double y);
    }

    private Tensor binary(Tensor ta, Tensor tb, Op2 op) {
        return binary(ta, tb, op, null);
    }

    /** With {@code fast} set, the common shapes run {@link JavaKernels}' written-out loops instead of {@code op}. */
    private Tensor binary(Tensor ta, Tensor tb, Op2 op, JavaKernels.Binary fast) {
        JavaTensor a = own(ta);
        JavaTensor b = own(tb);
        DType dt = DType.wider(a.dtype, b.dtype);
        boolean f32 = dt == DType.F32;
        double[] x = a.data;
        double[] y = b.data;
        if (java.util.Arrays.equals(a.shape, b.shape)) {
            double[] r = new double[x.length];
            if (fast != null && f32 && SimdSupport.enabled()) {
                SimdKernels.same(fast, x, y, r);
            } else if (fast != null) {
                JavaKernels.same(fast, x, y, r, f32);
            } else {
                for (int i = 0; i < r.length; i++) {
                    double v = op.apply(x[i], y[i]);
                    r[i] = f32 ? (float) v : v;
                }
            }
            return new JavaTensor(this, dt, a.shape, r);
        }
        int[] shape = Shape.broadcast(a.shape, b.shape);
        int n = Shape.size(shape);
        double[] r = new double[n];
        boolean bSmall = x.length == n && BroadcastMap.isSuffix(b.shape, shape);
        boolean aSmall = !bSmall && y.length == n && BroadcastMap.isSuffix(a.shape, shape);
        if ((bSmall || aSmall) && fast != null && (bSmall ? y.length : x.length) > 0) {
            JavaKernels.repeated(fast, bSmall ? x : y, bSmall ? y : x, r, bSmall, f32);
        } else if (bSmall) {
            int m = y.length;
            for (int i = 0; i < n; i++) {
                double v = op.apply(x[i], y[i % m]);
                r[i] = f32 ? (float) v : v;
            }
        } else if (aSmall) {
            int m = x.length;
            for (int i = 0; i < n; i++) {
                double v = op.apply(x[i % m], y[i]);
                r[i] = f32 ? (float) v : v;
            }
        } else if (!channelBroadcast(a, b, shape, r, op, f32)) {
            int[] ia = BroadcastMap.indices(a.shape, shape);
            int[] ib = BroadcastMap.indices(b.shape, shape);
            for (int i = 0; i < n; i++) {
                double v = op.apply(x[ia[i]], y[ib[i]]);
                r[i] = f32 ? (float) v : v;
            }
        }
        return new JavaTensor(this, dt, shape, r);
    }

    /** r = a op b when one operand is a per-channel broadcast of the other ({@link BroadcastMap#block}). */
    private static boolean channelBroadcast(JavaTensor a, JavaTensor b, int[] shape, double[] r, Op2 op,
                                            boolean f32) {
        int n = r.length;
        int[] blockB = a.data.length == n ? BroadcastMap.block(b.shape, shape) : null;
        int[] blockA = blockB == null && b.data.length == n ? BroadcastMap.block(a.shape, shape) : null;
        if (blockB != null) {
            channelBroadcast(a.data, b.data, r, blockB, op, f32, true);
        } else if (blockA != null) {
            channelBroadcast(b.data, a.data, r, blockA, op, f32, false);
        }
        return blockB != null || blockA != null;
    }

    /**
     * r = big op small (or small op big) where small repeats over the outer and inner parts of a
     * [outer, mid, inner] view of big, as a per-channel bias does over [n, k, h, w].
     */
    private static void channelBroadcast(double[] big, double[] small, double[] r, int[] block, Op2 op,
                                         boolean f32, boolean smallOnRight) {
        int mid = block[1];
        int inner = block[2];
        for (int o = 0, i = 0; o < block[0]; o++) {
            for (int k = 0; k < mid; k++) {
                double c = small[k];
                for (int q = 0; q < inner; q++, i++) {
                    double v = smallOnRight ? op.apply(big[i], c) : op.apply(c, big[i]);
                    r[i] = f32 ? (float) v : v;
                }
            }
        }
    }

    @Override
    public Tensor add(Tensor a, Tensor b) {
        return binary(a, b, Double::sum, JavaKernels.Binary.ADD);
    }

    @Override
    public Tensor sub(Tensor a, Tensor b) {
        return binary(a, b, (x, y) -> x - y, JavaKernels.Binary.SUB);
    }

    @Override
    public Tensor mul(Tensor a, Tensor b) {
        return binary(a, b, (x, y) -> x * y, JavaKernels.Binary.MUL);
    }

    @Override
    public Tensor div(Tensor a, Tensor b) {
        return binary(a, b, (x, y) -> x / y);
    }

    @Override
    public Tensor scale(Tensor ta, double s) {
        JavaTensor a = own(ta);
        double[] r = new double[a.data.length];
        if (a.dtype == DType.F32 && SimdSupport.enabled()) {
            SimdKernels.scale(a.data, s, r);
        } else {
            JavaKernels.scale(a.data, s, r, a.dtype == DType.F32);
        }
        return new JavaTensor(this, a.dtype, a.shape, r);
    }

    @Override
    public Tensor addScalar(Tensor a, double s) {
        return unary(a, v -> v + s);
    }

    // ---- unary ----

    private Tensor unary(Tensor ta, DoubleUnaryOperator f) {
        return unary(ta, f, false);
    }

    /** A function with a vectorised float32 form, which {@code f} computes elsewhere. */
    private Tensor unary(Tensor ta, DoubleUnaryOperator f, JavaKernels.Unary vectorised) {
        JavaTensor a = own(ta);
        if (a.dtype == DType.F32 && SimdSupport.enabled()) {
            double[] r = new double[a.data.length];
            SimdKernels.unary(vectorised, a.data, r);
            return new JavaTensor(this, a.dtype, a.shape, r);
        }
        return unary(a, f, false);
    }

    /** {@code exact}: the operation maps floats to floats (negation, masks), so no rounding is needed. */
    private Tensor unary(Tensor ta, DoubleUnaryOperator f, boolean exact) {
        JavaTensor a = own(ta);
        double[] x = a.data;
        double[] r = new double[x.length];
        boolean round = a.dtype == DType.F32 && !exact;
        for (int i = 0; i < r.length; i++) {
            double v = f.applyAsDouble(x[i]);
            r[i] = round ? (float) v : v;
        }
        return new JavaTensor(this, a.dtype, a.shape, r);
    }

    @Override
    public Tensor neg(Tensor a) {
        return unary(a, v -> -v, true);
    }

    @Override
    public Tensor exp(Tensor a) {
        return unary(a, Math::exp, JavaKernels.Unary.EXP);
    }

    @Override
    public Tensor log(Tensor a) {
        return unary(a, Math::log, JavaKernels.Unary.LOG);
    }

    @Override
    public Tensor sqrt(Tensor a) {
        return unary(a, Math::sqrt);
    }

    @Override
    public Tensor square(Tensor ta) {
        JavaTensor a = own(ta);
        double[] r = new double[a.data.length];
        if (a.dtype == DType.F32 && SimdSupport.enabled()) {
            SimdKernels.square(a.data, r);
        } else {
            JavaKernels.square(a.data, r, a.dtype == DType.F32);
        }
        return new JavaTensor(this, a.dtype, a.shape, r);
    }

    @Override
    public Tensor sigmoid(Tensor a) {
        return unary(a, v -> v >= 0 ? 1.0 / (1.0 + Math.exp(-v)) : Math.exp(v) / (1.0 + Math.exp(v)),
                JavaKernels.Unary.SIGMOID);
    }

    @Override
    public Tensor tanh(Tensor a) {
        return unary(a, Math::tanh, JavaKernels.Unary.TANH);
    }

    @Override
    public Tensor relu(Tensor a) {
        return unary(a, v -> v <= 0 ? 0.0 : v, true); // NaN stays NaN, so divergence stays visible
    }

    @Override
    public Tensor positiveMask(Tensor a) {
        return unary(a, v -> v > 0 ? 1.0 : 0.0, true);
    }

    @Override
    public Tensor sign(Tensor a) {
        return unary(a, Math::signum, true);
    }

    @Override
    public Tensor abs(Tensor a) {
        return unary(a, Math::abs, true);
    }

    @Override
    public Tensor clamp(Tensor a, double lo, double hi) {
        return unary(a, v -> v < lo ? lo : (v > hi ? hi : v));
    }

    // ---- shape and reduction ----

    @Override
    public Tensor sumAll(Tensor ta) {
        JavaTensor a = own(ta);
        double s = 0;
        for (double v : a.data) {
            s += v;
        }
        return make(a.dtype, new int[0], new double[] {s});
    }

    @Override
    public Tensor sumTo(Tensor ta, int... shape) {
        JavaTensor a = own(ta);
        if (java.util.Arrays.equals(a.shape, shape)) {
            return a;
        }
        if (!Shape.broadcastsTo(shape, a.shape)) {
            throw new IllegalArgumentException("cannot sum shape " + Shape.str(a.shape) + " down to "
                    + Shape.str(shape));
        }
        int m = Shape.size(shape);
        double[] r = new double[m];
        double[] x = a.data;
        int[] block = BroadcastMap.block(shape, a.shape);
        if (BroadcastMap.isSuffix(shape, a.shape)) {
            for (int i = 0; i < x.length; i++) {
                r[i % m] += x[i];
            }
        } else if (block != null) {
            for (int o = 0, i = 0; o < block[0]; o++) {
                for (int k = 0; k < block[1]; k++) {
                    double sum = 0;
                    for (int q = 0; q < block[2]; q++, i++) {
                        sum += x[i];
                    }
                    r[k] += sum;
                }
            }
        } else {
            int[] map = BroadcastMap.indices(shape, a.shape);
            for (int i = 0; i < x.length; i++) {
                r[map[i]] += x[i];
            }
        }
        return make(a.dtype, shape.clone(), r);
    }

    @Override
    public Tensor broadcastTo(Tensor ta, int... shape) {
        JavaTensor a = own(ta);
        if (java.util.Arrays.equals(a.shape, shape)) {
            return a;
        }
        if (!Shape.broadcastsTo(a.shape, shape)) {
            throw new IllegalArgumentException("cannot broadcast shape " + Shape.str(a.shape) + " to "
                    + Shape.str(shape));
        }
        int n = Shape.size(shape);
        double[] r = new double[n];
        double[] x = a.data;
        int[] block = BroadcastMap.block(a.shape, shape);
        if (BroadcastMap.isSuffix(a.shape, shape)) {
            int m = x.length;
            for (int i = 0; i < n; i++) {
                r[i] = x[i % m];
            }
        } else if (block != null) {
            for (int o = 0, i = 0; o < block[0]; o++) {
                for (int k = 0; k < block[1]; k++) {
                    java.util.Arrays.fill(r, i, i + block[2], x[k]);
                    i += block[2];
                }
            }
        } else {
            int[] map = BroadcastMap.indices(a.shape, shape);
            for (int i = 0; i < n; i++) {
                r[i] = x[map[i]];
            }
        }
        return new JavaTensor(this, a.dtype, shape.clone(), r);
    }

    @Override
    public Tensor reshape(Tensor ta, int... shape) {
        JavaTensor a = own(ta);
        if (Shape.size(shape) != a.data.length) {
            throw new IllegalArgumentException("cannot reshape " + Shape.str(a.shape) + " to " + Shape.str(shape));
        }
        return new JavaTensor(this, a.dtype, shape.clone(), a.data);
    }

    @Override
    public Tensor transpose(Tensor ta) {
        JavaTensor a = own(ta);
        requireMatrix(a, "transpose");
        int rows = a.shape[0];
        int cols = a.shape[1];
        double[] r = new double[a.data.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                r[j * rows + i] = a.data[i * cols + j];
            }
        }
        return new JavaTensor(this, a.dtype, new int[] {cols, rows}, r);
    }

    private static void requireMatrix(JavaTensor a, String op) {
        if (a.shape.length != 2) {
            throw new IllegalArgumentException(op + " needs a matrix, got shape " + Shape.str(a.shape));
        }
    }

    // ---- linear algebra ----

    @Override
    public Tensor matmul(Tensor ta, Tensor tb, boolean transposeA, boolean transposeB) {
        JavaTensor a = own(ta);
        JavaTensor b = own(tb);
        requireMatrix(a, "matmul");
        requireMatrix(b, "matmul");
        int m = transposeA ? a.shape[1] : a.shape[0];
        int ka = transposeA ? a.shape[0] : a.shape[1];
        int kb = transposeB ? b.shape[1] : b.shape[0];
        int n = transposeB ? b.shape[0] : b.shape[1];
        if (ka != kb) {
            throw new IllegalArgumentException("matmul of " + Shape.str(a.shape) + (transposeA ? "^T" : "")
                    + " and " + Shape.str(b.shape) + (transposeB ? "^T" : "") + ": inner sizes " + ka + " and "
                    + kb + " differ");
        }
        DType dt = DType.wider(a.dtype, b.dtype);
        if (ka == 1) {
            // An outer product (a weight gradient at batch 1): one fused pass, whatever the transposes.
            double[] r = new double[m * n];
            if (simd(dt)) {
                SimdKernels.outer(a.data, b.data, r);
            } else {
                JavaKernels.outer(a.data, b.data, r, dt == DType.F32);
            }
            return new JavaTensor(this, dt, new int[] {m, n}, r);
        }
        if (simd(dt) && m >= 4) { // rows enough to repay copying the operands to float
            double[] r = new double[m * n];
            SimdGemm.matmul(a.data, transposeA, b.data, transposeB, m, ka, n, r);
            return new JavaTensor(this, dt, new int[] {m, n}, r);
        }
        if (transposeB && !transposeA) {
            double[] r = new double[m * n];
            JavaKernels.multTransB(a.data, b.data, r, m, n, ka, dt == DType.F32);
            return new JavaTensor(this, dt, new int[] {m, n}, r);
        }
        DMatrixRMaj ma = DMatrixRMaj.wrap(a.shape[0], a.shape[1], a.data);
        DMatrixRMaj mb = DMatrixRMaj.wrap(b.shape[0], b.shape[1], b.data);
        DMatrixRMaj mc = new DMatrixRMaj(m, n);
        if (transposeA && transposeB) {
            CommonOps_DDRM.multTransAB(ma, mb, mc);
        } else if (transposeA) {
            CommonOps_DDRM.multTransA(ma, mb, mc);
        } else if (transposeB) {
            CommonOps_DDRM.multTransB(ma, mb, mc);
        } else {
            CommonOps_DDRM.mult(ma, mb, mc);
        }
        return make(dt, new int[] {m, n}, mc.data);
    }

    @Override
    public Tensor conv2d(Tensor tx, Tensor tw, Conv2dSpec spec) {
        JavaTensor x = own(tx);
        JavaTensor w = own(tw);
        int[] ys = spec.outputShape(x.shape, w.shape);
        double[] y = new double[Shape.size(ys)];
        DType dt = DType.wider(x.dtype, w.dtype);
        if (simd(dt)) {
            SimdConv.forward(x.data, x.shape, w.data, w.shape, y, ys, spec);
        } else {
            JavaConv.forward(x.data, x.shape, w.data, w.shape, y, ys, spec);
        }
        return simd(dt) ? new JavaTensor(this, dt, ys, y) : make(dt, ys, y); // SIMD results are floats
    }

    @Override
    public Tensor conv2dInputAdjoint(Tensor tg, Tensor tw, int[] inputShape, Conv2dSpec spec) {
        JavaTensor g = own(tg);
        JavaTensor w = own(tw);
        JavaConv.checkOutput(spec.outputShape(inputShape, w.shape), g.shape, "conv2d input adjoint");
        double[] gx = new double[Shape.size(inputShape)];
        DType dt = DType.wider(g.dtype, w.dtype);
        if (simd(dt)) {
            SimdConv.inputAdjoint(g.data, g.shape, w.data, w.shape, gx, inputShape, spec);
        } else {
            JavaConv.inputAdjoint(g.data, g.shape, w.data, w.shape, gx, inputShape, spec);
        }
        return simd(dt) ? new JavaTensor(this, dt, inputShape.clone(), gx) : make(dt, inputShape.clone(), gx);
    }

    @Override
    public Tensor conv2dFilterAdjoint(Tensor tx, Tensor tg, int[] filterShape, Conv2dSpec spec) {
        JavaTensor x = own(tx);
        JavaTensor g = own(tg);
        JavaConv.checkOutput(spec.outputShape(x.shape, filterShape), g.shape, "conv2d filter adjoint");
        double[] gw = new double[Shape.size(filterShape)];
        DType dt = DType.wider(x.dtype, g.dtype);
        if (simd(dt)) {
            SimdConv.filterAdjoint(x.data, x.shape, g.data, g.shape, gw, filterShape, spec);
        } else {
            JavaConv.filterAdjoint(x.data, x.shape, g.data, g.shape, gw, filterShape, spec);
        }
        return simd(dt) ? new JavaTensor(this, dt, filterShape.clone(), gw) : make(dt, filterShape.clone(), gw);
    }

    // Float32 work may run in float on the Vector API; float64 keeps the exact double loops.
    private static boolean simd(DType dt) {
        return dt == DType.F32 && SimdSupport.enabled();
    }

    @Override
    public Tensor logSoftmax(Tensor ta) {
        JavaTensor a = own(ta);
        requireMatrix(a, "logSoftmax");
        int rows = a.shape[0];
        int cols = a.shape[1];
        double[] r = new double[a.data.length];
        for (int i = 0; i < rows; i++) {
            int o = i * cols;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, a.data[o + j]);
            }
            double s = 0;
            for (int j = 0; j < cols; j++) {
                s += Math.exp(a.data[o + j] - max);
            }
            double lse = max + Math.log(s);
            for (int j = 0; j < cols; j++) {
                r[o + j] = a.data[o + j] - lse;
            }
        }
        return make(a.dtype, a.shape, r);
    }
}
