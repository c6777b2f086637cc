package org.leakbench.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Conv2dSpec;
import org.leakbench.tensor.DType;

/**
 * First and second derivatives of every differentiable operation against central finite differences
 * in float64. Written once and run for every backend.
 */
abstract class AutodiffContractTest {
    protected abstract Backend backend();

    private GradCheck gc(long seed) {
        return new GradCheck(backend(), seed);
    }

    @Test
    void elementwiseBinaryWithBroadcasting() {
        GradCheck g = gc(1);
        int[] a = {3, 4};
        int[] b = {4};
        g.checkBothOrders(x -> Ops.add(Ops.mul(x.get(0), x.get(0)), x.get(1)), g.inputs(-1, 1, a, b), a, b);
        g.checkBothOrders(x -> Ops.mul(Ops.sub(x.get(0), x.get(1)), x.get(0)), g.inputs(-1, 1, a, b), a, b);
        g.checkBothOrders(x -> Ops.mul(x.get(0), x.get(1)), g.inputs(-1, 1, a, b), a, b);
        int[] col = {3, 1};
        g.checkBothOrders(x -> Ops.div(x.get(0), x.get(1)), g.inputs(0.5, 2, a, col), a, col);
        int[] img = {2, 3, 2, 2};
        int[] bias = {1, 3, 1, 1};
        g.checkBothOrders(x -> Ops.mul(Ops.add(x.get(0), x.get(1)), x.get(0)), g.inputs(-1, 1, img, bias), img, bias);
    }

    @Test
    void elementwiseUnary() {
        GradCheck g = gc(2);
        int[] s = {2, 5};
        g.checkBothOrders(x -> Ops.exp(x.get(0)), g.inputs(-1, 1, s), s);
        g.checkBothOrders(x -> Ops.log(x.get(0)), g.inputs(0.5, 2, s), s);
        g.checkBothOrders(x -> Ops.sqrt(x.get(0)), g.inputs(0.5, 2, s), s);
        g.checkBothOrders(x -> Ops.square(x.get(0)), g.inputs(-1, 1, s), s);
        g.checkBothOrders(x -> Ops.sigmoid(x.get(0)), g.inputs(-2, 2, s), s);
        g.checkBothOrders(x -> Ops.tanh(x.get(0)), g.inputs(-2, 2, s), s);
        g.checkBothOrders(x -> Ops.sigmoidBackward(Ops.sigmoid(x.get(0)), x.get(1)), g.inputs(-2, 2, s, s), s, s);
        g.checkBothOrders(x -> Ops.neg(Ops.scale(Ops.addScalar(x.get(0), 0.3), 1.7)), g.inputs(-1, 1, s), s);
        g.checkBothOrders(x -> Ops.mul(Ops.relu(x.get(0)), x.get(0)), g.inputs(0.1, 1, s), s);
        g.checkBothOrders(x -> Ops.mul(Ops.abs(x.get(0)), x.get(0)), g.inputs(0.1, 1, s), s);
    }

    @Test
    void shapesAndReductions() {
        GradCheck g = gc(3);
        int[] s = {2, 3, 4};
        g.checkBothOrders(x -> Ops.square(Ops.sumTo(x.get(0), 3, 1)), g.inputs(-1, 1, s), s);
        g.checkBothOrders(
                x -> Ops.square(Ops.broadcastTo(x.get(0), 2, 3, 4)), g.inputs(-1, 1, new int[] {3, 1}), new int[] {3, 1
                });
        g.checkBothOrders(x -> Ops.square(Ops.reshape(x.get(0), 6, 4)), g.inputs(-1, 1, s), s);
        int[] m = {3, 5};
        g.checkBothOrders(x -> Ops.mul(Ops.transpose(x.get(0)), Ops.transpose(x.get(0))), g.inputs(-1, 1, m), m);
        g.checkBothOrders(x -> Ops.square(Ops.sumAll(x.get(0))), g.inputs(-1, 1, m), m);
        g.checkBothOrders(x -> Ops.square(Ops.mean(x.get(0))), g.inputs(-1, 1, m), m);
    }

    @Test
    void matmulAllTransposes() {
        GradCheck g = gc(4);
        int[] a = {3, 4};
        int[] b = {4, 2};
        g.checkBothOrders(x -> Ops.sigmoid(Ops.matmul(x.get(0), x.get(1), false, false)), g.inputs(-1, 1, a, b), a, b);
        int[] at = {4, 3};
        g.checkBothOrders(x -> Ops.sigmoid(Ops.matmul(x.get(0), x.get(1), true, false)), g.inputs(-1, 1, at, b), at, b);
        int[] bt = {2, 4};
        g.checkBothOrders(x -> Ops.sigmoid(Ops.matmul(x.get(0), x.get(1), false, true)), g.inputs(-1, 1, a, bt), a, bt);
        g.checkBothOrders(
                x -> Ops.sigmoid(Ops.matmul(x.get(0), x.get(1), true, true)), g.inputs(-1, 1, at, bt), at, bt);
    }

