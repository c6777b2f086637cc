package org.leakbench.tensor.nd4j;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.DivOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.SubOp;
import org.nd4j.linalg.factory.Nd4j;

/** Small {@link INDArray} helpers for {@link Nd4jBackend}: shape conversion, broadcasting arithmetic, reshape. */
final class Nd4jArrays {
    private Nd4jArrays() {}

    /** The element-wise binary operations. */
    enum Op2 {
        ADD,
        SUB,
        MUL,
        DIV
    }

    static int[] toInts(long[] s) {
        int[] r = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            r[i] = (int) s[i];
        }
        return r;
    }

    static long[] toLongs(int[] s) {
        long[] r = new long[s.length];
        for (int i = 0; i < s.length; i++) {
            r[i] = s[i];
        }
        return r;
    }

    /** x op y into a new array of the (already checked) broadcast shape. */
    static INDArray apply(Op2 op, INDArray x, INDArray y, int[] shape) {
        INDArray out = Nd4j.createUninitialized(x.dataType(), toLongs(shape));
        INDArray[] in = {x, y};
        INDArray[] res = {out};
        DynamicCustomOp o = switch (op) {
            case ADD -> new AddOp(in, res);
            case SUB -> new SubOp(in, res);
            case MUL -> new MulOp(in, res);
            case DIV -> new DivOp(in, res);
        };
        Nd4j.exec(o);
        return out;
    }

    /** The elements of {@code a} in a new shape of the same size; ND4J needs care with rank 0. */
    static INDArray reshaped(INDArray a, int[] shape) {
        if (shape.length == 0) {
            return Nd4j.scalar(a.dataType(), a.getDouble(0));
        }
        if (a.rank() == 0) {
            return Nd4j.valueArrayOf(toLongs(shape), a.getDouble(0), a.dataType());
        }
        return a.reshape('c', toLongs(shape));
    }
}
