package org.leakbench.tensor.cpu;

import java.util.function.Consumer;
import java.util.function.DoubleUnaryOperator;
import org.ejml.data.DMatrixRMaj;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.BroadcastMap;
import org.leakbench.tensor.Conv2dSpec;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Gelu;
import org.leakbench.tensor.MatmulShape;
import org.leakbench.tensor.Shape;
import org.leakbench.tensor.SimdSupport;
import org.leakbench.tensor.Tensor;

/**
 * The pure-Java backend ("java", formerly "ejml"): float32 tensors in float arrays, float64 in double arrays.
 * Float32 work runs in the {@link Kernels} chosen once for the JVM: on the Vector API where it has it
 * ({@link VectorKernels}), else in scalar loops ({@link ScalarKernels}); float64 work runs in plain loops
 * ({@link DoubleLoops}) and EJML's matrix products. No native code and no per-call overhead beyond allocation,
 * which makes it the fastest choice for the small victim models of gradient inversion (they are latency-bound,
 * not FLOP-bound).
 *
 * <p>Each op runs on the calling thread unless the backend was given more op threads ({@link #threads()}):
 * then the large float32 convolutions, matrix products, matrix-vector and outer products on the Vector API
 * share their work out, with results identical bit for bit to one thread's.
 */
public final class JavaBackend implements Backend {
    public static final String NAME = "java";
    /** The backend's former name, still accepted: it was named after EJML, which only does its float64 products. */
    public static final String FORMER_NAME = "ejml";
    /** System property with the op threads of the backend that {@code Backends} hands out (default 1). */
    public static final String THREADS_PROPERTY = OpThreads.PROPERTY;

    /** The float32 loops, on the Vector API or scalar: chosen once for the JVM. */
    private static final Kernels KERNELS = Kernels.CHOSEN;

    private final OpThreads threads;

    /** A backend with the op threads that {@link #THREADS_PROPERTY} asks for; a clear error if it is bad. */
    public JavaBackend() {
        this(OpThreads.requested());
    }

    /** A backend whose large float32 ops may use {@code threads} threads (1 to 1024), the caller's included. */
    public JavaBackend(int threads) {
        this.threads = new OpThreads(threads);
    }

    /** The op threads set with {@link #THREADS_PROPERTY}, for sizing thread pools; a clear error if it is bad. */
    public static int requestedThreads() {
        return OpThreads.requested();
    }

    /** Threads one op may use, the calling thread included. */
    public int threads() {
        return threads.threads();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        int n = threads.threads();
        return "Pure Java (" + (n == 1 ? "single thread" : n + " threads") + " per op; " + KERNELS.description()
                + "; products from 256³ multiply-adds through OpenBLAS where its natives load, smaller float64 "
                + "products in EJML " + ejmlVersion() + ")";
    }

    private static String ejmlVersion() {
        Package p = DMatrixRMaj.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null ? "0.43" : v;
    }

    // ---- creation ----

    /** A result computed in doubles: kept as float64, or rounded into float32 storage. */
    JavaTensor of(DType dtype, int[] shape, double[] values) {
        return dtype == DType.F32
                ? new JavaTensor(this, shape, JavaTensor.narrow(values))
                : new JavaTensor(this, shape, values);
    }

    JavaTensor own(Tensor t) {
        if (t instanceof JavaTensor j && j.backend == this) {
            return j;
        }
        if (t instanceof JavaTensor j) {
            return j.floats != null ? new JavaTensor(this, j.shape, j.floats) : new JavaTensor(this, j.shape, j.data);
        }
        return t.dtype() == DType.F32
                ? new JavaTensor(this, t.shape().clone(), t.toFloatArray())
                : new JavaTensor(this, t.shape().clone(), t.toDoubleArray());
    }

    private static void requireFill(int length, int[] shape) {
        if (length != Shape.size(shape)) {
            throw new IllegalArgumentException(
                    "array of length " + length + " does not fill shape " + Shape.str(shape));
        }
    }

    @Override
    public Tensor fromArray(double[] data, DType dtype, int... shape) {
        requireFill(data.length, shape);
        return of(dtype, shape.clone(), dtype == DType.F32 ? data : data.clone());
    }

    @Override
    public Tensor fromFloats(float[] data, int... shape) {
        requireFill(data.length, shape);
        return new JavaTensor(this, shape.clone(), data.clone());
    }