    @Test
    void convolutionAndItsAdjoints() {
        GradCheck g = gc(5);
        int[] xs = {2, 2, 6, 6};
        int[] ws = {3, 2, 3, 3};
        for (Conv2dSpec spec : new Conv2dSpec[] {new Conv2dSpec(1, 0), new Conv2dSpec(2, 1)}) {
            g.checkBothOrders(x -> Ops.sigmoid(Ops.conv2d(x.get(0), x.get(1), spec)), g.inputs(-1, 1, xs, ws), xs, ws);
            int[] ys = spec.outputShape(xs, ws);
            g.checkBothOrders(
                    x -> Ops.square(Ops.conv2dInputAdjoint(x.get(0), x.get(1), xs, spec)),
                    g.inputs(-1, 1, ys, ws),
                    ys,
                    ws);
            g.checkBothOrders(
                    x -> Ops.square(Ops.conv2dFilterAdjoint(x.get(0), x.get(1), ws, spec)),
                    g.inputs(-1, 1, xs, ys),
                    xs,
                    ys);
        }
    }

    @Test
    void lossesAndDistances() {
        GradCheck g = gc(6);
        int[] z = {3, 5};
        g.checkBothOrders(
                x -> Losses.softCrossEntropy(x.get(0), Ops.exp(Ops.logSoftmax(x.get(1)))), g.inputs(-2, 2, z, z), z, z);
        g.checkBothOrders(x -> Losses.crossEntropy(x.get(0), new int[] {0, 4, 2}), g.inputs(-2, 2, z), z);
        g.checkBothOrders(
                x -> Losses.squaredDistance(List.of(x.get(0), x.get(1)), List.of(x.get(1), x.get(0))),
                g.inputs(-1, 1, z, z),
                z,
                z);
        g.checkBothOrders(x -> Ops.dot(Ops.mul(x.get(0), x.get(1)), Ops.exp(x.get(1))), g.inputs(-1, 1, z, z), z, z);
        g.checkBothOrders(x -> Ops.sumOfSquares(Ops.mul(x.get(0), x.get(1))), g.inputs(-1, 1, z, z), z, z);
        g.checkBothOrders(
                x -> Ops.sumOfSquaredDifferences(Ops.mul(x.get(0), x.get(0)), x.get(1)), g.inputs(-1, 1, z, z), z, z);
        int[] one = {};
        g.checkBothOrders(
                x -> Ops.sumOfSquares(Ops.scaledDifference(x.get(0), Ops.exp(x.get(1)), x.get(2))),
                g.inputs(-1, 1, z, z, one),
                z,
                z,
                one);
        g.checkBothOrders(
                x -> Losses.cosineDistance(List.of(x.get(0)), List.of(x.get(1))), g.inputs(-1, 1, z, z), z, z);
        int[] img = {1, 2, 4, 4};
        g.checkFirstOrder(x -> Losses.totalVariation(x.get(0)), g.inputs(0, 1, img), img);
    }

    @Test
    void gradientOfGradientThroughANetwork() {
        // The DLG pattern: d/dx || d loss(x; W) / dW - target ||^2.
        GradCheck g = gc(7);
        int[] x = {2, 3};
        int[] w = {3, 4};
        g.checkFirstOrder(
                v -> {
                    Var loss = Losses.crossEntropy(Ops.matmul(Ops.sigmoid(v.get(0)), v.get(1)), new int[] {1, 3});
                    Var gw = Autodiff.grad(loss, List.of(v.get(1)), true).get(0);
                    return Ops.sumAll(Ops.square(Ops.addScalar(gw, -0.05)));
                },
                g.inputs(-1, 1, x, w),
                x,
                w);
    }

    @Test
    void firstOrderGradientsCarryNoGraph() {
        Backend be = backend();
        Var x = Var.leaf(be.fromArray(new double[] {1, 2}, DType.F64, 2), "x");
        Var y = Ops.sumAll(Ops.square(x));
        Var gx = Autodiff.grad(y, List.of(x), false).get(0);
        assertFalse(gx.requiresGrad());
        assertArrayEquals(new double[] {2, 4}, gx.value().toDoubleArray(), 1e-12);
    }

    @Test
    void unrelatedInputGetsZeroGradient() {
        Backend be = backend();
        Var x = Var.leaf(be.fromArray(new double[] {1, 2}, DType.F64, 2), "x");
        Var z = Var.leaf(be.fromArray(new double[] {3}, DType.F64, 1), "z");
        Var gz = Autodiff.grad(Ops.sumAll(x), List.of(z), false).get(0);
        assertEquals(0.0, gz.value().item(), 0.0);
    }

    @Test
    void nonScalarOutputIsRejected() {
        Backend be = backend();
        Var x = Var.leaf(be.fromArray(new double[] {1, 2}, DType.F64, 2), "x");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Autodiff.grad(Ops.square(x), List.of(x), false));
        assertEquals("grad needs a scalar output, got shape [2]", e.getMessage());
    }
}
