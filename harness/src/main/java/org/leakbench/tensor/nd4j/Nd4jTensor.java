package org.leakbench.tensor.nd4j;

import java.util.Arrays;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A tensor of {@link Nd4jBackend}: an {@link INDArray} in row-major ('c') order that nobody writes to
 * after it is made, so results may share buffers with their inputs (reshape does).
 */
final class Nd4jTensor implements Tensor {
    final Nd4jBackend backend;
    final DType dtype;
    final int[] shape;
    final INDArray array;

    Nd4jTensor(Nd4jBackend backend, DType dtype, int[] shape, INDArray array) {
        this.backend = backend;
        this.dtype = dtype;
        this.shape = shape;
        this.array = array;
    }

    static DataType nd4jType(DType t) {
        return t == DType.F32 ? DataType.FLOAT : DataType.DOUBLE;
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

    /** The elements as one compact row-major buffer of their own (a copy when the array is a view). */
    private INDArray compact() {
        boolean plain =
                array.ordering() == 'c' && !array.isView() && array.data().length() == array.length();
        return plain ? array : array.dup('c');
    }

    @Override
    public double[] toDoubleArray() {
        if (array.length() == 0) {
            return new double[0];
        }
        return compact().data().asDouble();
    }

    @Override
    public float[] toFloatArray() {
        if (array.length() == 0) {
            return new float[0];
        }
        return compact().data().asFloat();
    }

    @Override
    public String toString() {
        return "Nd4jTensor" + Arrays.toString(shape) + dtype;
    }
}
