package org.leakbench.model.io;

import java.util.Arrays;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Shape;
import org.leakbench.tensor.Tensor;

/**
 * One named tensor of a weight file, independent of any backend: its stored element type, its shape and
 * its values in row-major order (integers are held exactly up to 2^53).
 */
public record StoredTensor(String name, StoredDType dtype, int[] shape, double[] values) {
    public StoredTensor {
        shape = shape.clone();
        if (Shape.size(shape) != values.length) {
            throw new IllegalArgumentException("tensor '" + name + "': shape " + Arrays.toString(shape) + " holds "
                    + Shape.size(shape) + " values, got " + values.length);
        }
    }

    /** The tensor's values in the model's element type, on {@code backend}. */
    public Tensor toTensor(Backend backend, DType dtype) {
        return backend.fromArray(values, dtype, shape);
    }

    /** A stored copy of {@code t} named {@code name}, keeping its element type. */
    public static StoredTensor of(String name, Tensor t) {
        return new StoredTensor(
                name, t.dtype() == DType.F64 ? StoredDType.F64 : StoredDType.F32, t.shape(), t.toDoubleArray());
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredTensor s
                && name.equals(s.name)
                && dtype == s.dtype
                && Arrays.equals(shape, s.shape)
                && Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + Arrays.hashCode(shape)) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return name + " " + dtype + Arrays.toString(shape);
    }
}
