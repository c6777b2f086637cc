package org.leakbench.tensor.cpu;

import java.util.Arrays;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Shape;
import org.leakbench.tensor.Tensor;

/**
 * A tensor of {@link JavaBackend}: a row-major array of its own precision, {@code float[]} for float32 and
 * {@code double[]} for float64. Float32 storage halves the memory traffic that decides the speed of the small
 * victim models (a weight gradient is read and written several times per attack step), and lets the vector
 * kernels work on floats without converting.
 */
final class JavaTensor implements Tensor {
    final JavaBackend backend;
    final DType dtype;
    final int[] shape;
    /** The values of a float64 tensor; null for float32. */
    final double[] data;
    /** The values of a float32 tensor; null for float64. */
    final float[] floats;

    /** A float64 tensor over {@code data} (kept, not copied). */
    JavaTensor(JavaBackend backend, int[] shape, double[] data) {
        this(backend, DType.F64, shape, data, null);
    }

    /** A float32 tensor over {@code floats} (kept, not copied). */
    JavaTensor(JavaBackend backend, int[] shape, float[] floats) {
        this(backend, DType.F32, shape, null, floats);
    }

    private JavaTensor(JavaBackend backend, DType dtype, int[] shape, double[] data, float[] floats) {
        this.backend = backend;
        this.dtype = dtype;
        this.shape = shape;
        this.data = data;
        this.floats = floats;
    }

    /** The values as doubles: the float64 storage itself (never to be written), or a widened copy. */
    double[] doubles() {
        return data != null ? data : widen(floats);
    }

    static double[] widen(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    /** Rounds to float (to nearest, ties to even, as a Java cast does). */
    static float[] narrow(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    @Override
    public Backend backend() {
        return backend;
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    @Override
    public int[] shape() {
        return shape;
    }

    @Override
    public int size() {
        return data != null ? data.length : floats.length;
    }

    @Override
    public double item() {
        if (size() != 1) {
            throw new IllegalStateException("item() needs one element, shape is " + Shape.str(shape));
        }
        return data != null ? data[0] : floats[0];
    }

    @Override
    public double[] toDoubleArray() {
        return data != null ? data.clone() : widen(floats);
    }

    @Override
    public float[] toFloatArray() {
        return floats != null ? floats.clone() : narrow(data);
    }

    @Override
    public String toString() {
        return "JavaTensor" + Arrays.toString(shape) + dtype;
    }
}
