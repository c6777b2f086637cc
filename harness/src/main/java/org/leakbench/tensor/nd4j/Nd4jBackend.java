package org.leakbench.tensor.nd4j;

import static org.leakbench.tensor.nd4j.Nd4jArrays.apply;
import static org.leakbench.tensor.nd4j.Nd4jArrays.reshaped;
import static org.leakbench.tensor.nd4j.Nd4jArrays.toInts;
import static org.leakbench.tensor.nd4j.Nd4jArrays.toLongs;

import java.util.Arrays;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Conv2dSpec;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.MatmulShape;
import org.leakbench.tensor.Shape;
import org.leakbench.tensor.Tensor;
import org.leakbench.tensor.nd4j.Nd4jArrays.Op2;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce3.Dot;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The ND4J backend ("nd4j"): native CPU (OpenBLAS) or CUDA, whichever ND4J backend is on the class path.
 * Same semantics as {@link JavaBackend}; float32 tensors compute in float32 here (the Java backend
 * accumulates in double), so results agree to float32 rounding. Every shape is checked in Java before
 * ND4J sees it, so bad input gets the same messages as on the Java backend.
 */
public final class Nd4jBackend implements Backend {
    public static final String NAME = "nd4j";

    private final Nd4jRuntime runtime;

    private Nd4jBackend(Nd4jRuntime runtime) {
        this.runtime = runtime;
    }

    /** Starts ND4J; throws {@link BackendUnavailableException} (one sentence) when it cannot start. */
    static Backend create() {
        return new Nd4jBackend(Nd4jRuntime.start());
    }

    /**
     * Whether this is the CUDA build ({@code -P cuda}): the only build in which ND4J may fail to start on a
     * healthy machine (one without a GPU). Looks at the class path only; starts nothing.
     */
    public static boolean cudaBuild() {
        return Nd4jRuntime.cudaBuild();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return runtime.describe();
    }

    /** "CPU" or "CUDA". */
    public String deviceKind() {
        return runtime.deviceKind();
    }

    /** ND4J's BLAS vendor, e.g. "OPENBLAS", "MKL" or "CUBLAS". */
    public String blasVendor() {
        return runtime.blasVendor();
    }

    /**
     * Threads ND4J splits an op over (its master thread count): one per core unless the system property
     * {@code leakbench.nd4j.threads} sets it before the backend starts.
     */
    public int threads() {
        return runtime.threads();
    }

    /** The ND4J version, e.g. "1.0.0-M2.1". */
    public String version() {
        return runtime.version();
    }

    /** ND4J's own backend class, e.g. "org.nd4j.linalg.cpu.nativecpu.CpuBackend". */
    public String backendClass() {
        return runtime.backendClass();
    }

    // ---- creation ----

    private Nd4jTensor wrap(DType dtype, INDArray a) {
        DataType want = Nd4jTensor.nd4jType(dtype);
        INDArray r = a.dataType() == want ? a : a.castTo(want);
        if (r.ordering() != 'c') {
            r = r.dup('c');
        }
        return new Nd4jTensor(this, dtype, toInts(r.shape()), r);
    }

    Nd4jTensor own(Tensor t) {
        if (t instanceof Nd4jTensor n && n.backend == this) {
            return n;
        }
        return (Nd4jTensor) fromArray(t.toDoubleArray(), t.dtype(), t.shape());
    }