    @Override
    public Tensor full(DType dtype, double value, int... shape) {
        int n = Shape.size(shape);
        if (dtype == DType.F32) {
            float[] f = new float[n];
            if (value != 0) {
                java.util.Arrays.fill(f, (float) value);
            }
            return new JavaTensor(this, shape.clone(), f);
        }
        double[] d = new double[n];
        if (value != 0) {
            java.util.Arrays.fill(d, value);
        }
        return new JavaTensor(this, shape.clone(), d);
    }

    @Override
    public Tensor from(Tensor t) {
        return own(t);
    }

    @Override
    public Tensor cast(Tensor a, DType dtype) {
        JavaTensor x = own(a);
        if (x.dtype == dtype) {
            return x;
        }
        return dtype == DType.F32
                ? new JavaTensor(this, x.shape, JavaTensor.narrow(x.data))
                : new JavaTensor(this, x.shape, JavaTensor.widen(x.floats));
    }

    // ---- element-wise binary ----

    private interface Op2 {
        double apply(double x, double y);
    }

    private Tensor binary(Tensor ta, Tensor tb, Op2 op) {
        return binary(ta, tb, op, null);
    }

    /**
     * With {@code fast} set, the common shapes run written-out loops ({@link Kernels}, {@link DoubleLoops})
     * instead of {@code op}. Float32 operands stay in float; anything involving float64 runs in double.
     */
    private Tensor binary(Tensor ta, Tensor tb, Op2 op, Kernels.Binary fast) {
        JavaTensor a = own(ta);
        JavaTensor b = own(tb);
        BroadcastMap.Plan plan = BroadcastMap.Plan.of(a.shape, b.shape);
        if (a.dtype == DType.F32 && b.dtype == DType.F32) {
            return binary32(a, b, plan, op, fast);
        }
        double[] x = a.doubles();
        double[] y = b.doubles();
        double[] r = new double[Shape.size(plan.shape())];
        double[] big = plan.smallOnRight() ? x : y;
        double[] small = plan.smallOnRight() ? y : x;
        boolean right = plan.smallOnRight();
        switch (plan.kind()) {
            case SAME -> {
                if (fast != null) {
                    DoubleLoops.same(fast, x, y, r);
                } else {
                    for (int i = 0; i < r.length; i++) {
                        r[i] = op.apply(x[i], y[i]);
                    }
                }
            }
            case SUFFIX -> {
                if (fast != null && small.length > 0) {
                    DoubleLoops.repeated(fast, big, small, r, right);
                } else {
                    int m = small.length;
                    for (int i = 0; i < r.length; i++) {
                        r[i] = right ? op.apply(big[i], small[i % m]) : op.apply(small[i % m], big[i]);
                    }
                }
            }
            case CHANNEL -> {
                // A per-channel broadcast ([k, 1, 1] against [n, k, h, w]): three plain loops, no index map.
                int[] bl = plan.block();
                for (int o = 0, i = 0; o < bl[0]; o++) {
                    for (int k = 0; k < bl[1]; k++) {
                        double c = small[k];
                        for (int q = 0; q < bl[2]; q++, i++) {
                            r[i] = right ? op.apply(big[i], c) : op.apply(c, big[i]);
                        }
                    }
                }
            }
            case GENERAL -> {
                int[] ia = BroadcastMap.indices(a.shape, plan.shape());
                int[] ib = BroadcastMap.indices(b.shape, plan.shape());
                for (int i = 0; i < r.length; i++) {
                    r[i] = op.apply(x[ia[i]], y[ib[i]]);
                }
            }
            default -> throw new AssertionError(plan.kind());
        }
        return new JavaTensor(this, plan.shape(), r);
    }

