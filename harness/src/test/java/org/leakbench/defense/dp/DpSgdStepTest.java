package org.leakbench.defense.dp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.leakbench.model.Gradients;
import org.leakbench.model.Model;
import org.leakbench.model.Sgd;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Backends;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;
import org.leakbench.update.Update;

class DpSgdStepTest {
    private final Backend be = Backends.get("ejml");
    private final Model model = TinyMlpProblem.model();
    private final List<Tensor> params = model.initialParameters(be, DType.F64, new SplittableRandom(1));
    private final float[][] x = new float[8][6];
    private final int[] y = new int[8];

    DpSgdStepTest() {
        TinyMlpProblem.fill(x, y);
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float f : v) {
            s += (double) f * f;
        }
        return Math.sqrt(s);
    }

    @Test
    void withoutNoiseAndWithALooseClipItIsTheBatchMeanGradient() {
        int[] batch = {0, 3, 5, 6};
        float[] dp = Update.fromTensors(DpSgdStep.noisyGradient(
                        model, be, DType.F64, params, x, y, batch, new DpSgdOptions(1e9, 0), new SplittableRandom(3)))
                .flatten();
        Tensor xb = Sgd.batch(be, DType.F64, x, batch, model.spec().inputShape());
        float[] plain = Update.fromTensors(
                        Gradients.of(model, params, xb, Sgd.pick(y, batch)).gradient())
                .flatten();
        assertArrayEquals(plain, dp, 1e-5f);
    }

    @Test
    void eachExampleIsClippedBeforeTheMean() {
        int[] batch = {0, 1, 2, 3, 4, 5, 6, 7};
        float[][] per = DpSgdStep.perExampleGradients(model, be, DType.F64, params, x, y, batch);
        assertEquals(8, per.length);
        double clip = 0.01;
        float[] dp = Update.fromTensors(DpSgdStep.noisyGradient(
                        model, be, DType.F64, params, x, y, batch, new DpSgdOptions(clip, 0), new SplittableRandom(3)))
                .flatten();
        assertTrue(norm(dp) <= clip * (1 + 1e-6), "mean of clipped gradients has norm <= C: " + norm(dp));
    }

    @Test
    void noiseHasStandardDeviationSigmaTimesClipOverBatch() {
        int[] batch = {0, 1, 2, 3};
        double sigma = 2;
        double clip = 0.5;
        SplittableRandom rng = new SplittableRandom(4);
        float[] clean = Update.fromTensors(DpSgdStep.noisyGradient(
                        model, be, DType.F64, params, x, y, batch, new DpSgdOptions(clip, 0), rng))
                .flatten();
        double sq = 0;
        int n = 0;
        for (int rep = 0; rep < 50; rep++) {
            float[] noisy = Update.fromTensors(DpSgdStep.noisyGradient(
                            model, be, DType.F64, params, x, y, batch, new DpSgdOptions(clip, sigma), rng))
                    .flatten();
            for (int i = 0; i < noisy.length; i++) {
                double d = noisy[i] - clean[i];
                sq += d * d;
                n++;
            }
        }
        double std = Math.sqrt(sq / n);
        assertEquals(sigma * clip / batch.length, std, 0.05 * sigma * clip / batch.length);
    }

    @Test
    void anEmptyBatchIsAnError() {
        assertThrows(
                IllegalArgumentException.class,
                () -> DpSgdStep.noisyGradient(
                        model,
                        be,
                        DType.F64,
                        params,
                        x,
                        y,
                        new int[0],
                        new DpSgdOptions(1, 1),
                        new SplittableRandom(1)));
    }
}
