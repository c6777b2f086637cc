package org.leakbench.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Pool2dSpec;
import org.leakbench.tensor.Tensor;

/**
 * Values and first and second derivatives (against central finite differences in float64) of the operations of
 * ResNets and transformers: normalisations, GELU, softmax, pooling, gathers, embeddings and batched products.
 * Written once and run for every backend.
 */
abstract class LayerOpsContractTest {
    protected abstract Backend backend();

    private GradCheck gc(long seed) {
        return new GradCheck(backend(), seed);
    }

    private Var constant(double[] values, int... shape) {
        return Var.constant(backend().fromArray(values, DType.F64, shape));
    }

    @Test
    void normalisationsHaveBothDerivatives() {
        GradCheck g = gc(11);
        int[] x = {3, 2, 2, 2};
        int[] c = {2};
        g.checkBothOrders(
                v -> NetOps.batchNormTrain(v.get(0), v.get(1), v.get(2), 1e-5).output(),
                g.inputs(-1, 1, x, c, c),
                x,
                c,
                c);
        int[] flat = {4, 3};
        int[] c3 = {3};
        g.checkBothOrders(
                v -> NetOps.batchNormTrain(v.get(0), v.get(1), v.get(2), 1e-5).output(),
                g.inputs(-1, 1, flat, c3, c3),
                flat,
                c3,
                c3);
        int[] seq = {2, 3, 4};
        int[] d = {4};
        g.checkBothOrders(
                v -> NetOps.layerNorm(v.get(0), v.get(1), v.get(2), 1e-5), g.inputs(-1, 1, seq, d, d), seq, d, d);
        int[] img = {2, 4, 2, 2};
        int[] c4 = {4};
        g.checkBothOrders(
                v -> NetOps.groupNorm(v.get(0), 2, v.get(1), v.get(2), 1e-5),
                g.inputs(-1, 1, img, c4, c4),
                img,
                c4,
                c4);
        Tensor mean = backend().fromArray(new double[] {0.1, -0.2}, DType.F64, 2);
        Tensor var = backend().fromArray(new double[] {0.5, 2.0}, DType.F64, 2);
        g.checkBothOrders(
                v -> NetOps.batchNormEval(v.get(0), v.get(1), v.get(2), mean, var, 1e-5),
                g.inputs(-1, 1, x, c, c),
                x,
                c,
                c);
    }

    @Test
    void batchNormReturnsTheStatisticsOfItsBatch() {
        // channel 0 holds 1, 2, 3, 4 and channel 1 holds 10, 10, 10, 14 over a batch of two 1x2 images
        double[] data = {1, 2, 10, 10, 3, 4, 10, 14};
        Var x = constant(data, 2, 2, 1, 2);
        Var one = constant(new double[] {1, 1}, 2);
        Var zero = constant(new double[] {0, 0}, 2);
        NetOps.BatchNormOutput out = NetOps.batchNormTrain(x, one, zero, 0);
        assertArrayEquals(new double[] {2.5, 11}, out.batchMean().toDoubleArray(), 1e-12);
        assertArrayEquals(new double[] {5.0 / 3, 12.0 / 3}, out.batchVariance().toDoubleArray(), 1e-12);
        double s = Math.sqrt(1.25);
        assertEquals(-1.5 / s, out.output().value().toDoubleArray()[0], 1e-12);
        Var eval = NetOps.batchNormEval(x, one, zero, out.batchMean(), backend().full(DType.F64, 1.0, 2), 0);
        assertEquals(-1.5, eval.value().toDoubleArray()[0], 1e-12);
        assertEquals(3.0, eval.value().toDoubleArray()[7], 1e-12);
    }