    /**
     * Both operands float32: the result of each element is op computed in double and rounded once, which for
     * +, −, × and ÷ is exactly the float operation (the written-out loops compute in float directly).
     */
    private Tensor binary32(JavaTensor a, JavaTensor b, BroadcastMap.Plan plan, Op2 op, Kernels.Binary fast) {
        float[] x = a.floats;
        float[] y = b.floats;
        float[] r = new float[Shape.size(plan.shape())];
        float[] big = plan.smallOnRight() ? x : y;
        float[] small = plan.smallOnRight() ? y : x;
        boolean right = plan.smallOnRight();
        switch (plan.kind()) {
            case SAME -> {
                if (fast != null) {
                    KERNELS.same(fast, x, y, r);
                } else {
                    for (int i = 0; i < r.length; i++) {
                        r[i] = (float) op.apply(x[i], y[i]);
                    }
                }
            }
            case SUFFIX -> {
                if (fast != null && small.length > 0) {
                    KERNELS.repeated(fast, big, small, r, right);
                } else {
                    int m = small.length;
                    for (int i = 0; i < r.length; i++) {
                        r[i] = (float) (right ? op.apply(big[i], small[i % m]) : op.apply(small[i % m], big[i]));
                    }
                }
            }
            case CHANNEL -> {
                int[] bl = plan.block();
                for (int o = 0, i = 0; o < bl[0]; o++) {
                    for (int k = 0; k < bl[1]; k++, i += bl[2]) {
                        channel(op, fast, big, i, bl[2], small[k], r, right);
                    }
                }
            }
            case GENERAL -> {
                int[] ia = BroadcastMap.indices(a.shape, plan.shape());
                int[] ib = BroadcastMap.indices(b.shape, plan.shape());
                for (int i = 0; i < r.length; i++) {
                    r[i] = (float) op.apply(x[ia[i]], y[ib[i]]);
                }
            }
            default -> throw new AssertionError(plan.kind());
        }
        return new JavaTensor(this, plan.shape(), r);
    }

    /** Where the fused ops have their one-pass kernels; other operands take the interface's composition. */
    private static boolean floatsOfOneShape(JavaTensor a, JavaTensor b) {
        return a.dtype == DType.F32 && b.dtype == DType.F32 && java.util.Arrays.equals(a.shape, b.shape);
    }

    /** One channel of a per-channel broadcast: r = big op c over [from, from + n). */
    private static void channel(
            Op2 op, Kernels.Binary fast, float[] big, int from, int n, float c, float[] r, boolean smallOnRight) {
        if (fast != null) {
            KERNELS.withScalar(fast, big, from, n, c, r, smallOnRight);
        } else {
            for (int i = from; i < from + n; i++) {
                r[i] = (float) (smallOnRight ? op.apply(big[i], c) : op.apply(c, big[i]));
            }
        }
    }

    @Override
    public Tensor add(Tensor a, Tensor b) {
        return binary(a, b, Double::sum, Kernels.Binary.ADD);
    }

    @Override
    public Tensor sub(Tensor a, Tensor b) {
        return binary(a, b, (x, y) -> x - y, Kernels.Binary.SUB);
    }

    @Override
    public Tensor mul(Tensor a, Tensor b) {
        return binary(a, b, (x, y) -> x * y, Kernels.Binary.MUL);
    }

    /**
     * Float32 operands of one shape, or a divisor broadcast along trailing axes or per channel (a norm's
     * deviation), divide in float loops that the JIT vectorises: a float quotient is the double quotient rounded
     * once, so the bits are those of the general path.
     */
    @Override
    public Tensor div(Tensor ta, Tensor tb) {
        JavaTensor a = own(ta);
        JavaTensor b = own(tb);
        if (a.dtype == DType.F32 && b.dtype == DType.F32) {
            BroadcastMap.Plan plan = BroadcastMap.Plan.of(a.shape, b.shape);
            boolean divisorSmall = plan.kind() == BroadcastMap.Kind.SAME || plan.smallOnRight();
            if (divisorSmall && plan.kind() != BroadcastMap.Kind.GENERAL) {
                float[] r = new float[Shape.size(plan.shape())];
                divide(a.floats, b.floats, plan, r);
                return new JavaTensor(this, plan.shape(), r);
            }
        }
        return binary(a, b, (x, y) -> x / y);
    }

    /** r = x / y for a plan whose divisor y is the whole shape, a repeated suffix or one value per channel. */
    private static void divide(float[] x, float[] y, BroadcastMap.Plan plan, float[] r) {
        switch (plan.kind()) {
            case SAME -> {
                for (int i = 0; i < r.length; i++) {
                    r[i] = x[i] / y[i];
                }
            }
            case SUFFIX -> {
                int m = y.length;
                for (int base = 0; base < r.length; base += m) {
                    for (int j = 0; j < m; j++) {
                        r[base + j] = x[base + j] / y[j];
                    }
                }
            }
            case CHANNEL -> {
                int[] bl = plan.block();
                for (int o = 0, i = 0; o < bl[0]; o++) {
                    for (int k = 0; k < bl[1]; k++, i += bl[2]) {
                        float c = y[k];
                        for (int q = i; q < i + bl[2]; q++) {
                            r[q] = x[q] / c;
                        }
                    }
                }
            }
            default -> throw new AssertionError(plan.kind());
        }
    }

