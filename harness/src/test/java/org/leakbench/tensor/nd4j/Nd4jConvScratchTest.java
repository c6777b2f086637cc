package org.leakbench.tensor.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Backends;
import org.leakbench.tensor.Conv2dSpec;
import org.leakbench.tensor.Nd4jTestBackend;
import org.leakbench.tensor.Tensor;

/**
 * The convolution's patch matrices live in a workspace that every later convolution reuses: its results must
 * not, so a result read after many other convolutions of other shapes still holds what it held when made.
 */
class Nd4jConvScratchTest {
    private static final Conv2dSpec STRIDE2 = new Conv2dSpec(2, 2);
    private static final Conv2dSpec STRIDE1 = new Conv2dSpec(1, 1);

    @Test
    void resultsOutliveTheScratchThatMadeThem() {
        Backend nd4j = Nd4jTestBackend.startOrSkipOnCudaWithoutGpu();
        SplittableRandom rng = new SplittableRandom(11);
        Tensor x = uniform(nd4j, rng, 4, 3, 12, 12);
        Tensor w = uniform(nd4j, rng, 5, 3, 5, 5);
        Tensor y = nd4j.conv2d(x, w, STRIDE2);
        Tensor g = uniform(nd4j, rng, y.shape());
        Tensor gx = nd4j.conv2dInputAdjoint(g, w, x.shape(), STRIDE2);
        Tensor gw = nd4j.conv2dFilterAdjoint(x, g, w.shape(), STRIDE2);
        float[][] before = {y.toFloatArray(), gx.toFloatArray(), gw.toFloatArray()};

        // Other shapes, larger and smaller, through all three maps: the workspace is reset and refilled.
        for (int round = 0; round < 6; round++) {
            int n = 1 + round % 3 * 7;
            Tensor x2 = uniform(nd4j, rng, n, 2, 9 + round, 9 + round);
            Tensor w2 = uniform(nd4j, rng, 4, 2, 3, 3);
            Tensor y2 = nd4j.conv2d(x2, w2, STRIDE1);
            nd4j.conv2dInputAdjoint(y2, w2, x2.shape(), STRIDE1);
            nd4j.conv2dFilterAdjoint(x2, y2, w2.shape(), STRIDE1);
        }

        assertArrayEquals(before[0], y.toFloatArray(), "conv2d result changed by later convolutions");
        assertArrayEquals(before[1], gx.toFloatArray(), "input adjoint changed by later convolutions");
        assertArrayEquals(before[2], gw.toFloatArray(), "filter adjoint changed by later convolutions");
        // and they are right: the Java backend computes the same maps independently
        Backend java = Backends.get("java");
        assertClose(java.conv2d(java.from(x), java.from(w), STRIDE2), before[0]);
        assertClose(java.conv2dInputAdjoint(java.from(g), java.from(w), x.shape(), STRIDE2), before[1]);
        assertClose(java.conv2dFilterAdjoint(java.from(x), java.from(g), w.shape(), STRIDE2), before[2]);
    }

    private static void assertClose(Tensor expected, float[] actual) {
        assertArrayEquals(expected.toFloatArray(), actual, 1e-4f);
    }

    private static Tensor uniform(Backend be, SplittableRandom rng, int... shape) {
        int size = 1;
        for (int d : shape) {
            size *= d;
        }
        float[] v = new float[size];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (2 * rng.nextDouble() - 1);
        }
        return be.fromFloats(v, shape);
    }
}
