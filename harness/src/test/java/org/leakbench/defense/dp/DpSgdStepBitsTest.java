package org.leakbench.defense.dp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leakbench.model.Model;
import org.leakbench.model.PerExampleGradients;
import org.leakbench.model.Sgd;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Backends;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;
import org.leakbench.update.Update;

/**
 * A DP-SGD gradient is exactly its definition, bit for bit: the clipped sum rounded to float, plus the fast
 * Gaussian's unit draws in order times σC rounded to float, divided by the batch size in double and rounded to float. Speed-ups of
 * the noisy step must not change a single bit of what a seed produces.
 */
class DpSgdStepBitsTest {
    private static final double CLIP = 0.1;
    private static final double SIGMA = 1.3;

    private final Backend be = Backends.get("ejml");
    private final Model model = TinyMlpProblem.model();
    private final float[][] x = new float[8][6];
    private final int[] y = new int[8];
    private final int[] batch = {0, 2, 3, 5, 7}; // five rows: the division is not a power of two
    private final int[] fourRows = {0, 2, 5, 7}; // a power of two: the division is fused into the noise

    DpSgdStepBitsTest() {
        TinyMlpProblem.fill(x, y);
    }

    private List<Tensor> params(DType dtype) {
        return model.initialParameters(be, dtype, new SplittableRandom(1));
    }

    private List<Tensor> noisy(DType dtype, long seed) {
        return noisy(dtype, seed, batch);
    }

    private List<Tensor> noisy(DType dtype, long seed, int[] batch) {
        return DpSgdStep.noisyGradient(
                model,
                be,
                dtype,
                params(dtype),
                x,
                y,
                batch,
                new DpSgdOptions(CLIP, SIGMA),
                new SplittableRandom(seed));
    }

    /** The definition, written out with the sampler's one-at-a-time draws. */
    private double[] reference(DType dtype, long seed) {
        return reference(dtype, seed, batch);
    }

    private double[] reference(DType dtype, long seed, int[] batch) {
        Tensor xb = Sgd.batch(be, dtype, x, batch, model.spec().inputShape());
        List<Tensor> sum = PerExampleGradients.clippedSum(model, params(dtype), xb, Sgd.pick(y, batch), CLIP)
                .sum();
        float[] flat = Update.fromTensors(sum).flatten();
        float[] unit = new float[flat.length];
        new BoxMullerSampler(new SplittableRandom(seed)).fill(unit, 1.0);
        float std = (float) (SIGMA * CLIP);
        double[] out = new double[flat.length];
        for (int i = 0; i < flat.length; i++) {
            float noisy = flat[i] + unit[i] * std;
            out[i] = (float) (noisy / (double) batch.length);
        }
        return out;
    }

    private static double[] values(List<Tensor> tensors) {
        List<double[]> parts = new ArrayList<>();
        int n = 0;
        for (Tensor t : tensors) {
            parts.add(t.toDoubleArray());
            n += t.size();
        }
        double[] out = new double[n];
        int at = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void aPowerOfTwoBatchIsItsDefinitionToo(DType dtype) {
        assertArrayEquals(reference(dtype, 4, fourRows), values(noisy(dtype, 4, fourRows)));
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void theNoisyGradientIsItsDefinition(DType dtype) {
        List<Tensor> out = noisy(dtype, 9);
        assertArrayEquals(reference(dtype, 9), values(out));
        for (int i = 0; i < out.size(); i++) {
            assertEquals(dtype, out.get(i).dtype());
            assertArrayEquals(params(dtype).get(i).shape(), out.get(i).shape());
        }
    }

    @Test
    void float64IsPinned() {
        // Float64 never takes a Vector API path, so one digest holds with and without it.
        assertEquals("fd8e0913477919ca", Bits.digest(values(noisy(DType.F64, 9))));
    }

    @Test
    void theGaussianMechanismIsPinned() {
        float[][] rows = new float[5][1000];
        SplittableRandom r = new SplittableRandom(4);
        for (float[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) r.nextGaussian() * 0.1f;
            }
        }
        DpSgdOptions options = new DpSgdOptions(1.0, 0.8);
        float[] byCount = new GaussianMechanism(options, new FastGaussianSampler(6)).aggregate(rows);
        float[] byExpected = new GaussianMechanism(options, new FastGaussianSampler(6)).aggregate(rows, 6.5);
        assertEquals("68f70e79aca07c71", Bits.digest(byCount));
        assertEquals("fcaf42df95a8497b", Bits.digest(byExpected));
    }
}