    /** Scales by s; a float32 tensor by the float nearest s, in float. */
    @Override
    public Tensor scale(Tensor ta, double s) {
        JavaTensor a = own(ta);
        if (a.dtype == DType.F32) {
            return withScalar(a, Kernels.Binary.MUL, (float) s);
        }
        double[] r = new double[a.data.length];
        DoubleLoops.scale(a.data, s, r);
        return new JavaTensor(this, a.shape, r);
    }

    /** Adds s; to a float32 tensor the float nearest s, in float. */
    @Override
    public Tensor addScalar(Tensor ta, double s) {
        JavaTensor a = own(ta);
        if (a.dtype == DType.F32) {
            return withScalar(a, Kernels.Binary.ADD, (float) s);
        }
        return unary(a, v -> v + s);
    }

    /** A float32 tensor op c, in float. */
    private JavaTensor withScalar(JavaTensor a, Kernels.Binary op, float c) {
        float[] r = new float[a.floats.length];
        KERNELS.withScalar(op, a.floats, 0, r.length, c, r, true);
        return new JavaTensor(this, a.shape, r);
    }

    // ---- unary ----

    /** f of every element, computed in double; float32 results are rounded once. */
    private Tensor unary(Tensor ta, DoubleUnaryOperator f) {
        JavaTensor a = own(ta);
        if (a.dtype == DType.F32) {
            float[] x = a.floats;
            float[] r = new float[x.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = (float) f.applyAsDouble(x[i]);
            }
            return new JavaTensor(this, a.shape, r);
        }
        double[] x = a.data;
        double[] r = new double[x.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = f.applyAsDouble(x[i]);
        }
        return new JavaTensor(this, a.shape, r);
    }

    /** A function with written-out float32 loops ({@link Kernels#unary}). */
    private Tensor unary(Tensor ta, Kernels.Unary f) {
        JavaTensor a = own(ta);
        if (a.dtype == DType.F32) {
            float[] r = new float[a.floats.length];
            KERNELS.unary(f, a.floats, r);
            return new JavaTensor(this, a.shape, r);
        }
        return unary(a, f.exact);
    }

    @Override
    public Tensor neg(Tensor ta) {
        JavaTensor a = own(ta);
        if (a.dtype == DType.F32) {
            return withScalar(a, Kernels.Binary.MUL, -1f); // exact: only the sign changes
        }
        return unary(a, v -> -v);
    }

    @Override
    public Tensor exp(Tensor a) {
        return unary(a, Kernels.Unary.EXP);
    }

    @Override
    public Tensor log(Tensor a) {
        return unary(a, Kernels.Unary.LOG);
    }

    @Override
    public Tensor sqrt(Tensor a) {
        return unary(a, Math::sqrt);
    }

    @Override
    public Tensor square(Tensor ta) {
        JavaTensor a = own(ta);
        if (a.dtype == DType.F32) {
            float[] r = new float[a.floats.length];
            KERNELS.square(a.floats, r);
            return new JavaTensor(this, a.shape, r);
        }
        double[] r = new double[a.data.length];
        DoubleLoops.square(a.data, r);
        return new JavaTensor(this, a.shape, r);
    }

    @Override
    public Tensor sigmoid(Tensor a) {
        return unary(a, Kernels.Unary.SIGMOID);
    }

    /** Float32 operands of one shape: one pass, the same float operations in the same order as composed. */
    @Override
    public Tensor sigmoidBackward(Tensor ty, Tensor tg) {
        JavaTensor y = own(ty);
        JavaTensor g = own(tg);
        if (!floatsOfOneShape(y, g)) {
            return Backend.super.sigmoidBackward(y, g);
        }
        float[] r = new float[y.floats.length];
        KERNELS.sigmoidBackward(y.floats, g.floats, r);
        return new JavaTensor(this, y.shape, r);
    }

    /**
     * Float32: three passes instead of nine ops, with the float operations of the composition in its order (and
     * its vectorised tanh), so the bits are the composition's.
     */
    @Override
    public Tensor gelu(Tensor tx) {
        JavaTensor a = own(tx);
        if (a.dtype != DType.F32) {
            return Backend.super.gelu(a);
        }
        float[] x = a.floats;
        float[] r = geluTanh(x);
        for (int i = 0; i < r.length; i++) {
            r[i] = (x[i] * 0.5f) * (r[i] + 1f);
        }
        return new JavaTensor(this, a.shape, r);
    }

