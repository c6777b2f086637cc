package org.leakbench.tensor;

import java.util.Arrays;

/**
 * A tensor of {@link JavaBackend}: a row-major double array. Float32 tensors hold values rounded to
 * float, so they behave as float32 storage with double-precision accumulation inside an operation.
 */
final class JavaTensor implements Tensor {
    final JavaBackend backend;
    final DType dtype;
    final int[] shape;
    final double[] data;

    JavaTensor(JavaBackend backend, DType dtype, int[] shape, double[] data) {
        this.backend = backend;
        this.dtype = dtype;
        this.shape = shape;
        this.data = data;
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
        return data.length;
    }

    @Override
    public double[] toDoubleArray() {
        return data.clone();
    }

    @Override
    public float[] toFloatArray() {
        float[] f = new float[data.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) data[i];
        }
        return f;
    }

    @Override
    public String toString() {
        return "JavaTensor" + Arrays.toString(shape) + dtype;
    }
}