    @Override
    public Tensor fromArray(double[] data, DType dtype, int... shape) {
        if (data.length != Shape.size(shape)) {
            throw new IllegalArgumentException(
                    "array of length " + data.length + " does not fill shape " + Shape.str(shape));
        }
        INDArray a;
        if (dtype == DType.F32) {
            float[] f = new float[data.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) data[i];
            }
            a = Nd4j.create(f, toLongs(shape), DataType.FLOAT);
        } else {
            a = Nd4j.create(data.clone(), toLongs(shape), DataType.DOUBLE);
        }
        return new Nd4jTensor(this, dtype, shape.clone(), a);
    }

    @Override
    public Tensor fromFloats(float[] data, int... shape) {
        if (data.length != Shape.size(shape)) {
            throw new IllegalArgumentException(
                    "array of length " + data.length + " does not fill shape " + Shape.str(shape));
        }
        return new Nd4jTensor(
                this, DType.F32, shape.clone(), Nd4j.create(data.clone(), toLongs(shape), DataType.FLOAT));
    }

    @Override
    public Tensor full(DType dtype, double value, int... shape) {
        Shape.size(shape); // rejects negative dimensions with a message naming the shape
        DataType dt = Nd4jTensor.nd4jType(dtype);
        INDArray a = shape.length == 0 ? Nd4j.scalar(dt, value) : Nd4j.valueArrayOf(toLongs(shape), value, dt);
        return new Nd4jTensor(this, dtype, shape.clone(), a);
    }

    @Override
    public Tensor from(Tensor t) {
        return own(t);
    }

    @Override
    public Tensor cast(Tensor a, DType dtype) {
        Nd4jTensor x = own(a);
        return x.dtype == dtype ? x : wrap(dtype, x.array.castTo(Nd4jTensor.nd4jType(dtype)));
    }

    /** The array of {@code t} in type {@code dtype} (a converted copy only when the type differs). */
    private static INDArray as(Nd4jTensor t, DType dtype) {
        return t.dtype == dtype ? t.array : t.array.castTo(Nd4jTensor.nd4jType(dtype));
    }

    // ---- element-wise binary, with NumPy broadcasting ----

    private Tensor binary(Tensor ta, Tensor tb, Op2 op) {
        Nd4jTensor a = own(ta);
        Nd4jTensor b = own(tb);
        int[] shape = Shape.broadcast(a.shape, b.shape); // names both shapes when they do not broadcast
        DType dt = DType.wider(a.dtype, b.dtype);
        if (Shape.size(shape) == 0) { // ND4J's element-wise ops reject empty arrays
            return full(dt, 0.0, shape);
        }
        return new Nd4jTensor(this, dt, shape, apply(op, as(a, dt), as(b, dt), shape));
    }

    @Override
    public Tensor add(Tensor a, Tensor b) {
        return binary(a, b, Op2.ADD);
    }

    @Override
    public Tensor sub(Tensor a, Tensor b) {
        return binary(a, b, Op2.SUB);
    }

    @Override
    public Tensor mul(Tensor a, Tensor b) {
        return binary(a, b, Op2.MUL);
    }

    @Override
    public Tensor div(Tensor a, Tensor b) {
        return binary(a, b, Op2.DIV);
    }

    @Override
    public Tensor scale(Tensor a, double s) {
        return unary(a, x -> x.mul(s));
    }

    @Override
    public Tensor addScalar(Tensor a, double s) {
        return unary(a, x -> x.add(s));
    }

    // ---- element-wise unary (Transforms with dup = true leaves the input alone) ----

    private Tensor unary(Tensor a, java.util.function.UnaryOperator<INDArray> f) {
        Nd4jTensor x = own(a);
        if (x.array.length() == 0) { // ND4J rejects empty arrays; the result is the same empty tensor
            return x;
        }
        return new Nd4jTensor(this, x.dtype, x.shape, f.apply(x.array));
    }

    /**
     * ND4J's sign and clamp turn NaN into a number; NaN must stay NaN, as in JavaBackend, so that a
     * diverged computation stays visible. The rare tensor with a NaN is finished element by element.
     */
    private Tensor keepNaN(Tensor input, Tensor result) {
        INDArray x = own(input).array;
        // One native test instead of copying every tensor to the host to look for the rare NaN.
        if (x.length() == 0 || !BooleanIndexing.or(x, Conditions.isNan())) {
            return result;
        }
        double[] in = input.toDoubleArray();
        double[] out = null;
        for (int i = 0; i < in.length; i++) {
            if (Double.isNaN(in[i])) {
                if (out == null) {
                    out = result.toDoubleArray();
                }
                out[i] = Double.NaN;
            }
        }
        return out == null ? result : fromArray(out, result.dtype(), result.shape());
    }

    @Override
    public Tensor neg(Tensor a) {
        return unary(a, INDArray::neg);
    }

    @Override
    public Tensor exp(Tensor a) {
        return unary(a, x -> Transforms.exp(x, true));
    }

    @Override
    public Tensor log(Tensor a) {
        return unary(a, x -> Transforms.log(x, true));
    }

    @Override
    public Tensor sqrt(Tensor a) {
        return unary(a, x -> Transforms.sqrt(x, true));
    }

    @Override
    public Tensor square(Tensor a) {
        return unary(a, x -> x.mul(x));
    }

    @Override
    public Tensor sigmoid(Tensor a) {
        return unary(a, x -> Transforms.sigmoid(x, true));
    }

    @Override
    public Tensor tanh(Tensor a) {
        return unary(a, x -> Transforms.tanh(x, true));
    }

    @Override
    public Tensor relu(Tensor a) {
        return unary(a, x -> Transforms.relu(x, true));
    }

    @Override
    public Tensor positiveMask(Tensor a) {
        return unary(a, x -> x.gt(0).castTo(x.dataType()));
    }

    @Override
    public Tensor sign(Tensor a) {
        return keepNaN(a, unary(a, x -> Transforms.sign(x, true)));
    }

    /** g · y · (1 − y) in three native passes and one new array instead of four of each. */
    @Override
    public Tensor sigmoidBackward(Tensor ty, Tensor tg) {
        Nd4jTensor y = own(ty);
        Nd4jTensor g = own(tg);
        if (!Arrays.equals(y.shape, g.shape) || y.array.length() == 0) {
            return Backend.super.sigmoidBackward(ty, tg); // broadcasting and empty tensors: the general path
        }
        DType dt = DType.wider(y.dtype, g.dtype);
        INDArray yy = as(y, dt);
        INDArray r = yy.rsub(1.0); // a new array, so the in-place products below change nothing shared
        r.muli(yy).muli(as(g, dt));
        return new Nd4jTensor(this, dt, y.shape, r);
    }

    /** One native reduction, without the product's temporary. */
    @Override
    public Tensor dot(Tensor ta, Tensor tb) {
        Nd4jTensor a = own(ta);
        Nd4jTensor b = own(tb);
        if (!Arrays.equals(a.shape, b.shape) || a.array.length() == 0) {
            return Backend.super.dot(ta, tb);
        }
        DType dt = DType.wider(a.dtype, b.dtype);
        INDArray d = Nd4j.getExecutioner().exec(new Dot(as(a, dt), as(b, dt)));
        return new Nd4jTensor(this, dt, new int[0], reshaped(d, new int[0]));
    }

    /** One native reduction, without the difference's and the square's temporaries. */
    @Override
    public Tensor sumOfSquaredDifferences(Tensor ta, Tensor tb) {
        Nd4jTensor a = own(ta);
        Nd4jTensor b = own(tb);
        if (!Arrays.equals(a.shape, b.shape) || a.array.length() == 0) {
            return Backend.super.sumOfSquaredDifferences(ta, tb);
        }
        DType dt = DType.wider(a.dtype, b.dtype);
        return full(dt, as(a, dt).squaredDistance(as(b, dt)));
    }

    /** The difference scaled in place: one new array instead of two. */
    @Override
    public Tensor scaledDifference(Tensor ta, Tensor tb, Tensor ts) {
        Nd4jTensor a = own(ta);
        Nd4jTensor b = own(tb);
        Nd4jTensor s = own(ts);
        DType dt = DType.wider(DType.wider(a.dtype, b.dtype), s.dtype);
        if (!Arrays.equals(a.shape, b.shape) || a.array.length() == 0 || s.array.length() != 1) {
            return Backend.super.scaledDifference(ta, tb, ts);
        }
        INDArray d = apply(Op2.SUB, as(a, dt), as(b, dt), a.shape); // new, so scaling it in place is safe
        d.muli(as(s, dt).getDouble(0));
        return new Nd4jTensor(this, dt, a.shape, d);
    }

    @Override
    public Tensor abs(Tensor a) {
        return unary(a, x -> Transforms.abs(x, true));
    }

    @Override
    public Tensor clamp(Tensor a, double lo, double hi) {
        return keepNaN(a, unary(a, x -> Transforms.min(Transforms.max(x, lo, true), hi, false)));
    }

    // ---- shape and reduction ----

    @Override
    public Tensor sumAll(Tensor ta) {
        Nd4jTensor a = own(ta);
        double s = a.array.length() == 0 ? 0.0 : a.array.sumNumber().doubleValue();
        return new Nd4jTensor(this, a.dtype, new int[0], Nd4j.scalar(a.array.dataType(), s));
    }

    @Override
    public Tensor sumTo(Tensor ta, int... shape) {
        Nd4jTensor a = own(ta);
        if (Arrays.equals(a.shape, shape)) {
            return a;
        }
        if (!Shape.broadcastsTo(shape, a.shape)) {
            throw new IllegalArgumentException(
                    "cannot sum shape " + Shape.str(a.shape) + " down to " + Shape.str(shape));
        }
        // Sum out the leading dimensions shape lacks and those where it has 1 but a does not.
        int lead = a.shape.length - shape.length;
        int[] dims = new int[a.shape.length];
        int nd = 0;
        for (int d = 0; d < a.shape.length; d++) {
            if (d < lead || (shape[d - lead] == 1 && a.shape[d] != 1)) {
                dims[nd++] = d;
            }
        }
        INDArray summed = nd == 0 ? a.array : a.array.sum(false, Arrays.copyOf(dims, nd));
        return new Nd4jTensor(this, a.dtype, shape.clone(), reshaped(summed, shape));
    }

    @Override
    public Tensor broadcastTo(Tensor ta, int... shape) {
        Nd4jTensor a = own(ta);
        if (Arrays.equals(a.shape, shape)) {
            return a;
        }
        if (!Shape.broadcastsTo(a.shape, shape)) {
            throw new IllegalArgumentException(
                    "cannot broadcast shape " + Shape.str(a.shape) + " to " + Shape.str(shape));
        }
        // Adding to zeros broadcasts with the same kernel as add (and 0 + v == v for every finite v).
        INDArray zeros = Nd4j.zeros(a.array.dataType(), toLongs(shape));
        return new Nd4jTensor(this, a.dtype, shape.clone(), apply(Op2.ADD, zeros, a.array, shape));
    }

    @Override
    public Tensor reshape(Tensor ta, int... shape) {
        Nd4jTensor a = own(ta);
        if (Shape.size(shape) != a.array.length()) {
            throw new IllegalArgumentException("cannot reshape " + Shape.str(a.shape) + " to " + Shape.str(shape));
        }
        return new Nd4jTensor(this, a.dtype, shape.clone(), reshaped(a.array, shape));
    }

    @Override
    public Tensor transpose(Tensor ta) {
        Nd4jTensor a = own(ta);
        Shape.requireMatrix(a.shape, "transpose");
        return new Nd4jTensor(
                this,
                a.dtype,
                new int[] {a.shape[1], a.shape[0]},
                a.array.transpose().dup('c'));
    }

    // ---- linear algebra and convolution ----

    @Override
    public Tensor matmul(Tensor ta, Tensor tb, boolean transposeA, boolean transposeB) {
        Nd4jTensor a = own(ta);
        Nd4jTensor b = own(tb);
        MatmulShape s = MatmulShape.of(a.shape, transposeA, b.shape, transposeB);
        int m = s.m();
        int ka = s.k();
        int n = s.n();
        DType dt = DType.wider(a.dtype, b.dtype);
        if (m == 0 || n == 0 || ka == 0) { // BLAS cannot take empty operands; the product is all zeros
            return full(dt, 0.0, m, n);
        }
        return wrap(dt, Nd4j.gemm(as(a, dt), as(b, dt), transposeA, transposeB));
    }

    @Override
    public Tensor conv2d(Tensor tx, Tensor tw, Conv2dSpec spec) {
        Nd4jTensor x = own(tx);
        Nd4jTensor w = own(tw);
        int[] ys = spec.outputShape(x.shape, w.shape);
        DType dt = DType.wider(x.dtype, w.dtype);
        if (empty(x.shape, w.shape)) {
            return full(dt, 0.0, ys);
        }
        return wrap(dt, Nd4jConv.forward(as(x, dt), as(w, dt), ys, spec));
    }

    @Override
    public Tensor conv2dInputAdjoint(Tensor tg, Tensor tw, int[] inputShape, Conv2dSpec spec) {
        Nd4jTensor g = own(tg);
        Nd4jTensor w = own(tw);
        Conv2dSpec.checkOutput(spec.outputShape(inputShape, w.shape), g.shape, "conv2d input adjoint");
        DType dt = DType.wider(g.dtype, w.dtype);
        if (empty(inputShape, w.shape)) {
            return full(dt, 0.0, inputShape);
        }
        return wrap(dt, Nd4jConv.inputAdjoint(as(g, dt), as(w, dt), inputShape, spec));
    }

    @Override
    public Tensor conv2dFilterAdjoint(Tensor tx, Tensor tg, int[] filterShape, Conv2dSpec spec) {
        Nd4jTensor x = own(tx);
        Nd4jTensor g = own(tg);
        Conv2dSpec.checkOutput(spec.outputShape(x.shape, filterShape), g.shape, "conv2d filter adjoint");
        DType dt = DType.wider(x.dtype, g.dtype);
        if (empty(x.shape, filterShape)) {
            return full(dt, 0.0, filterShape);
        }
        return wrap(dt, Nd4jConv.filterAdjoint(as(x, dt), as(g, dt), filterShape, spec));
    }

    /**
     * One native batched product instead of the default's copy to Java arrays and back: the transformer's
     * attention products ran as Java loops over host copies on this backend.
     */
    @Override
    public Tensor batchedMatmul(Tensor ta, Tensor tb, boolean transposeA, boolean transposeB) {
        Nd4jTensor a = own(ta);
        Nd4jTensor b = own(tb);
        int[] as = a.shape;
        int[] bs = b.shape;
        MatmulShape slice = MatmulShape.ofBatched(as, transposeA, bs, transposeB);
        int m = slice.m();
        int k = slice.k();
        int n = slice.n();
        DType dt = DType.wider(a.dtype, b.dtype);
        if (as[0] == 0 || m == 0 || n == 0 || k == 0) { // no BLAS call for empty operands; the product is zeros
            return full(dt, 0.0, as[0], m, n);
        }
        INDArray out = Nd4j.createUninitialized(Nd4jTensor.nd4jType(dt), as[0], m, n);
        Nd4j.matmul(as(a, dt), as(b, dt), out, transposeA, transposeB, false);
        return new Nd4jTensor(this, dt, new int[] {as[0], m, n}, out);
    }

    /** ND4J's im2col rejects empty arrays; a convolution with no elements is all zeros anyway. */
    private static boolean empty(int[] input, int[] filter) {
        return Shape.size(input) == 0 || Shape.size(filter) == 0;
    }

    @Override
    public Tensor logSoftmax(Tensor ta) {
        Nd4jTensor a = own(ta);
        Shape.requireMatrix(a.shape, "logSoftmax");
        if (a.array.length() == 0) {
            return a;
        }
        // Shift each row by its maximum before exp so that large logits cannot overflow.
        INDArray shifted = apply(Op2.SUB, a.array, a.array.max(true, 1), a.shape);
        INDArray logSum = Transforms.log(Transforms.exp(shifted, true).sum(true, 1), false); // [N, 1]
        return new Nd4jTensor(this, a.dtype, a.shape, apply(Op2.SUB, shifted, logSum, a.shape));
    }
}