    /** Float32: (1 + t)/2 + x·(1 − t²)·u'/2 in three passes, in float. */
    @Override
    public Tensor geluDerivative(Tensor tx) {
        JavaTensor a = own(tx);
        if (a.dtype != DType.F32) {
            return Backend.super.geluDerivative(a);
        }
        float[] x = a.floats;
        float[] r = geluTanh(x);
        float cubic3 = (float) (3 * Gelu.CUBIC);
        float c = (float) Gelu.SCALE;
        for (int i = 0; i < r.length; i++) {
            float t = r[i];
            float slope = (x[i] * x[i] * cubic3 + 1f) * c;
            r[i] = (t + 1f) * 0.5f + (x[i] * 0.5f) * ((1f - t * t) * slope);
        }
        return new JavaTensor(this, a.shape, r);
    }

    /** tanh(c·(x + 0.044715·x³)) of float32 x, each step rounded as the composed ops round it. */
    private static float[] geluTanh(float[] x) {
        float cubic = (float) Gelu.CUBIC;
        float c = (float) Gelu.SCALE;
        float[] u = new float[x.length];
        for (int i = 0; i < u.length; i++) {
            float v = x[i];
            u[i] = (v + (v * v * v) * cubic) * c;
        }
        KERNELS.unary(Kernels.Unary.TANH, u, u);
        return u;
    }

    @Override
    public Tensor tanh(Tensor a) {
        return unary(a, Kernels.Unary.TANH);
    }

    @Override
    public Tensor relu(Tensor a) {
        return unary(a, v -> v <= 0 ? 0.0 : v); // NaN stays NaN, so divergence stays visible
    }

    @Override
    public Tensor positiveMask(Tensor a) {
        return unary(a, v -> v > 0 ? 1.0 : 0.0);
    }

    @Override
    public Tensor sign(Tensor a) {
        return unary(a, Math::signum);
    }

    @Override
    public Tensor abs(Tensor a) {
        return unary(a, Math::abs);
    }

    @Override
    public Tensor clamp(Tensor a, double lo, double hi) {
        return unary(a, v -> v < lo ? lo : (v > hi ? hi : v));
    }

    // ---- shape and reduction ----

    @Override
    public Tensor sumAll(Tensor ta) {
        JavaTensor a = own(ta);
        if (a.dtype == DType.F32) {
            double s = KERNELS.sum(a.floats, 0, a.floats.length);
            return new JavaTensor(this, new int[0], new float[] {(float) s});
        }
        return new JavaTensor(this, new int[0], new double[] {DoubleLoops.sum(a.data, 0, a.data.length)});
    }

    /** Float32 operands of one shape: one pass, exact products accumulated in double; else as the default. */
    @Override
    public Tensor dot(Tensor ta, Tensor tb) {
        JavaTensor a = own(ta);
        JavaTensor b = own(tb);
        if (!floatsOfOneShape(a, b)) {
            return Backend.super.dot(a, b);
        }
        double s = KERNELS.dot(a.floats, b.floats);
        return new JavaTensor(this, new int[0], new float[] {(float) s});
    }

    /** Float32 operands of one shape: one fused pass, accumulated in double; anything else as the default. */
    @Override
    public Tensor sumOfSquaredDifferences(Tensor ta, Tensor tb) {
        JavaTensor a = own(ta);
        JavaTensor b = own(tb);
        if (!floatsOfOneShape(a, b)) {
            return Backend.super.sumOfSquaredDifferences(a, b);
        }
        double s = KERNELS.sumOfSquaredDifferences(a.floats, b.floats);
        return new JavaTensor(this, new int[0], new float[] {(float) s});
    }

    /** Float32 operands of one shape: one pass, in float (the difference rounded, then the product). */
    @Override
    public Tensor scaledDifference(Tensor ta, Tensor tb, Tensor ts) {
        JavaTensor a = own(ta);
        JavaTensor b = own(tb);
        JavaTensor s = own(ts);
        if (!floatsOfOneShape(a, b) || s.dtype != DType.F32 || s.size() != 1) {
            return Backend.super.scaledDifference(a, b, s);
        }
        float[] r = new float[a.floats.length];
        KERNELS.scaledDifference(a.floats, b.floats, s.floats[0], r);
        return new JavaTensor(this, Shape.broadcast(a.shape, s.shape), r);
    }

