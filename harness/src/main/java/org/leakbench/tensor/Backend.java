package org.leakbench.tensor;

import java.util.function.Consumer;

/**
 * Dense tensor operations on one kind of hardware. Every operation returns a new tensor and never
 * changes its inputs. Binary element-wise operations broadcast with NumPy's rules; the result's type is
 * the wider of the operands' types. NaN propagates through every operation (a diverged run must stay
 * visible), and tensors with a zero-sized dimension are allowed.
 *
 * <p>The set is closed under differentiation: the derivative of every operation can be written with
 * operations of this interface, which is what lets {@code autodiff} take gradients of gradients. In
 * particular the convolution comes with both of its adjoints.
 *
 * <p>Implementations: {@code cpu.JavaBackend} ("java", pure Java; formerly "ejml") and
 * {@code nd4j.Nd4jBackend} ("nd4j"), found through {@link BackendProvider}.
 * Obtain one with {@link Backends#get(String)}.
 */
public interface Backend {
    /** The name used to select this backend: "java" or "nd4j". */
    String name();

    /** One line on what computes: library, device, BLAS vendor, threads. */
    String description();

    // ---- creation and transfer ----

    Tensor fromArray(double[] data, DType dtype, int... shape);

    Tensor fromFloats(float[] data, int... shape);

    default Tensor zeros(DType dtype, int... shape) {
        return full(dtype, 0.0, shape);
    }

    Tensor full(DType dtype, double value, int... shape);

    default Tensor scalar(DType dtype, double value) {
        return full(dtype, value);
    }

    /** This backend's copy of a tensor from any backend (the same object if it is already ours). */
    default Tensor from(Tensor t) {
        if (t.backend() == this) {
            return t;
        }
        return fromArray(t.toDoubleArray(), t.dtype(), t.shape());
    }

    /** The same values in another element type. */
    Tensor cast(Tensor a, DType dtype);

    /**
     * A new tensor of {@code t}'s type and of {@code shape} (of t's size) holding t's values rounded to float
     * and then changed in place by {@code edit}, which must not keep the array; t itself is not changed. For
     * work that is a loop over floats: DP-SGD adds noise to a clipped sum and divides it this way, with one
     * copy instead of a flat vector, its split into parts and a tensor made from each. A backend may hand
     * the edited array itself to the new tensor.
     */
    default Tensor editedCopy(Tensor t, int[] shape, Consumer<float[]> edit) {
        float[] values = t.toFloatArray();
        if (values.length != Shape.size(shape)) {
            throw new IllegalArgumentException("edited copy: a tensor of shape " + Shape.str(t.shape())
                    + " does not fill shape " + Shape.str(shape));
        }
        edit.accept(values);
        Tensor r = fromFloats(values, shape);
        return t.dtype() == DType.F32 ? r : cast(r, t.dtype());
    }

    /**
     * Like {@link #editedCopy}, for a {@code t} its caller never reads again: a backend may edit t's own storage
     * and hand it to the result instead of copying it.
     */
    default Tensor editedInPlace(Tensor t, int[] shape, Consumer<float[]> edit) {
        return editedCopy(t, shape, edit);
    }

    // ---- element-wise, with broadcasting ----

    Tensor add(Tensor a, Tensor b);

    Tensor sub(Tensor a, Tensor b);

    Tensor mul(Tensor a, Tensor b);

    Tensor div(Tensor a, Tensor b);

    /** a * s. */
    Tensor scale(Tensor a, double s);

    /** a + s. */
    Tensor addScalar(Tensor a, double s);

    // ---- element-wise unary ----

    Tensor neg(Tensor a);

    Tensor exp(Tensor a);

    Tensor log(Tensor a);

    Tensor sqrt(Tensor a);

    Tensor square(Tensor a);

    Tensor sigmoid(Tensor a);

    Tensor tanh(Tensor a);

    Tensor relu(Tensor a);

    /** 1 where a > 0, else 0 (the derivative of relu). */
    Tensor positiveMask(Tensor a);

    /** -1, 0 or 1. */
    Tensor sign(Tensor a);

    Tensor abs(Tensor a);

    /**
     * g · y · (1 − y): the gradient through a sigmoid whose output is y, for y and g of one shape. A backend may
     * fuse the four element-wise passes into one.
     */
    default Tensor sigmoidBackward(Tensor y, Tensor g) {
        return mul(g, mul(y, addScalar(neg(y), 1)));
    }

    /**
     * GELU in its tanh form, 0.5·x·(1 + tanh(c·(x + 0.044715·x³))) with c = √(2/π) ({@link Gelu}). A backend may
     * fuse the passes, computing the same operations in the same order.
     */
    default Tensor gelu(Tensor x) {
        return mul(scale(x, 0.5), addScalar(tanh(Gelu.inner(this, x)), 1));
    }

