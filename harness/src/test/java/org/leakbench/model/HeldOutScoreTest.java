package org.leakbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Backends;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/** Held-out accuracy and mean cross-entropy, against hand-computed values and the training loss. */
class HeldOutScoreTest {
    private final Backend be = Backends.get("java");

    /** The linear model x·W + b on one input and two classes, W = [0, ln 3], b = 0. */
    private final Model linear = Models.build(ModelSpec.linear(new int[] {1}, 2));

    private final List<Tensor> params = List.of(
            be.fromArray(new double[] {0, Math.log(3)}, DType.F64, 1, 2), be.fromArray(new double[2], DType.F64, 2));

    /**
     * x = 1 gives logits [0, ln 3], so softmax [1/4, 3/4]: label 0 costs ln 4, label 1 costs ln(4/3); x = 0 gives
     * [0, 0], label 1 costs ln 2 and the tie predicts class 0. Mean loss (ln 4 + ln 4/3 + ln 2)/3 = ln(32/3)/3,
     * one row of three right.
     */
    @Test
    void theLossOfATinyModelIsTheHandComputedOne() {
        float[][] x = {{1}, {1}, {0}};
        int[] y = {0, 1, 1};
        for (int chunk : new int[] {1, 2, 3, 500}) {
            HeldOutScore s = HeldOutScore.of(linear, be, DType.F64, params, x, y, chunk);
            assertEquals(Math.log(32.0 / 3) / 3, s.meanLoss(), 1e-12, "chunk " + chunk);
            assertEquals(1.0 / 3, s.accuracy(), 0, "chunk " + chunk);
        }
    }

    @Test
    void largeLogitsDoNotOverflow() {
        List<Tensor> sharp = List.of(
                be.fromArray(new double[] {0, 1000}, DType.F64, 1, 2), be.fromArray(new double[2], DType.F64, 2));
        HeldOutScore s = HeldOutScore.of(linear, be, DType.F64, sharp, new float[][] {{1}, {1}}, new int[] {0, 1}, 2);
        assertEquals(1000 / 2.0, s.meanLoss(), 1e-9, "ln(1 + e^1000) ≈ 1000 for the wrong label, ≈ 0 for the right");
    }

    /**
     * With BatchNorm the score's forward pass is the training loss's one (batch statistics of the chunk): one
     * chunk equals {@link Gradients#of}'s loss on the whole batch, two chunks the mean of the halves' losses.
     */
    @Test
    void aBatchNormModelIsScoredWithTheStatisticsOfItsChunk() {
        Model conv = Models.build(new ModelSpec(
                ModelSpec.CONVNET,
                new int[] {2, 9, 9},
                3,
                1.0 / 16,
                8,
                Activation.RELU,
                Map.of(ModelSpec.NORM, "batch")));
        SplittableRandom rng = new SplittableRandom(7);
        List<Tensor> p = conv.initialParameters(be, DType.F64, rng);
        float[][] x = new float[6][2 * 9 * 9];
        for (float[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) rng.nextGaussian();
            }
        }
        int[] y = {0, 1, 2, 2, 1, 0};
        int[] shape = conv.spec().inputShape();
        double whole = Gradients.of(conv, p, Sgd.batch(be, DType.F64, x, new int[] {0, 1, 2, 3, 4, 5}, shape), y)
                .loss();
        assertEquals(whole, HeldOutScore.of(conv, be, DType.F64, p, x, y, 6).meanLoss(), 1e-9);
        double first = Gradients.of(conv, p, Sgd.batch(be, DType.F64, x, new int[] {0, 1, 2}, shape), pick(y, 0))
                .loss();
        double second = Gradients.of(conv, p, Sgd.batch(be, DType.F64, x, new int[] {3, 4, 5}, shape), pick(y, 3))
                .loss();
        double halves = HeldOutScore.of(conv, be, DType.F64, p, x, y, 3).meanLoss();
        assertEquals((first + second) / 2, halves, 1e-9);
        assertTrue(Math.abs(halves - whole) > 1e-6, "batch statistics differ between the chunkings");
    }

    @Test
    void aDivergedModelHasNoFiniteLoss() {
        List<Tensor> nan = List.of(
                be.fromArray(new double[] {Double.NaN, 0}, DType.F64, 1, 2), be.fromArray(new double[2], DType.F64, 2));
        assertTrue(Double.isNaN(HeldOutScore.of(linear, be, DType.F64, nan, new float[][] {{1}}, new int[] {0}, 1)
                .meanLoss()));
    }

    @Test
    void noRowsScoreNaNAndBadLabelsAreNamed() {
        HeldOutScore none = HeldOutScore.of(linear, be, DType.F64, params, new float[0][], new int[0], 10);
        assertTrue(Double.isNaN(none.accuracy()) && Double.isNaN(none.meanLoss()));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> HeldOutScore.of(linear, be, DType.F64, params, new float[][] {{1}, {0}}, new int[] {0, 2}, 10));
        assertEquals("held-out row 1 has label 2, outside [0, 2)", e.getMessage());
    }

    private static int[] pick(int[] labels, int from) {
        return Arrays.copyOfRange(labels, from, from + 3);
    }
}