    /** Sums in double, whatever the storage; float32 sums are rounded once at the end. */
    @Override
    public Tensor sumTo(Tensor ta, int... shape) {
        JavaTensor a = own(ta);
        if (java.util.Arrays.equals(a.shape, shape)) {
            return a;
        }
        if (!Shape.broadcastsTo(shape, a.shape)) {
            throw new IllegalArgumentException(
                    "cannot sum shape " + Shape.str(a.shape) + " down to " + Shape.str(shape));
        }
        int m = Shape.size(shape);
        double[] r = new double[m];
        int n = a.size();
        float[] xf = a.floats;
        double[] xd = a.data;
        int[] block = BroadcastMap.block(shape, a.shape);
        if (BroadcastMap.isSuffix(shape, a.shape)) {
            for (int base = 0; base < n && m > 0; base += m) { // row after row: the order of the flat loop
                if (xf != null) {
                    for (int j = 0; j < m; j++) {
                        r[j] += xf[base + j];
                    }
                } else {
                    for (int j = 0; j < m; j++) {
                        r[j] += xd[base + j];
                    }
                }
            }
        } else if (block != null) {
            for (int o = 0, i = 0; o < block[0]; o++) {
                for (int k = 0; k < block[1]; k++, i += block[2]) {
                    r[k] += xf != null ? KERNELS.sum(xf, i, block[2]) : DoubleLoops.sum(xd, i, block[2]);
                }
            }
        } else {
            int[] map = BroadcastMap.indices(shape, a.shape);
            for (int i = 0; i < n; i++) {
                r[map[i]] += xf != null ? xf[i] : xd[i];
            }
        }
        return of(a.dtype, shape.clone(), r);
    }

    @Override
    public Tensor broadcastTo(Tensor ta, int... shape) {
        JavaTensor a = own(ta);
        if (java.util.Arrays.equals(a.shape, shape)) {
            return a;
        }
        if (!Shape.broadcastsTo(a.shape, shape)) {
            throw new IllegalArgumentException(
                    "cannot broadcast shape " + Shape.str(a.shape) + " to " + Shape.str(shape));
        }
        int n = Shape.size(shape);
        Object x = a.floats != null ? a.floats : a.data;
        Object r = a.floats != null ? new float[n] : new double[n];
        int[] block = BroadcastMap.block(a.shape, shape); // a per-channel broadcast
        if (BroadcastMap.isSuffix(a.shape, shape)) {
            repeat(x, 0, a.size(), r, 0, n);
        } else if (block != null) {
            for (int o = 0, i = 0; o < block[0]; o++) {
                for (int k = 0; k < block[1]; k++, i += block[2]) {
                    repeat(x, k, 1, r, i, block[2]);
                }
            }
        } else {
            int[] map = BroadcastMap.indices(a.shape, shape);
            if (r instanceof float[] f) {
                for (int i = 0; i < n; i++) {
                    f[i] = a.floats[map[i]];
                }
            } else {
                double[] d = (double[]) r;
                for (int i = 0; i < n; i++) {
                    d[i] = a.data[map[i]];
                }
            }
        }
        return r instanceof float[] f
                ? new JavaTensor(this, shape.clone(), f)
                : new JavaTensor(this, shape.clone(), (double[]) r);
    }

    /**
     * Fills r[to .. to + n) with copies of x[from .. from + m) (arrays of one element type; m divides n): one
     * copy, then the filled part copied onto the rest, doubling each time, so a broadcast costs a few block
     * copies whatever its length or element type.
     */
    private static void repeat(Object x, int from, int m, Object r, int to, int n) {
        if (n == 0) {
            return;
        }
        System.arraycopy(x, from, r, to, m);
        for (int done = m; done < n; ) {
            int copied = Math.min(done, n - done);
            System.arraycopy(r, to, r, to + done, copied);
            done += copied;
        }
    }

    @Override
    public Tensor reshape(Tensor ta, int... shape) {
        JavaTensor a = own(ta);
        if (Shape.size(shape) != a.size()) {
            throw new IllegalArgumentException("cannot reshape " + Shape.str(a.shape) + " to " + Shape.str(shape));
        }
        return a.floats != null
                ? new JavaTensor(this, shape.clone(), a.floats)
                : new JavaTensor(this, shape.clone(), a.data);
    }