    /** The derivative of {@link #gelu} at every element of x; a backend may fuse the passes. */
    default Tensor geluDerivative(Tensor x) {
        Tensor t = tanh(Gelu.inner(this, x));
        Tensor slope = scale(addScalar(scale(square(x), 3 * Gelu.CUBIC), 1), Gelu.SCALE);
        return add(scale(addScalar(t, 1), 0.5), mul(scale(x, 0.5), mul(addScalar(neg(square(t)), 1), slope)));
    }

    /** Clips every element into [lo, hi]. */
    Tensor clamp(Tensor a, double lo, double hi);

    // ---- shape and reduction ----

    /** Sum of all elements, as a tensor of shape []. */
    Tensor sumAll(Tensor a);

    /**
     * Σ a·b over two tensors of one shape, as a tensor of shape []: the inner products of Inverting Gradients'
     * cosine distance and a sum of squares. A backend may fuse it into one read of each operand.
     */
    default Tensor dot(Tensor a, Tensor b) {
        return sumAll(mul(a, b));
    }

    /**
     * Σ (a − b)² over two tensors of one shape, as a tensor of shape []: DLG's gradient distance. A backend
     * may fuse it into one read of each operand instead of three passes and two temporaries.
     */
    default Tensor sumOfSquaredDifferences(Tensor a, Tensor b) {
        return sumAll(square(sub(a, b)));
    }

    /** s · (a − b) for a and b of one shape and a scalar s (shape [] or [1]): that distance's gradient. */
    default Tensor scaledDifference(Tensor a, Tensor b, Tensor s) {
        return mul(sub(a, b), s);
    }

    /**
     * Sums {@code a} down to {@code shape}, the inverse of broadcasting: dimensions that {@code shape}
     * lacks or has as 1 are summed out.
     */
    Tensor sumTo(Tensor a, int... shape);

    /** Repeats {@code a} along its unit (or missing leading) dimensions to {@code shape}. */
    Tensor broadcastTo(Tensor a, int... shape);

    /** The same elements in a new shape of equal size. */
    Tensor reshape(Tensor a, int... shape);

    /** The transpose of a matrix. */
    Tensor transpose(Tensor a);

    // ---- linear algebra and convolution ----

    /** op(a) · op(b) for matrices, where op transposes when asked. */
    Tensor matmul(Tensor a, Tensor b, boolean transposeA, boolean transposeB);

    default Tensor matmul(Tensor a, Tensor b) {
        return matmul(a, b, false, false);
    }

    /** Cross-correlation of NCHW input x with filter w [K, C, kh, kw] (what deep-learning calls conv). */
    Tensor conv2d(Tensor x, Tensor w, Conv2dSpec spec);

    /** The adjoint of conv2d in its input: maps an output-shaped g back to {@code inputShape}. */
    Tensor conv2dInputAdjoint(Tensor g, Tensor w, int[] inputShape, Conv2dSpec spec);

    /** The adjoint of conv2d in its filter: the filter gradient from input x and output-shaped g. */
    Tensor conv2dFilterAdjoint(Tensor x, Tensor g, int[] filterShape, Conv2dSpec spec);

    /** Row-wise log-softmax of a matrix [N, K]. */
    Tensor logSoftmax(Tensor a);

    // ---- index maps, pooling and batched products ----

    /**
     * A tensor of {@code shape} whose element i is a's element {@code index[i]} (row-major flat positions). A
     * permutation of axes, an embedding look-up and max pooling are all gathers; the adjoint is
     * {@link #scatterAdd}.
     */
    default Tensor gather(Tensor a, int[] index, int... shape) {
        return HostIndexing.gather(this, a, index, shape);
    }

    /**
     * Zeros of {@code shape} to which g's element i is added at flat position {@code index[i]}, repeats
     * accumulating: the adjoint of {@link #gather} (an embedding's gradient adds the rows of repeated tokens).
     */
    default Tensor scatterAdd(Tensor g, int[] index, int... shape) {
        return HostIndexing.scatterAdd(this, g, index, shape);
    }

    /**
     * For NCHW input x, the flat position in x of each pooling window's maximum, in the output's row-major order;
     * ties go to the first position, padding never wins and NaN always does.
     */
    default int[] maxPoolArgmax(Tensor x, Pool2dSpec spec) {
        return HostIndexing.maxPoolArgmax(x, spec);
    }

    /** op(a[p]) · op(b[p]) for every p of rank-3 operands [B, m, k] and [B, k, n] (attention's products). */
    default Tensor batchedMatmul(Tensor a, Tensor b, boolean transposeA, boolean transposeB) {
        return HostIndexing.batchedMatmul(this, a, b, transposeA, transposeB);
    }
}