    @Test
    void singleValuePerChannelIsRefusedInTrainingMode() {
        Var x = constant(new double[] {1, 2}, 1, 2);
        Var one = constant(new double[] {1, 1}, 2);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> NetOps.batchNormTrain(x, one, one, 1e-5));
        assertEquals(
                "batchNorm in training mode needs more than one value per channel, got input [1, 2]", e.getMessage());
    }

    @Test
    void activationsAndSoftmax() {
        GradCheck g = gc(12);
        int[] s = {2, 3, 4};
        g.checkBothOrders(v -> NetOps.gelu(v.get(0)), g.inputs(-3, 3, s), s);
        g.checkBothOrders(v -> NetOps.softmax(v.get(0)), g.inputs(-2, 2, s), s);
        double[] rows =
                NetOps.softmax(constant(gc(1).random(24, -5, 5), s)).value().toDoubleArray();
        for (int r = 0; r < 6; r++) {
            double sum = 0;
            for (int k = 0; k < 4; k++) {
                sum += rows[r * 4 + k];
            }
            assertEquals(1.0, sum, 1e-12);
        }
        // GELU(1) in the tanh form, 0.5 * (1 + tanh(sqrt(2/pi) * 1.044715))
        assertEquals(
                0.8411919906082768,
                NetOps.gelu(constant(new double[] {1}, 1)).value().item(),
                1e-12);
    }

    @Test
    void pooling() {
        GradCheck g = gc(13);
        int[] x = {2, 2, 5, 5};
        for (Pool2dSpec spec : new Pool2dSpec[] {new Pool2dSpec(2, 2, 0), new Pool2dSpec(3, 2, 1)}) {
            g.checkBothOrders(v -> Ops.square(NetOps.avgPool2d(v.get(0), spec)), g.inputs(-1, 1, x), x);
            g.checkBothOrders(v -> Ops.square(IndexOps.maxPool2d(v.get(0), spec)), g.inputs(-1, 1, x), x);
        }
        g.checkBothOrders(v -> Ops.square(NetOps.globalAvgPool(v.get(0))), g.inputs(-1, 1, x), x);
        double[] plane = {1, 5, 2, 0, 3, 4, 9, 8, 7, 6, 1, 2, 3, 3, 0, 0};
        Var img = constant(plane, 1, 1, 4, 4);
        assertArrayEquals(
                new double[] {5, 9, 7, 2},
                IndexOps.maxPool2d(img, new Pool2dSpec(2, 2, 0)).value().toDoubleArray(),
                0);
        assertArrayEquals(
                new double[] {5, 9, 7, 9},
                IndexOps.maxPool2d(img, new Pool2dSpec(3, 2, 1)).value().toDoubleArray(),
                0);
        assertArrayEquals(
                new double[] {13.0 / 4, 19.0 / 4, 19.0 / 4, 3.0 / 4},
                NetOps.avgPool2d(img, new Pool2dSpec(2, 2, 0)).value().toDoubleArray(),
                1e-12);
        assertArrayEquals(
                new double[] {54.0 / 16}, NetOps.globalAvgPool(img).value().toDoubleArray(), 1e-12);
    }

    @Test
    void gathersPermutationsAndEmbeddings() {
        GradCheck g = gc(14);
        int[] s = {2, 3, 4};
        g.checkBothOrders(v -> Ops.square(IndexOps.permute(v.get(0), 2, 0, 1)), g.inputs(-1, 1, s), s);
        int[] table = {5, 3};
        int[] ids = {4, 0, 4, 2};
        g.checkBothOrders(
                v -> Ops.square(IndexOps.embedding(ids, new int[] {2, 2}, v.get(0))), g.inputs(-1, 1, table), table);
        int[] target = {6};
        int[] index = {5, 0, 5, 1};
        g.checkBothOrders(
                v -> Ops.square(IndexOps.scatterAdd(v.get(0), index, target)),
                g.inputs(-1, 1, new int[] {4}),
                new int[] {4});

        double[] values = new double[24];
        for (int i = 0; i < 24; i++) {
            values[i] = i;
        }
        Var p = IndexOps.permute(constant(values, s), 2, 0, 1);
        assertArrayEquals(new int[] {4, 2, 3}, p.shape());
        // output [k, i, j] is input [i, j, k] = 12 i + 4 j + k
        assertEquals(12 + 8 + 3, p.value().toDoubleArray()[3 * 6 + 1 * 3 + 2], 0);
        Var emb = IndexOps.embedding(ids, new int[] {4}, constant(gc(2).random(15, -1, 1), table));
        double[] e = emb.value().toDoubleArray();
        assertArrayEquals(java.util.Arrays.copyOfRange(e, 0, 3), java.util.Arrays.copyOfRange(e, 6, 9), 0);
        Var tableVar = Var.leaf(backend().zeros(DType.F64, table), "table");
        Var grad = Autodiff.grad(
                        Ops.sumAll(IndexOps.embedding(ids, new int[] {4}, tableVar)),
                        java.util.List.of(tableVar),
                        false)
                .get(0);
        assertArrayEquals(
                new double[] {1, 1, 1, 0, 0, 0, 1, 1, 1, 0, 0, 0, 2, 2, 2},
                grad.value().toDoubleArray(),
                0);
    }

    @Test
    void badIndicesAreNamed() {
        Var table = constant(new double[6], 3, 2);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> IndexOps.embedding(new int[] {1, 3}, new int[] {2}, table));
        assertEquals("embedding: token id 3 at position 1 outside the vocabulary [0, 3)", e.getMessage());
        IllegalArgumentException p = assertThrows(
                IllegalArgumentException.class, () -> IndexOps.permute(constant(new double[6], 2, 3), 0, 0));
        assertEquals("permute: [0, 0] is not a permutation of the axes of [2, 3]", p.getMessage());
    }

    @Test
    void batchedProductsAllTransposes() {
        GradCheck g = gc(15);
        int[] a = {2, 3, 4};
        int[] b = {2, 4, 2};
        int[] at = {2, 4, 3};
        int[] bt = {2, 2, 4};
        g.checkBothOrders(
                v -> Ops.sigmoid(IndexOps.batchedMatmul(v.get(0), v.get(1), false, false)),
                g.inputs(-1, 1, a, b),
                a,
                b);
        g.checkBothOrders(
                v -> Ops.sigmoid(IndexOps.batchedMatmul(v.get(0), v.get(1), true, false)),
                g.inputs(-1, 1, at, b),
                at,
                b);
        g.checkBothOrders(
                v -> Ops.sigmoid(IndexOps.batchedMatmul(v.get(0), v.get(1), false, true)),
                g.inputs(-1, 1, a, bt),
                a,
                bt);
        g.checkBothOrders(
                v -> Ops.sigmoid(IndexOps.batchedMatmul(v.get(0), v.get(1), true, true)),
                g.inputs(-1, 1, at, bt),
                at,
                bt);
        // each batch entry equals the 2-D product of its slices
        double[] x = gc(3).random(24, -1, 1);
        double[] y = gc(4).random(16, -1, 1);
        double[] out = IndexOps.batchedMatmul(constant(x, a), constant(y, b), false, false)
                .value()
                .toDoubleArray();
        Backend be = backend();
        for (int p = 0; p < 2; p++) {
            Tensor slice = be.matmul(
                    be.fromArray(java.util.Arrays.copyOfRange(x, 12 * p, 12 * p + 12), DType.F64, 3, 4),
                    be.fromArray(java.util.Arrays.copyOfRange(y, 8 * p, 8 * p + 8), DType.F64, 4, 2));
            assertArrayEquals(slice.toDoubleArray(), java.util.Arrays.copyOfRange(out, 6 * p, 6 * p + 6), 1e-12);
        }
    }

    @Test
    void float32StaysFloat32() {
        Backend be = backend();
        Var x = Var.constant(be.fromFloats(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 2, 1, 2, 2));
        Var c = Var.constant(be.fromFloats(new float[] {1}, 1));
        Var z = Var.constant(be.fromFloats(new float[] {0}, 1));
        assertEquals(
                DType.F32, NetOps.batchNormTrain(x, c, z, 1e-5).output().value().dtype());
        assertEquals(
                DType.F32,
                NetOps.batchNormEval(x, c, z, be.zeros(DType.F64, 1), be.full(DType.F64, 1, 1), 1e-5)
                        .value()
                        .dtype());
        assertEquals(
                DType.F32,
                IndexOps.maxPool2d(x, new Pool2dSpec(2, 2, 0)).value().dtype());
        assertEquals(
                DType.F32, NetOps.avgPool2d(x, new Pool2dSpec(2, 2, 0)).value().dtype());
        assertEquals(DType.F32, NetOps.gelu(x).value().dtype());
    }
}