    @Override
    public Tensor transpose(Tensor ta) {
        JavaTensor a = own(ta);
        Shape.requireMatrix(a.shape, "transpose");
        int rows = a.shape[0];
        int cols = a.shape[1];
        int[] shape = {cols, rows};
        if (a.floats != null) {
            float[] r = new float[a.floats.length];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    r[j * rows + i] = a.floats[i * cols + j];
                }
            }
            return new JavaTensor(this, shape, r);
        }
        double[] r = new double[a.data.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                r[j * rows + i] = a.data[i * cols + j];
            }
        }
        return new JavaTensor(this, shape, r);
    }

    // ---- linear algebra ----

    @Override
    public Tensor matmul(Tensor ta, Tensor tb, boolean transposeA, boolean transposeB) {
        JavaTensor a = own(ta);
        JavaTensor b = own(tb);
        MatmulShape s = MatmulShape.of(a.shape, transposeA, b.shape, transposeB);
        if (a.dtype == DType.F32 && b.dtype == DType.F32) {
            float[] r = new float[s.m() * s.n()];
            KERNELS.matmul(a.floats, transposeA, b.floats, transposeB, s, r, threads);
            return new JavaTensor(this, s.shape(), r);
        }
        double[] r = DoubleLoops.matmul(a.doubles(), transposeA, b.doubles(), transposeB, s);
        return new JavaTensor(this, s.shape(), r);
    }

    /** Float32: read in place (the default copies the whole source first); the same checks and messages. */
    @Override
    public Tensor gather(Tensor ta, int[] index, int... shape) {
        JavaTensor a = own(ta);
        if (a.dtype != DType.F32) {
            return Backend.super.gather(a, index, shape);
        }
        if (index.length != Shape.size(shape)) {
            throw new IllegalArgumentException(
                    "gather: " + index.length + " indices do not fill shape " + Shape.str(shape));
        }
        float[] src = a.floats;
        float[] out = new float[index.length];
        for (int i = 0; i < index.length; i++) {
            out[i] = src[inRange(index[i], src.length, "gather")];
        }
        return new JavaTensor(this, shape.clone(), out);
    }

    /** Float32: accumulated in place from the gradient's own array; the same checks and messages. */
    @Override
    public Tensor scatterAdd(Tensor tg, int[] index, int... shape) {
        JavaTensor g = own(tg);
        if (g.dtype != DType.F32) {
            return Backend.super.scatterAdd(g, index, shape);
        }
        if (index.length != g.size()) {
            throw new IllegalArgumentException(
                    "scatterAdd: " + index.length + " indices for a gradient of shape " + Shape.str(g.shape));
        }
        float[] src = g.floats;
        float[] out = new float[Shape.size(shape)];
        for (int i = 0; i < index.length; i++) {
            out[inRange(index[i], out.length, "scatterAdd")] += src[i];
        }
        return new JavaTensor(this, shape.clone(), out);
    }

    private static int inRange(int i, int n, String op) {
        if (i < 0 || i >= n) {
            throw new IndexOutOfBoundsException(op + ": index " + i + " outside [0, " + n + ")");
        }
        return i;
    }

    /** Float32 operands run {@link BatchedProducts}, accumulating in float; float64 ones the default loops. */
    @Override
    public Tensor batchedMatmul(Tensor ta, Tensor tb, boolean transposeA, boolean transposeB) {
        JavaTensor a = own(ta);
        JavaTensor b = own(tb);
        if (a.dtype != DType.F32 || b.dtype != DType.F32) {
            return Backend.super.batchedMatmul(a, b, transposeA, transposeB);
        }
        int[] as = a.shape;
        int[] bs = b.shape;
        MatmulShape slice = MatmulShape.ofBatched(as, transposeA, bs, transposeB);
        int m = slice.m();
        int k = slice.k();
        int n = slice.n();
        float[] r = new float[as[0] * m * n];
        BatchedProducts.multiply(
                KERNELS, SimdSupport.enabled(), a.floats, transposeA, b.floats, transposeB, as[0], m, k, n, r, threads);
        return new JavaTensor(this, new int[] {as[0], m, n}, r);
    }

    @Override
    public Tensor conv2d(Tensor tx, Tensor tw, Conv2dSpec spec) {
        JavaTensor x = own(tx);
        JavaTensor w = own(tw);
        int[] ys = spec.outputShape(x.shape, w.shape);
        DType dt = DType.wider(x.dtype, w.dtype);
        if (dt == DType.F32) {
            float[] y = new float[Shape.size(ys)];
            KERNELS.conv2d(x.floats, x.shape, w.floats, w.shape, y, ys, spec, threads);
            return new JavaTensor(this, ys, y);
        }
        double[] y = new double[Shape.size(ys)];
        JavaConv.forward(x.doubles(), x.shape, w.doubles(), w.shape, y, ys, spec);
        return of(dt, ys, y);
    }

    @Override
    public Tensor conv2dInputAdjoint(Tensor tg, Tensor tw, int[] inputShape, Conv2dSpec spec) {
        JavaTensor g = own(tg);
        JavaTensor w = own(tw);
        Conv2dSpec.checkOutput(spec.outputShape(inputShape, w.shape), g.shape, "conv2d input adjoint");
        DType dt = DType.wider(g.dtype, w.dtype);
        if (dt == DType.F32) {
            float[] gx = new float[Shape.size(inputShape)];
            KERNELS.conv2dInputAdjoint(g.floats, g.shape, w.floats, w.shape, gx, inputShape, spec, threads);
            return new JavaTensor(this, inputShape.clone(), gx);
        }
        double[] gx = new double[Shape.size(inputShape)];
        JavaConv.inputAdjoint(g.doubles(), g.shape, w.doubles(), w.shape, gx, inputShape, spec);
        return of(dt, inputShape.clone(), gx);
    }

    @Override
    public Tensor conv2dFilterAdjoint(Tensor tx, Tensor tg, int[] filterShape, Conv2dSpec spec) {
        JavaTensor x = own(tx);
        JavaTensor g = own(tg);
        Conv2dSpec.checkOutput(spec.outputShape(x.shape, filterShape), g.shape, "conv2d filter adjoint");
        DType dt = DType.wider(x.dtype, g.dtype);
        if (dt == DType.F32) {
            float[] gw = new float[Shape.size(filterShape)];
            KERNELS.conv2dFilterAdjoint(x.floats, x.shape, g.floats, g.shape, gw, filterShape, spec, threads);
            return new JavaTensor(this, filterShape.clone(), gw);
        }
        double[] gw = new double[Shape.size(filterShape)];
        JavaConv.filterAdjoint(x.doubles(), x.shape, g.doubles(), g.shape, gw, filterShape, spec);
        return of(dt, filterShape.clone(), gw);
    }

    @Override
    public Tensor logSoftmax(Tensor ta) {
        JavaTensor a = own(ta);
        Shape.requireMatrix(a.shape, "logSoftmax");
        int rows = a.shape[0];
        int cols = a.shape[1];
        if (a.dtype == DType.F32) {
            return new JavaTensor(this, a.shape, logSoftmaxRows(a.floats, rows, cols));
        }
        double[] x = a.doubles();
        double[] r = new double[x.length];
        for (int i = 0; i < rows; i++) {
            int o = i * cols;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, x[o + j]);
            }
            double s = 0;
            for (int j = 0; j < cols; j++) {
                s += Math.exp(x[o + j] - max);
            }
            double lse = max + Math.log(s);
            for (int j = 0; j < cols; j++) {
                r[o + j] = x[o + j] - lse;
            }
        }
        return of(a.dtype, a.shape, r);
    }

    /**
     * Float32 rows read in place, without widened and narrowed copies of the whole matrix: the same double
     * arithmetic as the float64 path, each result rounded once.
     */
    private static float[] logSoftmaxRows(float[] x, int rows, int cols) {
        float[] r = new float[x.length];
        for (int i = 0; i < rows; i++) {
            int o = i * cols;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, x[o + j]);
            }
            double s = 0;
            for (int j = 0; j < cols; j++) {
                s += Math.exp(x[o + j] - max);
            }
            double lse = max + Math.log(s);
            for (int j = 0; j < cols; j++) {
                r[o + j] = (float) (x[o + j] - lse);
            }
        }
        return r;
    }

    /** The default, without its second copy: the edited float32 array becomes the new tensor's storage. */
    @Override
    public Tensor editedCopy(Tensor t, int[] shape, Consumer<float[]> edit) {
        JavaTensor a = own(t);
        if (a.dtype != DType.F32) {
            return Backend.super.editedCopy(t, shape, edit);
        }
        float[] values = a.floats.clone();
        requireFill(values.length, shape);
        edit.accept(values);
        return new JavaTensor(this, shape.clone(), values);
    }

    /** Without any copy: a float32 tensor's array is edited and becomes the result's storage. */
    @Override
    public Tensor editedInPlace(Tensor t, int[] shape, Consumer<float[]> edit) {
        JavaTensor a = own(t);
        if (a.dtype != DType.F32) {
            return Backend.super.editedInPlace(t, shape, edit);
        }
        requireFill(a.floats.length, shape);
        edit.accept(a.floats);
        return new JavaTensor(this, shape.clone(), a.floats);
    }
}
