package org.leakbench.tensor;

/**
 * An immutable dense array owned by one {@link Backend}. Operations live on the backend, not here, so
 * a tensor is just data with a shape; use {@link Backend#from} and {@link #toDoubleArray()} to cross
 * between backends.
 */
public interface Tensor {
    Backend backend();

    DType dtype();

    /** The shape; callers must not modify the returned array. */
    int[] shape();

    default int rank() {
        return shape().length;
    }

    default int size() {
        return Shape.size(shape());
    }

    /** A copy of the elements in row-major order. */
    double[] toDoubleArray();

    /** A copy of the elements in row-major order, rounded to float. */
    float[] toFloatArray();

    /** The single element of a tensor of size one. */
    default double item() {
        if (size() != 1) {
            throw new IllegalStateException("item() needs one element, shape is " + Shape.str(shape()));
        }
        return toDoubleArray()[0];
    }
}
